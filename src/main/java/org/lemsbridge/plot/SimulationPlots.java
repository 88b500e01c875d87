package org.lemsbridge.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.lemsbridge.files.FolderWrites;
import org.lemsbridge.files.SafeName;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.SimulationBlock;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.trace.EventFile;
import org.lemsbridge.trace.TraceReader;

/**
 * The pictures of one run, each as PNG and SVG: every Display of the Simulation (from its recorded data), or, when it
 * has none, every OutputFile's columns grouped by unit; and every EventOutputFile as a raster.
 */
public final class SimulationPlots {

    private SimulationPlots() {
    }

    /**
     * Writes the pictures into {@code plotFolder} (through {@code files}) and returns the files written.
     * {@code displayData} is the folder the run recorded its Displays in ({@code ID.dat}); it is not read when the
     * Simulation has no Display.
     */
    public static List<Path> write(LemsModel model, SimulationResult result, Path displayData, Path plotFolder,
            FolderWrites files) throws IOException {
        files.createFolders(plotFolder);
        List<Path> written = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<DisplaySpec> displays = DisplaySpec.of(model);
        for (DisplaySpec display : displays) {
            Figure figure = SimulationFigures.display(display,
                    TraceReader.read(displayData.resolve(display.id() + ".dat")));
            written.addAll(writeBoth(files, plotFolder, unique(display.id(), used), figure));
        }
        for (SimulationResult.WrittenFile file : result.files()) {
            if (file.sidecar() != null) {
                if (displays.isEmpty()) {
                    Figure figure = SimulationFigures.outputFile("OutputFile " + file.id() + ": "
                            + file.path().getFileName(), TraceReader.read(file.path()));
                    written.addAll(writeBoth(files, plotFolder, unique(file.id(), used), figure));
                }
                continue;
            }
            Optional<Component> output = eventOutput(model, file.id());
            if (output.isEmpty()) {
                continue;
            }
            SimulationBlock.EventWriter writer = output.get().type().simulation().eventWriters().get(0);
            String format = writer.format() == null ? null
                    : output.get().textOrAttribute(writer.format()).orElse(null);
            if (!"TIME_ID".equals(format) && !"ID_TIME".equals(format)) {
                continue;
            }
            List<String> ids = output.get().children().stream().map(Component::id).filter(id -> id != null).toList();
            Figure figure = SimulationFigures.raster("EventOutputFile " + file.id() + ": " + file.path().getFileName(),
                    ids, EventFile.read(file.path(), format), length(model));
            written.addAll(writeBoth(files, plotFolder, unique(file.id(), used), figure));
        }
        return written;
    }

    private static List<Path> writeBoth(FolderWrites files, Path folder, String name, Figure figure)
            throws IOException {
        Path png = folder.resolve(name + ".png");
        Path svg = folder.resolve(name + ".svg");
        FigureFiles.writePng(files, png, FigureFiles.image(figure));
        FigureFiles.writeSvg(files, svg, figure);
        return List.of(png, svg);
    }

    private static String unique(String id, Set<String> used) {
        String base = SafeName.of(id == null ? "plot" : id);
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static Optional<Component> eventOutput(LemsModel model, String id) {
        return model.targetSimulation().flatMap(simulation -> simulation.children().stream()
                .filter(c -> id != null && id.equals(c.id()) && !c.type().simulation().eventWriters().isEmpty())
                .findFirst());
    }

    private static double length(LemsModel model) {
        return model.targetRun().map(run -> run.length().si()).orElse(0.0);
    }
}
