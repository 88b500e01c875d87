package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.Rethrow;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.Simulator;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

/** Reads traces, naming their columns from their own metadata or from the LEMS file that wrote them. */
public final class TraceLoader {
    private TraceLoader() {
    }

    public static Trace read(Path file) {
        return TraceReader.read(file);
    }

    /** A reference and a candidate trace, read together. */
    public record TracePair(Trace reference, Trace candidate) {
    }

    /**
     * Reads two traces at the same time, the candidate on a second thread, so that comparing large files takes about
     * as long as reading one; an error in either is thrown as it was.
     */
    public static TracePair readPair(Supplier<Trace> reference, Supplier<Trace> candidate) {
        FutureTask<Trace> second = new FutureTask<>(candidate::get);
        Thread thread = new Thread(second, "lemsbridge-read-candidate");
        thread.setDaemon(true);
        thread.start();
        Trace first = reference.get();
        try {
            return new TracePair(first, second.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the candidate trace", e);
        } catch (ExecutionException e) {
            throw Rethrow.unchecked(e.getCause());
        }
    }

    /**
     * Reads {@code file}, naming its columns after the OutputFile of {@code lemsFile}'s Simulation whose
     * {@code fileName} is the trace's file name (a {@code .gz} suffix ignored).
     */
    public static Trace readNamedByLems(Path file, Path lemsFile, List<Path> includePath, Confinement confinement) {
        return readNamedByLems(file, LemsReader.read(lemsFile, includePath, confinement));
    }

    /** As {@link #readNamedByLems(Path, Path, List, Confinement)}, with the LEMS file already read. */
    public static Trace readNamedByLems(Path file, LemsModel model) {
        return TraceReader.read(file, columnsNamedByLems(file, model));
    }

    /**
     * The columns (time first) of the OutputFile of {@code model}'s Simulation whose {@code fileName} is the trace's
     * file name (a {@code .gz} suffix ignored).
     */
    public static List<Column> columnsNamedByLems(Path file, LemsModel model) {
        String wanted = stripGzip(file.getFileName().toString());
        List<Simulator.PlannedOutput> outputs = Simulator.build(model, SimulationOptions.defaults()).plannedOutputs();
        for (Simulator.PlannedOutput output : outputs) {
            if (Path.of(output.fileName()).getFileName().toString().equals(wanted)) {
                List<Column> columns = new ArrayList<>();
                columns.add(Column.time());
                for (Simulator.PlannedColumn column : output.columns()) {
                    columns.add(new Column(column.name(), column.quantity(), column.unit()));
                }
                return columns;
            }
        }
        throw new BadInputException(SourceLocation.unknown(String.valueOf(model.source())), "no OutputFile of "
                + (model.source() == null ? "the model" : model.source().getFileName()) + " writes '" + wanted + "'; it writes "
                + outputs.stream().map(Simulator.PlannedOutput::fileName).toList());
    }

    private static String stripGzip(String name) {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
