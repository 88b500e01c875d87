package org.lemsbridge.suite;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.lemsbridge.compare.AlignedColumn;
import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.ColumnRequest;
import org.lemsbridge.compare.ComparisonOptions;
import org.lemsbridge.compare.ComparisonRun;
import org.lemsbridge.compare.SpikeRules;
import org.lemsbridge.compare.Tolerances;
import org.lemsbridge.compare.TraceComparator;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.Crash;
import org.lemsbridge.error.NearestName;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.files.SafeName;
import org.lemsbridge.files.StagedFolder;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.plot.ComparisonFigure;
import org.lemsbridge.plot.FigureFiles;
import org.lemsbridge.plot.SimulationPlots;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;

/**
 * Runs one case: simulate the model into the case's folder, compare with the reference, plot each column (and a
 * thumbnail of the first failing one, else the first); a case without a reference is run and drawn only.
 */
final class CaseRunner {
    private static final int PLOT_WIDTH = 1000;
    private static final int PLOT_HEIGHT = 620;
    private static final int THUMBNAIL_WIDTH = 480;

    private final StagedFolder report;
    private final Path reportFolder;

    /** Writes each case into {@code report}: everything through it, so nothing is made there once the run ends. */
    CaseRunner(StagedFolder report) {
        this.report = report;
        this.reportFolder = report.path();
    }

    CaseResult run(SuiteCase suiteCase) {
        long start = System.nanoTime();
        Confinement confinement = suiteCase.confinement();
        List<String> warnings = new ArrayList<>();
        try {
            Path caseFolder = reportFolder.resolve(suiteCase.reportFolder());
            Path outputFolder = caseFolder.resolve("output");
            report.createFolders(outputFolder);
            if (suiteCase.omtFile() != null) {
                OmvRunner.OmvRun omv = OmvRunner.run(suiteCase.omtFile(), suiteCase.includePath(), outputFolder,
                        confinement, report);
                return new CaseResult.OmvChecked(suiteCase, omv, warnings, since(start));
            }
            ModelRunner.LoadedModel candidateModel = ModelRunner.load(suiteCase.model(), suiteCase.includePath(),
                    confinement, suiteCase.models());
            if (suiteCase.reference() == null) {
                return runAndDraw(suiteCase, candidateModel, caseFolder, warnings, start);
            }
            ModelRunner.ModelRun run = ModelRunner.run(suiteCase.model(), candidateModel,
                    SimulationOptions.writingTo(outputFolder).confinedTo(confinement).writingInside(report));
            warnings.addAll(run.warnings());
            Path candidatePath = chooseOutput(suiteCase, run.result());
            LemsModel referenceModel = suiteCase.referenceLems() == null ? null
                    : LemsReader.read(suiteCase.referenceLems(), suiteCase.includePath(), confinement);
            TraceLoader.TracePair traces = TraceLoader.readPair(() -> referenceModel == null
                    ? TraceLoader.read(suiteCase.reference())
                    : TraceLoader.readNamedByLems(suiteCase.reference(), referenceModel),
                    () -> TraceLoader.read(candidatePath));
            SpikeRules spikeRules = new SpikeRules(
                    referenceModel == null ? Map.of() : ModelSpikeRules.of(referenceModel, quantities(traces.reference())),
                    ModelSpikeRules.of(candidateModel.model(), quantities(traces.candidate())));
            ComparisonRun comparison = TraceComparator.run(traces.reference(), traces.candidate(),
                    options(suiteCase).withSpikeRules(spikeRules));
            Plots plots = plot(comparison, caseFolder);
            return new CaseResult.Compared(suiteCase, comparison.comparison(), plots.links(), plots.thumbnail(),
                    warnings, since(start));
        } catch (OutputFailure e) {
            return new CaseResult.Stopped(suiteCase, e.toBadInput().oneLine(), true, warnings, since(start), e);
        } catch (BadInputException e) {
            String hint = e.hint() == null ? "" : " (" + e.hint() + ")";
            return new CaseResult.Stopped(suiteCase, e.oneLine() + hint, true, warnings, since(start), e);
        } catch (IOException e) {
            return new CaseResult.Stopped(suiteCase, IoFailure.cannotWrite(reportFolder.resolve(
                    suiteCase.reportFolder()), e).oneLine(), true, warnings, since(start), e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new CaseResult.Stopped(suiteCase, Crash.describe(e), false, warnings, since(start), e);
        }
    }

    /** A case without a reference: the run's pictures (its Displays, else its OutputFiles, and its spikes). */
    private CaseResult runAndDraw(SuiteCase suiteCase, ModelRunner.LoadedModel model, Path caseFolder,
                                  List<String> warnings, long start) throws IOException {
        Path outputFolder = caseFolder.resolve("output");
        Path displayFolder = outputFolder.resolve("displays");
        report.createFolders(displayFolder);
        ModelRunner.ModelRun run = ModelRunner.run(suiteCase.model(), model, SimulationOptions.writingTo(outputFolder)
                .withDisplaysRecordedIn(displayFolder).confinedTo(suiteCase.confinement()).writingInside(report));
        warnings.addAll(run.warnings());
        List<Path> pngs = SimulationPlots.write(model.model(), run.result(), displayFolder, caseFolder.resolve("plots"),
                report).stream().filter(file -> file.getFileName().toString().endsWith(".png")).toList();
        Optional<String> thumbnail = Optional.empty();
        if (!pngs.isEmpty()) {
            Path small = caseFolder.resolve("thumbnail.png");
            FigureFiles.writePng(report, small, FigureFiles.thumbnail(ImageIO.read(pngs.get(0).toFile()),
                    THUMBNAIL_WIDTH));
            thumbnail = Optional.of(relative(small));
        }
        return new CaseResult.Ran(suiteCase, pngs.stream().map(this::relative).toList(), thumbnail, warnings,
                since(start));
    }

    private static List<String> quantities(Trace trace) {
        return trace.columns().stream().map(Column::quantity).toList();
    }

    private static Path chooseOutput(SuiteCase suiteCase, SimulationResult result) {
        List<SimulationResult.WrittenFile> traces = result.files().stream().filter(f -> f.sidecar() != null).toList();
        if (suiteCase.output() == null) {
            if (traces.isEmpty()) {
                throw new BadInputException(suiteCase.location(), "the model writes no OutputFile to compare");
            }
            return traces.get(0).path();
        }
        return traces.stream()
                .filter(f -> f.path().getFileName().toString().equals(suiteCase.output())
                        || suiteCase.output().equals(f.id()))
                .findFirst().map(SimulationResult.WrittenFile::path)
                .orElseThrow(() -> {
                    List<String> names = traces.stream().map(f -> f.path().getFileName().toString()).toList();
                    return new BadInputException(suiteCase.location(), "the model writes no output '"
                            + suiteCase.output() + "'; it writes " + names, NearestName.among(names, suiteCase.output())
                                    .map(name -> "did you mean '" + name + "'?").orElse(null));
                });
    }

    private static ComparisonOptions options(SuiteCase suiteCase) {
        ToleranceSpec spec = suiteCase.tolerance();
        Tolerances tolerances = Tolerances.defaults().overriding(spec.required(), spec.rtol(), spec.atol());
        if (spec.minCorrelation() != null) {
            tolerances = tolerances.withMinCorrelation(spec.minCorrelation());
        }
        List<ColumnRequest> requests = suiteCase.columns().stream()
                .map(c -> ColumnRequest.of(c.reference(), c.candidate()).withUnits(c.referenceUnit(), c.candidateUnit()))
                .toList();
        return new ComparisonOptions(requests, tolerances, spec.required()).within(suiteCase.window());
    }

    /** Each column's picture (relative to the report folder) and the case's thumbnail. */
    private record Plots(List<Optional<String>> links, Optional<String> thumbnail) {
    }

    private Plots plot(ComparisonRun run, Path caseFolder) throws IOException {
        Path plotFolder = caseFolder.resolve("plots");
        report.createFolders(plotFolder);
        List<Optional<String>> links = new ArrayList<>();
        BufferedImage featured = null;
        boolean featuredFails = false;
        int index = 1;
        for (ColumnComparison column : run.comparison().columns()) {
            // the same object: TraceComparator puts each column's result in both lists (and a record's equals would
            // link ObjectMethods' method handles for ColumnComparison, Metrics and AllcloseCheck at run time)
            AlignedColumn aligned = run.aligned().stream().filter(a -> a.result() == column).findFirst().orElse(null);
            if (aligned == null) {
                links.add(Optional.empty());
                continue;
            }
            Path png = plotFolder.resolve(String.format("%02d-%s.png", index++, SafeName.of(column.quantity())));
            BufferedImage image = FigureFiles.image(ComparisonFigure.of(aligned, PLOT_WIDTH, PLOT_HEIGHT));
            FigureFiles.writePng(report, png, image);
            links.add(Optional.of(relative(png)));
            boolean fails = !column.tier().satisfies(run.comparison().verdict().required());
            if (featured == null || fails && !featuredFails) {
                featured = image;
                featuredFails = fails;
            }
        }
        if (featured == null) {
            return new Plots(links, Optional.empty());
        }
        Path thumbnail = caseFolder.resolve("thumbnail.png");
        FigureFiles.writePng(report, thumbnail, FigureFiles.thumbnail(featured, THUMBNAIL_WIDTH));
        return new Plots(links, Optional.of(relative(thumbnail)));
    }

    private String relative(Path file) {
        return reportFolder.relativize(file).toString().replace('\\', '/');
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
