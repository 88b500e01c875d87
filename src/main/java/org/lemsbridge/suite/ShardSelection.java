package org.lemsbridge.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.lemsbridge.error.IoFailure;

/**
 * The cases one shard of a suite runs ({@code check --shard K/N}), chosen by a {@link ShardPlan} over the cases'
 * {@link CaseCosts}, and what a merge needs to check that shards fit together.
 *
 * @param shard       which shard
 * @param suite       the suite narrowed to the shard's cases (in suite order)
 * @param caseNumbers the shard's cases' numbers in the whole suite (1-based)
 * @param suiteCases  how many cases the whole suite has
 * @param suiteDigest the suite's {@link #digest}
 * @param basis       what the cost estimates were based on
 */
public record ShardSelection(Shard shard, Suite suite, List<Integer> caseNumbers, int suiteCases, String suiteDigest,
                             String basis) {

    public ShardSelection {
        caseNumbers = List.copyOf(caseNumbers);
    }

    /** Shard {@code shard} of {@code suite}, its costs estimated with {@code recordedSeconds} where known. */
    public static ShardSelection of(Suite suite, Shard shard, Map<String, Double> recordedSeconds) {
        CaseCosts.Costs costs = shard.count() == 1 ? new CaseCosts.Costs(
                suite.cases().stream().map(c -> 1.0).toList(), "one shard")
                : CaseCosts.of(suite, recordedSeconds);
        List<Integer> positions = ShardPlan.of(costs.values(), shard.count()).positions(shard.index());
        List<SuiteCase> cases = positions.stream().map(suite.cases()::get).toList();
        return new ShardSelection(shard, suite.withCases(cases), positions.stream().map(p -> p + 1).toList(),
                suite.cases().size(), digest(suite.files()), costs.basis());
    }

    /**
     * What tells a suite's shards from another suite's: the SHA-256 of its file's bytes, in hex; for several suite
     * files, the SHA-256 of their SHA-256s, one a line in order.
     */
    public static String digest(List<Path> files) {
        if (files.size() == 1) {
            return digest(files.get(0));
        }
        StringBuilder lines = new StringBuilder();
        for (Path file : files) {
            lines.append(digest(file)).append('\n');
        }
        return HexFormat.of().formatHex(sha256().digest(lines.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    /** The SHA-256 of {@code file}'s bytes, in hex. */
    public static String digest(Path file) {
        try {
            return HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw IoFailure.cannotRead(file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
