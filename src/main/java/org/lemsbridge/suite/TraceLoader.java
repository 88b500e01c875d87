package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
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

    /**
     * Reads {@code file}, naming its columns after the OutputFile of {@code lemsFile}'s Simulation whose
     * {@code fileName} is the trace's file name (a {@code .gz} suffix ignored).
     */
    public static Trace readNamedByLems(Path file, Path lemsFile, List<Path> includePath) {
        LemsModel model = LemsReader.read(lemsFile, includePath);
        String wanted = stripGzip(file.getFileName().toString());
        List<Simulator.PlannedOutput> outputs = Simulator.build(model, SimulationOptions.defaults()).plannedOutputs();
        for (Simulator.PlannedOutput output : outputs) {
            if (Path.of(output.fileName()).getFileName().toString().equals(wanted)) {
                List<Column> columns = new ArrayList<>();
                columns.add(Column.time());
                for (Simulator.PlannedColumn column : output.columns()) {
                    columns.add(new Column(column.name(), column.quantity(), column.unit()));
                }
                return TraceReader.read(file, columns);
            }
        }
        throw new BadInputException(SourceLocation.unknown(lemsFile.toString()), "no OutputFile of "
                + lemsFile.getFileName() + " writes '" + wanted + "'; it writes "
                + outputs.stream().map(Simulator.PlannedOutput::fileName).toList());
    }

    private static String stripGzip(String name) {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
