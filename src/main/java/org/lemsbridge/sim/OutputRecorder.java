package org.lemsbridge.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.lemsbridge.files.Staging;
import org.lemsbridge.trace.DatWriter;
import org.lemsbridge.trace.OutputThread;
import org.lemsbridge.tree.Ref;
import org.lemsbridge.util.Mapped;

/**
 * One OutputFile (or Display) of a run: each step it copies the recorded values from the instances' state into the
 * {@link DatWriter} that formats and stages the {@code .dat} file and its sidecar.
 */
final class OutputRecorder implements DatWriter.RowValues, AutoCloseable {

    /** One column: how the sidecar describes it and where its value lives. */
    record Column(org.lemsbridge.trace.Column description, Ref source) {
    }

    private final String id;
    private final Ref[] sources;
    private final DatWriter writer;

    OutputRecorder(String id, Path target, List<Column> columns, String modelSource, OutputThread outputThread,
            Staging staging) {
        this.id = id;
        this.sources = Mapped.array(columns, Column::source, Ref[]::new);
        this.writer = new DatWriter(target, Mapped.list(columns, Column::description), this, modelSource,
                outputThread, staging);
    }

    /** Reads each column from wherever its value now lives (see BytecodeKernel batches). */
    void redirect(UnaryOperator<Ref> redirect) {
        for (int i = 0; i < sources.length; i++) {
            sources[i] = redirect.apply(sources[i]);
        }
    }

    /** Passes where each column's value now lives, in column order. */
    void forEachSource(Consumer<Ref> action) {
        for (Ref source : sources) {
            action.accept(source);
        }
    }

    void writeRow(double t) {
        writer.writeRow(t);
    }

    @Override
    public void copyTo(float[] row, int at) {
        for (Ref source : sources) {
            row[at++] = (float) source.array()[source.index()];
        }
    }

    SimulationResult.WrittenFile finish() {
        return SimulationResult.WrittenFile.of(id, writer.finish());
    }

    @Override
    public void close() {
        writer.close();
    }
}
