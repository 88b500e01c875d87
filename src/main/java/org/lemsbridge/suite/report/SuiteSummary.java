package org.lemsbridge.suite.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.lemsbridge.compare.report.ComparisonReport;
import org.lemsbridge.suite.CaseResult.Status;

/**
 * A suite run as data: what {@code summary.json} holds, and all the report pages, the Markdown summary and the JUnit
 * XML are rendered from (so reports of several runs can be merged and rendered again). Paths are relative: inputs
 * to the suite file's folder (for several suites run as one, the folder holding all their files), outputs to the
 * report folder.
 *
 * @param suite     the suite's name
 * @param suiteFile the suite file, relative to the report folder (several: comma-separated, in order)
 * @param run       when, where and with what it ran
 * @param status    {@code pass} when every case passed
 * @param passed    cases that passed
 * @param failed    cases that failed their verdict
 * @param errors    cases stopped by an error
 * @param cases     every case, in suite order
 * @param shards    empty for a whole suite run in one go; a shard's own run for {@code check --shard}; every
 *                  shard's run for a report merged from shards
 */
public record SuiteSummary(String suite, String suiteFile, RunInfo run, Status status, int passed, int failed,
                           int errors, List<CaseSummary> cases, List<ShardRun> shards) {

    public SuiteSummary {
        cases = List.copyOf(cases);
        shards = shards == null ? List.of() : List.copyOf(shards);
    }

    /** What a case's summary holds besides its status. */
    public enum Kind {
        COMPARISON, RUN, OMV, ERROR;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The run: lemsbridge's version and the commit it was built from, when it started (UTC, ISO 8601), on what
     * machine, how long it took and with how many cases at once.
     */
    public record RunInfo(String version, String commit, String startedAt, String machine, double seconds,
                          int jobs) {
    }

    /**
     * One case.
     *
     * @param kind       which of {@code comparison}, {@code omv} and {@code error} is set ({@code run}: none, the
     *                   case has no reference and is shown by its pictures)
     * @param tier       the tier reached ({@code omv} for OMV tests, {@code run} for runs, {@code -} for errors)
     * @param required   the tier the case requires
     * @param model      the model (or OMT file), relative to the suite file's folder
     * @param reference  the reference trace, relative to the suite file's folder (null for OMV tests and runs)
     * @param page       the case's page, relative to the report folder
     * @param thumbnail  a small picture of the case, relative to the report folder, or null
     * @param plots      for each compared column, its picture relative to the report folder, or null; for a run,
     *                   each of its pictures
     * @param badInput   for an error: whether the user can fix it (false: a bug in lemsbridge)
     */
    public record CaseSummary(String name, Kind kind, Status status, String tier, String required, double seconds,
                              String model, String reference, String page, String thumbnail, List<String> warnings,
                              ComparisonReport comparison, List<String> plots, List<OmvCheck> omv, boolean dryRun,
                              String error, boolean badInput) {
        public CaseSummary {
            warnings = List.copyOf(warnings);
            plots = plots == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(plots));
            omv = omv == null ? List.of() : List.copyOf(omv);
        }
    }

    /** One check of an OMV test: an experiment's spike times against the expected ones. */
    public record OmvCheck(String experiment, boolean passed, String message) {
    }

    /**
     * One shard's run ({@code check --shard INDEX/COUNT}).
     *
     * @param suiteDigest the SHA-256 of the suite file's bytes (shards of one suite have the same; for several suite
     *                    files, the SHA-256 of their SHA-256s, one a line)
     * @param suiteCases  how many cases the whole suite has
     * @param cases       the numbers (1-based, in suite order) of the cases this shard ran
     * @param basis       what the partition's cost estimates were based on
     * @param seconds     the shard's wall time
     */
    public record ShardRun(int index, int count, String suiteDigest, int suiteCases, List<Integer> cases,
                           String basis, String startedAt, String machine, double seconds, int jobs) {
        public ShardRun {
            cases = cases == null ? List.of() : List.copyOf(cases);
        }
    }
}
