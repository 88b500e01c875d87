package org.lemsbridge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.files.Staging;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.plot.Figure;
import org.lemsbridge.plot.FigureFiles;
import org.lemsbridge.plot.SimulationFigures;
import org.lemsbridge.plot.TraceFigures;
import org.lemsbridge.suite.TraceLoader;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plot",
        description = {"Draw traces against time as a PNG or SVG: each column by its name and unit (from a NAME.dat.json"
                + " sidecar, a reference-data manifest.json, a CSV header, or --ref-lems), one panel per unit, several"
                + " traces overlaid with a legend naming file and column."},
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:",
                "  lemsbridge plot out/Ex2_Izh_allcells.dat -o cells.png",
                "  lemsbridge plot reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz out/IzhikevichCell.dat \\",
                "      --columns 'izpopTonic[0]/v,v' -o tonic.svg",
                "  lemsbridge plot Ex1_HH_displays.dat --ref-lems LEMS_NML2_Ex1_HH.xml -I NeuroML2CoreTypes -o hh.png",
                ExitCodes.HELP_TEXT})
final class PlotCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "TRACE",
            description = "traces (.dat, .csv, optionally .gz)")
    private List<Path> traces = new ArrayList<>();

    @Option(names = "--columns", split = ",", paramLabel = "NAME",
            description = "columns to draw, by id, quantity path or #position (default: every column); each must be"
                    + " in at least one trace")
    private List<String> columns = new ArrayList<>();

    @Option(names = "--ref-lems", paramLabel = "LEMS.xml",
            description = "name every trace's columns from the OutputFile of this LEMS file that wrote it")
    private Path referenceLems;

    @Mixin
    private IncludePathOption include;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "the picture to write: FILE.png or FILE.svg")
    private Path output;

    @Option(names = "--title", description = "the figure's title (default: the traces' file names)")
    private String title;

    @Mixin
    private DebugOption debugOption;

    @Override
    public Integer call() {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new BadInputException(SourceLocation.unknown(output.toString()),
                    "the picture must be a .png or an .svg file", "for example -o plot.png");
        }
        try (Staging staging = Staging.create()) {
            OutputFiles.reserve(staging, output);
            int columns = draw(staging);
            spec.commandLine().getOut().println("wrote " + output + " (" + columns + " columns)");
            return ExitCodes.OK;
        }
    }

    /** Draws the figure and writes it through {@code staging}, where its file is reserved; returns the columns drawn. */
    private int draw(Staging staging) {
        LemsModel names = referenceLems == null ? null : LemsReader.read(referenceLems, include.folders());
        List<Trace> loaded = new ArrayList<>();
        for (Path trace : traces) {
            loaded.add(names == null ? TraceLoader.read(trace) : TraceLoader.readNamedByLems(trace, names));
        }
        Set<String> unmatched = new LinkedHashSet<>(columns);
        List<TraceFigures.Curve> curves = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            String prefix = loaded.size() > 1 ? traces.get(i).getFileName() + ": " : "";
            curves.addAll(TraceFigures.curves(loaded.get(i), prefix, column -> {
                boolean wanted = columns.isEmpty() || columns.stream().anyMatch(c -> matches(column, c));
                if (wanted) {
                    unmatched.removeIf(c -> matches(column, c));
                }
                return wanted;
            }));
        }
        if (!unmatched.isEmpty()) {
            throw new BadInputException(SourceLocation.unknown("--columns"), "no trace has a column "
                    + String.join(", ", unmatched.stream().map(c -> "'" + c + "'").toList()), "the traces have "
                    + String.join(", ", loaded.stream().flatMap(t -> t.columns().stream()).map(Column::quantity)
                    .distinct().limit(20).toList()));
        }
        String heading = title != null ? title
                : String.join(" + ", traces.stream().map(t -> t.getFileName().toString()).toList());
        Figure figure = TraceFigures.byUnit(heading, curves, SimulationFigures.WIDTH, SimulationFigures.HEIGHT);
        try {
            FigureFiles.write(staging.folderWrites(), output, figure);
            staging.commit();
        } catch (OutputFailure e) {
            throw cannotWrite(e.getCause());
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        return curves.size();
    }

    private BadInputException cannotWrite(IOException e) {
        return new BadInputException(SourceLocation.unknown(output.toString()), "cannot write: "
                + OutputFailure.reason(e), null, e);
    }

    private static boolean matches(Column column, String wanted) {
        return column.name().equals(wanted) || column.quantity().equals(wanted);
    }
}
