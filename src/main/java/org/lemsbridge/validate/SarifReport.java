package org.lemsbridge.validate;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.BuildInfo;
import org.lemsbridge.files.Json;

/**
 * Validation reports as SARIF 2.1.0, the format GitHub code scanning reads: one run of the tool {@code lemsbridge}
 * whose driver lists a rule per finding code (id, name, description, help, default level), and one result per
 * finding (and per unreadable file) with its rule, level, message and physical location. Locations are URIs
 * relative to {@code root} (the repository root) under the base id {@code SRCROOT}; a file outside the root keeps
 * its absolute {@code file:} URI.
 */
public final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String VERSION = "2.1.0";
    private static final String ROOT_ID = "SRCROOT";

    private SarifReport() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Run(Tool tool, java.util.Map<String, ArtifactLocation> originalUriBaseIds, List<Result> results) {
    }

    record Tool(Driver driver) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Driver(String name, String version, String informationUri, List<Rule> rules) {
    }

    record Rule(String id, String name, Text shortDescription, Text fullDescription, Text help,
            Configuration defaultConfiguration) {
    }

    record Configuration(String level) {
    }

    record Text(String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String ruleId, int ruleIndex, String level, Text message, List<Location> locations) {
    }

    record Location(PhysicalLocation physicalLocation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ArtifactLocation(String uri, String uriBaseId) {
    }

    record Region(int startLine, int startColumn) {
    }

    /** The SARIF document for {@code reports}, with locations relative to {@code root}. */
    public static String of(List<FileReport> reports, Path root) {
        Path base = root.toAbsolutePath().normalize();
        Set<Code> used = EnumSet.noneOf(Code.class);
        for (FileReport report : reports) {
            report.findings().forEach(f -> used.add(f.code()));
            if (report.isUnreadable()) {
                used.add(Code.UNREADABLE);
            }
        }
        List<Code> ruleCodes = List.copyOf(used);
        List<Rule> rules = ruleCodes.stream().map(SarifReport::rule).toList();
        List<Result> results = new ArrayList<>();
        for (FileReport report : reports) {
            if (report.isUnreadable()) {
                results.add(result(ruleCodes, Code.UNREADABLE, "error", report.unreadable().getMessage(),
                        report.unreadable().hint(), report.unreadable().location(), report.file(), base));
            }
            for (Finding finding : report.findings()) {
                results.add(result(ruleCodes, finding.code(), finding.isError() ? "error" : "warning",
                        finding.message(), finding.hint(), finding.location(), report.file(), base));
            }
        }
        Driver driver = new Driver(BuildInfo.NAME, BuildInfo.current().version(), null, rules);
        Run run = new Run(new Tool(driver), java.util.Map.of(ROOT_ID,
                new ArtifactLocation(base.toUri().toString(), null)), results);
        return Json.data(new Log(SCHEMA, VERSION, List.of(run)));
    }

    private static Rule rule(Code code) {
        return new Rule(code.id(), code.ruleName(), new Text(code.summary()), new Text(code.summary()),
                new Text(code.help()),
                new Configuration(code == Code.DUPLICATE_TYPE ? "warning" : "error"));
    }

    private static Result result(List<Code> rules, Code code, String level, String message, String hint,
            SourceLocation location, String reportFile, Path base) {
        String text = OneLine.of(message == null ? "bad input" : message) + (hint == null ? ""
                : " (hint: " + OneLine.of(hint) + ")");
        String file = location == null || location.file() == null ? reportFile : location.file();
        Region region = location != null && location.line() > 0
                ? new Region(location.line(), Math.max(1, location.column())) : null;
        return new Result(code.id(), rules.indexOf(code), level, new Text(text),
                List.of(new Location(new PhysicalLocation(artifact(file, base), region))));
    }

    private static ArtifactLocation artifact(String file, Path base) {
        if (file.startsWith("bundled:")) {
            return new ArtifactLocation(file.substring("bundled:".length()), null);
        }
        Path path;
        try {
            path = Path.of(file).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return new ArtifactLocation(file, null);
        }
        if (path.startsWith(base)) {
            URI relative = base.toUri().relativize(path.toUri());
            return new ArtifactLocation(relative.toString(), ROOT_ID);
        }
        return new ArtifactLocation(path.toUri().toString(), null);
    }
}
