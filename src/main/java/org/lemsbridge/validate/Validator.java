package org.lemsbridge.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.lemsbridge.convert.ExperimentToLems;
import org.lemsbridge.convert.RenderResult;
import org.lemsbridge.convert.RenderWarning;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.experiment.ModelLibrary;
import org.lemsbridge.compare.omv.MepFile;
import org.lemsbridge.compare.omv.OmtFile;
import org.lemsbridge.compare.omv.OmvTargets;
import org.lemsbridge.suite.OmvRunner;
import org.lemsbridge.suite.Suite;
import org.lemsbridge.suite.SuiteCase;
import org.lemsbridge.suite.SuiteReader;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.lems.AttributePlaces;
import org.lemsbridge.lems.IncludedDocument;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.lems.XmlElement;
import org.lemsbridge.util.Mapped;

/**
 * Validates LEMS/NeuroML files (schema when given, structure, references, recorded paths, run limits and the
 * dimension of every expression) and YAML experiments (the reader's schema and the renderer's checks, including
 * dimensions). One instance validates many files with the same search path and schema.
 */
public final class Validator {

    /** OMV's engine that runs {@code jnml -validate} on the files its target names. */
    private static final String JNML_VALIDATE = "jNeuroML_validate";

    private final List<Path> searchPath;
    private final XsdCheck schema;
    private final Confinement confinement;
    private final ModelLibrary models;

    private Validator(List<Path> searchPath, XsdCheck schema, Confinement confinement, ModelLibrary models) {
        this.searchPath = List.copyOf(searchPath);
        this.schema = schema;
        this.confinement = confinement;
        this.models = models;
    }

    /** A validator without an XSD. */
    public static Validator of(List<Path> searchPath) {
        return new Validator(searchPath, null, Confinement.NONE, ModelLibrary.NONE);
    }

    /** A validator that also checks LEMS/NeuroML files against {@code xsd}; a bad XSD is bad input. */
    public static Validator withSchema(List<Path> searchPath, Path xsd) {
        return new Validator(searchPath, XsdCheck.load(xsd), Confinement.NONE, ModelLibrary.NONE);
    }

    /** This validator, refusing an include found outside {@code folders}. */
    public Validator confinedTo(Confinement folders) {
        return new Validator(searchPath, schema, folders, models);
    }

    /** This validator, finding the library models experiments refer to in {@code library}. */
    public Validator withModels(ModelLibrary library) {
        return new Validator(searchPath, schema, confinement, library);
    }

    /** Every finding in {@code file}, including what building its instance tree (without running it) refuses. */
    public FileReport validate(Path file) {
        return check(file, true).report();
    }

    /** A report, and for a plain LEMS file the model read on the way (null otherwise, or when it could not be read). */
    private record Checked(FileReport report, LemsModel model) {
        static Checked of(FileReport report) {
            return new Checked(report, null);
        }
    }

    private Checked check(Path file, boolean build) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            return Checked.of(FileReport.unreadable(name, new BadInputException(SourceLocation.unknown(name),
                    Files.exists(file) ? "not a regular file" : "no such file")));
        }
        try {
            return switch (FileKind.of(file)) {
                case LEMS -> lems(file, build);
                case EXPERIMENT, OTHER_YAML -> Checked.of(experiment(file));
                case SUITE -> Checked.of(suite(file));
                case OMV_TEST -> Checked.of(omvTest(file));
                case OMV_EXPECTATIONS -> Checked.of(expectations(file));
            };
        } catch (StackOverflowError e) {
            return Checked.of(FileReport.unreadable(name, new BadInputException(SourceLocation.unknown(name),
                    "the document is nested too deeply to read (thousands of brackets or elements inside each other)",
                    "split deep expressions into DerivedVariables")));
        }
    }

    /**
     * Validates {@code file} as a command does before it uses it: unreadable input and the first error become a
     * {@link BadInputException} (one line); warnings are ignored. For a plain LEMS file it returns the model it read,
     * so the command need not read the file again; for an experiment or a NeuroML document, empty.
     */
    public Optional<LemsModel> require(Path file) {
        Checked checked = beforeUse(file);
        refusal(checked.report()).ifPresent(refused -> {
            throw refused;
        });
        return Optional.ofNullable(checked.model());
    }

    /**
     * The findings {@link #require} acts on, all of them: what a command that runs {@code file} refuses before it
     * runs it (a suite or OMV file given as a model is unreadable as a model).
     */
    public FileReport findingsBeforeUse(Path file) {
        return beforeUse(file).report();
    }

    /** What {@link #require} throws for {@code report}: its unreadable file, or its first error in one line. */
    public static Optional<BadInputException> refusal(FileReport report) {
        if (report.isUnreadable()) {
            return Optional.of(report.unreadable());
        }
        for (Finding error : report.findings()) {
            if (error.isError()) {
                return Optional.of(new BadInputException(error.location(), error.message() + " ["
                        + error.code().id() + "]", error.hint() != null ? error.hint()
                        : "run 'lemsbridge validate' to list every finding"));
            }
        }
        return Optional.empty();
    }

    private Checked beforeUse(Path file) {
        FileKind kind = Files.isRegularFile(file) ? FileKind.of(file) : FileKind.LEMS;
        if (kind == FileKind.SUITE || kind == FileKind.OMV_TEST || kind == FileKind.OMV_EXPECTATIONS) {
            return Checked.of(FileReport.unreadable(file.toString(), new BadInputException(SourceLocation.unknown(
                    file.toString()), "this is " + (kind == FileKind.SUITE ? "a suite file" : "an OMV file")
                            + ", not a model", kind == FileKind.SUITE
                                    ? "run it with 'lemsbridge check'" : "run an OMV test with 'lemsbridge omv'")));
        }
        // the command builds the instance tree itself and refuses what it cannot build at the same place
        return check(file, false);
    }

    private Checked lems(Path file, boolean build) {
        String name = file.toString();
        IncludedDocument document;
        try {
            document = IncludedDocument.read(file, searchPath, confinement);
        } catch (BadInputException e) {
            return Checked.of(FileReport.unreadable(name, e));
        }
        if (document.firstUnresolved().isPresent()) {
            // an include that cannot be followed is the cause of whatever else would be found missing
            return Checked.of(FileReport.unreadable(name, document.firstUnresolved().get()));
        }
        LemsModel model = null;
        BadInputException readError = null;
        boolean large = atLeast(document.elements(), ELEMENTS_CHECKED_ALONGSIDE) >= ELEMENTS_CHECKED_ALONGSIDE;
        Supplier<List<Finding>> asWritten = () -> {
            List<Finding> found = new ArrayList<>(StructureCheck.check(document.elements()));
            found.addAll(DeclarationCheck.check(document.elements()));
            return found;
        };
        SideTask<List<Finding>> writtenAlongside = large ? SideTask.start("check as written", asWritten) : null;
        List<Finding> findings = large ? new ArrayList<>() : asWritten.get();
        try {
            LemsReader.Reading reading = LemsReader.readListingValueProblems(document);
            model = reading.model();
            AttributePlaces places = new AttributePlaces();
            reading.valueProblems().forEach(value -> findings.add(Finding.error(Code.BAD_VALUE, places.of(
                    value.problem().location(), value.attribute()), value.problem().getMessage(),
                    value.problem().hint())));
        } catch (BadInputException e) {
            readError = e;
        }
        if (writtenAlongside != null) {
            findings.addAll(0, writtenAlongside.join());
        }
        if (model == null) {
            return Checked.of(Mapped.any(findings, Finding::isError) ? FileReport.of(name, findings)
                    : FileReport.unreadable(name, readError));
        }
        if (schema != null) {
            findings.addAll(schema.check(file));
        }
        LemsModel read = model;
        Supplier<List<Finding>> ofComponents = () -> {
            List<Finding> found = new ArrayList<>(AttributeCheck.check(read));
            found.addAll(ReferenceCheck.check(read));
            return found;
        };
        SideTask<List<Finding>> componentsAlongside = large ? SideTask.start("check components", ofComponents) : null;
        List<Finding> rest = new ArrayList<>();
        rest.addAll(FiniteValues.check(model));
        rest.addAll(OutputPathCheck.check(model));
        RunLimits.check(model).ifPresent(rest::add);
        rest.addAll(RunSize.check(model));
        rest.addAll(DimensionCheck.check(model, name, UndeclaredDimensions.of(document.elements())));
        findings.addAll(large ? componentsAlongside.join() : ofComponents.get());
        findings.addAll(rest);
        if (build && !Mapped.any(findings, Finding::isError)) {
            BuildCheck.check(model).ifPresent(findings::add);
        }
        return new Checked(FileReport.of(name, findings), document.neuroml() ? null : model);
    }

    /**
     * Elements (all of them, nested too) from which a LEMS file's checks run on a second thread: the checks of the
     * elements as written alongside the reading of the model, and those of its components alongside the others.
     */
    static final int ELEMENTS_CHECKED_ALONGSIDE = 10_000;

    /** How many elements {@code elements} hold, nested ones too, counted up to {@code limit}. */
    private static int atLeast(List<XmlElement> elements, int limit) {
        int count = 0;
        for (XmlElement element : elements) {
            if (count >= limit) {
                break;
            }
            count += 1 + atLeast(element.children(), limit - count - 1);
        }
        return count;
    }

    /** A suite: its own reading, then every case's model, OMV test and reference files as check would use them. */
    private FileReport suite(Path file) {
        Suite suite;
        try {
            suite = SuiteReader.read(file, confinement, models);
        } catch (BadInputException e) {
            return FileReport.unreadable(file.toString(), e);
        }
        List<Finding> findings = new ArrayList<>();
        for (SuiteCase suiteCase : suite.cases()) {
            Validator forCase = new Validator(suiteCase.includePath(), schema, suiteCase.confinement(),
                    suiteCase.models());
            if (suiteCase.model() != null) {
                part(findings, "case '" + suiteCase.name() + "'", forCase.validate(suiteCase.model()));
            }
            if (suiteCase.omtFile() != null) {
                part(findings, "case '" + suiteCase.name() + "'", forCase.validate(suiteCase.omtFile()));
            }
        }
        return FileReport.of(file.toString(), findings);
    }

    /**
     * An OMV test: readable, an engine lemsbridge stands in for, its MEP file readable, its target valid; for
     * jNeuroML_validate, every file its target names valid.
     */
    private FileReport omvTest(Path file) {
        OmtFile omt;
        try {
            omt = OmtFile.read(file);
        } catch (BadInputException e) {
            return FileReport.unreadable(file.toString(), e);
        }
        List<Finding> findings = new ArrayList<>();
        SourceLocation where = SourceLocation.unknown(file.toString());
        if (omt.engine().equals(JNML_VALIDATE)) {
            List<Path> files = OmvTargets.expand(omt.folder(), omt.target());
            if (files.isEmpty()) {
                findings.add(Finding.error(Code.SUITE, where, "no file matches the target '" + omt.target() + "'",
                        null));
            }
            files.forEach(target -> part(findings, "a file of the target", validate(target)));
            return FileReport.of(file.toString(), findings);
        }
        if (!OmvRunner.standsInFor(omt.engine())) {
            findings.add(Finding.error(Code.SUITE, where, "engine " + omt.engine() + " is not one lemsbridge stands in"
                    + " for", "use one of " + String.join(", ", OmvRunner.ENGINES.stream().sorted().toList())
                            + ", or " + JNML_VALIDATE + " (validating the files its target names)"));
        }
        if (!omt.isDryRun() && omt.mepPath() != null) {
            part(findings, "the MEP file", validate(omt.mepPath()));
        }
        if (omt.target() != null) {
            part(findings, "the target", validate(omt.folder().resolve(omt.target()).normalize()));
        }
        return FileReport.of(file.toString(), findings);
    }

    private static FileReport expectations(Path file) {
        try {
            MepFile.read(file);
            return FileReport.of(file.toString(), List.of());
        } catch (BadInputException e) {
            return FileReport.unreadable(file.toString(), e);
        }
    }

    /** The findings of a file another one names; a file that cannot be read is one finding at its problem. */
    private static void part(List<Finding> findings, String role, FileReport report) {
        if (report.isUnreadable()) {
            BadInputException problem = report.unreadable();
            findings.add(Finding.error(Code.SUITE, problem.location(), role + ": " + report.file() + " cannot be read: "
                    + problem.getMessage(), problem.hint()));
        } else {
            findings.addAll(report.findings());
        }
    }

    private FileReport experiment(Path file) {
        Experiment experiment;
        try {
            experiment = ExperimentReader.read(file, models.confinedTo(confinement));
        } catch (BadInputException e) {
            return FileReport.unreadable(file.toString(), e);
        }
        List<Finding> findings = new ArrayList<>();
        try {
            RenderResult rendered = new ExperimentToLems().render(experiment);
            for (RenderWarning warning : rendered.placedWarnings()) {
                findings.add(Finding.warning(Code.EXPERIMENT, warning.location() != null ? warning.location()
                        : SourceLocation.unknown(file.toString()), warning.message(), null));
            }
            findings.addAll(runSize(file, experiment, rendered));
        } catch (BadInputException e) {
            String message = e.getMessage() == null ? "cannot be rendered" : e.getMessage();
            Code code = e.kind() == BadInputException.Kind.DIMENSION_MISMATCH ? Code.DIMENSION_MISMATCH : Code.EXPERIMENT;
            findings.add(Finding.error(code, e.location(), message, e.hint()));
        }
        RunLimits.check(experiment.integration()).ifPresent(findings::add);
        return FileReport.of(file.toString(), findings);
    }

    /** The size of the run the experiment renders to, reported at its network (or integration) block. */
    private List<Finding> runSize(Path file, Experiment experiment, RenderResult rendered) {
        Path folder = file.toAbsolutePath().getParent();
        LemsModel model = LemsReader.read(rendered.xml(), file.toString(), folder, searchPath, confinement);
        SourceLocation where = experiment.network() != null && experiment.network().location() != null
                ? experiment.network().location()
                : experiment.integration() != null && experiment.integration().location() != null
                        ? experiment.integration().location() : SourceLocation.unknown(file.toString());
        return RunSize.check(model).stream().map(f -> new Finding(f.code(), f.severity(), where, f.message(),
                f.hint())).toList();
    }
}
