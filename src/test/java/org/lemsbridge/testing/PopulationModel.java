package org.lemsbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A LEMS model of one population of Izhikevich cells (network + population + cells instances) run for a given length
 * and step: the synthetic case whose cost (instances x steps) the shard tests and {@code bench/shard_balance.py}
 * choose. Its text is the one file {@code src/test/resources/org/lemsbridge/testing/izhikevich-population.xml}, with {@code {cells}},
 * {@code {length}} and {@code {step}} to fill in.
 */
public final class PopulationModel {

    private PopulationModel() {
    }

    /** The model's text: {@code cells} cells, run for {@code length} (say "100ms") in steps of {@code step}. */
    public static String lems(int cells, String length, String step) {
        return template().replace("{cells}", Integer.toString(cells)).replace("{length}", length)
                .replace("{step}", step);
    }

    /** Writes {@link #lems} to {@code file} and returns it. */
    public static Path write(Path file, int cells, String length, String step) throws IOException {
        return Files.writeString(file, lems(cells, length, step));
    }

    private static String template() {
        try (InputStream in = PopulationModel.class.getResourceAsStream("izhikevich-population.xml")) {
            if (in == null) {
                throw new IllegalStateException("izhikevich-population.xml is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
