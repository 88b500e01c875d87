package org.lemsbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.validate.FileReport;
import org.lemsbridge.validate.GithubAnnotations;
import org.lemsbridge.validate.SarifReport;
import org.lemsbridge.validate.ValidatedFiles;
import org.lemsbridge.validate.ReportFormat;
import org.lemsbridge.validate.Validator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate",
        description = {"Check LEMS/NeuroML files and YAML experiments without running them: the XSD given with",
                "--schema, structure (duplicate ids, unknown types, dangling references, the Target, recorded",
                "paths), run limits, and the dimension of every expression against its declaration."},
        mixinStandardHelpOptions = true,
        footer = {"%nEach finding is one line, file:line:col: severity CODE: message, with an indented hint.",
                "A file that cannot be read at all is reported on stderr as file:line:col: message.",
                "%nExamples:",
                "  lemsbridge validate LEMS_NML2_Ex1_HH.xml -I NeuroML2/NeuroML2CoreTypes",
                "  lemsbridge validate model.nml --schema NeuroML2/Schemas/NeuroML2/NeuroML_v2.3.1.xsd",
                "  lemsbridge validate experiments/*.yaml --format json",
                "  lemsbridge validate . --format github        # in a GitHub Actions step: annotations on the PR",
                "  lemsbridge validate models/ --format sarif > lemsbridge.sarif",
                "%nA folder is walked for *.xml, *.nml, *.yaml, *.yml, *.omt and *.mep (hidden entries skipped);",
                "YAML is told apart by content: suites (cases:), OMV tests (target: + engine:), OMV MEP files",
                "(experiments: + system:) and experiments.",
                "%nExit codes of validate: 0 every file is valid (warnings allowed), 1 errors were found,",
                "2 a file could not be read (malformed, unsafe, missing) or the usage was wrong.",
                ExitCodes.HELP_TEXT})
final class ValidateCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("text", "json", "github", "sarif");

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "LEMS/NeuroML (.xml, .nml), experiment, suite or OMV"
            + " files, or folders to walk")
    private List<Path> files = new ArrayList<>();

    @Mixin
    private IncludePathOption include;

    @Option(names = "--schema", paramLabel = "XSD", description = "also validate LEMS/NeuroML files against this XML schema")
    private Path schema;

    @Option(names = "--format", defaultValue = "text", description = "text, json, github (workflow-command"
            + " annotations on the pull request's lines) or sarif (SARIF 2.1.0 for code scanning); default:"
            + " ${DEFAULT-VALUE}")
    private String format;

    @Mixin
    private RepositoryRootOption root;

    @Mixin
    private ModelInputOptions inputOptions;

    @Mixin
    private ModelsOption models;

    @Override
    public Integer call() {
        if (!FORMATS.contains(format)) {
            throw new BadInputException(SourceLocation.unknown("--format"), "unknown format '" + format
                    + "'; use " + String.join(", ", FORMATS));
        }
        List<Path> folders = include.folders();
        Validator validator = (schema == null ? Validator.of(folders) : Validator.withSchema(folders, schema))
                .confinedTo(inputOptions.confinement()).withModels(models.library(inputOptions.confinement()));
        List<FileReport> reports = ValidatedFiles.expand(files).stream().map(validator::validate).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case "json" -> ReportFormat.json(reports);
            case "github" -> GithubAnnotations.of(reports, root.root());
            case "sarif" -> SarifReport.of(reports, root.root());
            default -> ReportFormat.text(reports);
        });
        PrintWriter err = spec.commandLine().getErr();
        for (FileReport report : reports) {
            if (report.isUnreadable()) {
                ErrorReport.print(report.unreadable(), err);
            }
        }
        return reports.stream().mapToInt(FileReport::exitCode).max().orElse(ExitCodes.OK);
    }
}
