package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.lems.SimulationBlock;
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
        Component simulation = model.targetSimulation().orElseThrow(() -> new BadInputException(
                SourceLocation.unknown(lemsFile.toString()), "the LEMS file has no <Target> Simulation"));
        List<String> seen = new ArrayList<>();
        for (Component output : simulation.children()) {
            for (SimulationBlock.DataWriter writer : output.type().simulation().dataWriters()) {
                String fileName = textOf(output, writer.fileName());
                if (fileName == null) {
                    continue;
                }
                seen.add(fileName);
                if (Path.of(fileName).getFileName().toString().equals(wanted)) {
                    return TraceReader.read(file, columnsOf(output));
                }
            }
        }
        throw new BadInputException(SourceLocation.unknown(lemsFile.toString()), "no OutputFile writes '" + wanted
                + "'" + (seen.isEmpty() ? "" : "; it writes " + String.join(", ", seen)));
    }

    private static List<Column> columnsOf(Component output) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.time());
        for (Component column : output.children()) {
            for (SimulationBlock.Record record : column.type().simulation().records()) {
                String quantity = textOf(column, record.quantity());
                if (quantity != null) {
                    columns.add(new Column(column.id() == null ? quantity : column.id(), quantity, null));
                }
            }
        }
        return columns;
    }

    private static String textOf(Component component, String name) {
        String value = component.texts().get(name);
        return value != null ? value : component.attributes().get(name);
    }

    private static String stripGzip(String name) {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
