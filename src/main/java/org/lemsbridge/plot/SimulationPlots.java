package org.lemsbridge.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.lemsbridge.files.FolderWrites;
import org.lemsbridge.files.SafeName;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.SimulationBlock;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.trace.EventFile;
import org.lemsbridge.trace.Sidecar;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

/**
 * The pictures of one run, each as PNG and SVG: every Display of the Simulation (from its recorded data), or, when it
 * has none, every OutputFile's columns grouped by unit; and every EventOutputFile as a raster.
 */
public final class SimulationPlots {

    private SimulationPlots() {
    }

    /**
     * What one picture draws: a Display, an OutputFile's columns, an EventOutputFile as a raster; or nothing, for an
     * event file in a format that is not drawn.
     */
    private enum Source { DISPLAY, OUTPUT_FILE, EVENT_FILE, UNDRAWN_EVENT_FILE }

    /**
     * One picture of a run, named before the run: {@code name}.png and {@code name}.svg. {@code display} is set for a
     * Display, {@code output} and {@code format} for an event file drawn as a raster.
     */
    private record Planned(String name, Source source, DisplaySpec display, Component output, String format) {
    }

    /**
     * The files {@link #write} makes in {@code plotFolder} for a run of {@code model} (PNG and SVG of each picture),
     * known before the run so that one that cannot be written is refused before any work.
     */
    public static List<Path> files(LemsModel model, Path plotFolder) {
        List<Path> files = new ArrayList<>();
        for (Planned picture : plan(model)) {
            if (picture.source() != Source.UNDRAWN_EVENT_FILE) {
                files.add(plotFolder.resolve(picture.name() + ".png"));
                files.add(plotFolder.resolve(picture.name() + ".svg"));
            }
        }
        return files;
    }

    /**
     * Writes the pictures into {@code plotFolder} (through {@code files}) and returns the files written.
     * {@code displayData} is the folder the run recorded its Displays in ({@code ID.dat}); it is not read when the
     * Simulation has no Display.
     */
    public static List<Path> write(LemsModel model, SimulationResult result, Path displayData, Path plotFolder,
            FolderWrites files) throws IOException {
        return write(model, result, displayData, plotFolder, files, UnaryOperator.identity());
    }

    /**
     * As above, reading each file the run wrote from {@code contentOf(file)}: its staged temporary while the run's
     * outputs wait to be committed together with the pictures.
     */
    public static List<Path> write(LemsModel model, SimulationResult result, Path displayData, Path plotFolder,
            FolderWrites files, UnaryOperator<Path> contentOf) throws IOException {
        files.createFolders(plotFolder);
        List<Path> written = new ArrayList<>();
        List<Planned> plan = plan(model);
        List<SimulationResult.WrittenFile> dataFiles = result.files().stream().filter(f -> f.sidecar() != null)
                .toList();
        List<SimulationResult.WrittenFile> eventFiles = result.files().stream().filter(f -> f.sidecar() == null)
                .toList();
        int data = 0;
        int events = 0;
        for (Planned picture : plan) {
            Figure figure;
            switch (picture.source()) {
                case DISPLAY -> figure = SimulationFigures.display(picture.display(),
                        read(displayData.resolve(picture.display().id() + ".dat"), contentOf));
                case OUTPUT_FILE -> {
                    SimulationResult.WrittenFile file = dataFiles.get(data++);
                    figure = SimulationFigures.outputFile("OutputFile " + file.id() + ": " + file.path().getFileName(),
                            read(file.path(), contentOf));
                }
                case UNDRAWN_EVENT_FILE -> {
                    events++;
                    continue;
                }
                default -> {
                    SimulationResult.WrittenFile file = eventFiles.get(events++);
                    List<String> ids = picture.output().children().stream().map(Component::id)
                            .filter(id -> id != null).toList();
                    figure = SimulationFigures.raster("EventOutputFile " + file.id() + ": "
                            + file.path().getFileName(), ids, EventFile.read(contentOf.apply(file.path()),
                            picture.format()), length(model));
                }
            }
            written.addAll(writeBoth(files, plotFolder, picture.name(), figure));
        }
        return written;
    }

    /**
     * Reads a trace the run wrote from where its content is now, its columns named by its sidecar (itself staged
     * beside a staged trace, under a temporary name that {@link TraceReader} would not look for).
     */
    private static Trace read(Path file, UnaryOperator<Path> contentOf) {
        Path content = contentOf.apply(file);
        if (content.equals(file)) {
            return TraceReader.read(file);
        }
        Path sidecar = contentOf.apply(Sidecar.pathFor(file));
        return TraceReader.read(content, Files.exists(sidecar) ? Sidecar.read(sidecar).columns() : List.of());
    }

    /**
     * The pictures in the order the run's files come: every Display; when there is none, every OutputFile; then
     * every EventOutputFile (undrawn when its format is not one drawn, so that the run's event files line up).
     */
    private static List<Planned> plan(LemsModel model) {
        List<Planned> plan = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<DisplaySpec> displays = DisplaySpec.of(model);
        for (DisplaySpec display : displays) {
            plan.add(new Planned(unique(display.id(), used), Source.DISPLAY, display, null, null));
        }
        List<Component> outputs = model.targetSimulation().map(Component::children).orElse(List.of());
        if (displays.isEmpty()) {
            for (Component output : outputs) {
                for (int i = 0; i < output.type().simulation().dataWriters().size(); i++) {
                    plan.add(new Planned(unique(output.id(), used), Source.OUTPUT_FILE, null, output, null));
                }
            }
        }
        for (Component output : outputs) {
            for (SimulationBlock.EventWriter writer : output.type().simulation().eventWriters()) {
                String format = writer.format() == null ? null : output.textOrAttribute(writer.format()).orElse(null);
                plan.add("TIME_ID".equals(format) || "ID_TIME".equals(format)
                        ? new Planned(unique(output.id(), used), Source.EVENT_FILE, null, output, format)
                        : new Planned(null, Source.UNDRAWN_EVENT_FILE, null, output, format));
            }
        }
        return plan;
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

    private static double length(LemsModel model) {
        return model.targetRun().map(run -> run.length().si()).orElse(0.0);
    }
}
