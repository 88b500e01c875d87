package org.lemsbridge.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lemsbridge.compare.Tier;
import org.lemsbridge.compare.Window;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.ModelLibrary;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.files.YamlLoader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a suite file. Paths in it are relative to the suite file's folder. Example:
 *
 * <pre>
 * suite: Ex2 Izhikevich validation
 * cases:
 *   - name: tonic-yaml
 *     model: izhikevich-tonic.yaml
 *     reference: ../reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz
 *     columns:
 *       - {reference: "izpopTonic[0]/v", candidate: v, candidate_unit: mV}
 *     tolerance: exact
 *     window: 0:0.1        # optional: compare only the reference rows from 0 to 0.1 s
 *   - name: tonic-run
 *     model: izhikevich-tonic.yaml             # no reference: run and drawn only
 * </pre>
 *
 * An optional top-level {@code confine:} (a folder or a list, relative to the suite file) confines the suite: every
 * path in it, and every include and output file of its models, must stay inside those folders (and inside the
 * command's {@code --confine} folders, when given). An optional top-level {@code models:} (a folder, relative to the
 * suite file, of {@code NAME.yaml} models: a TVBO checkout's {@code database/models}) is where the suite's experiments
 * find the library models they refer to ({@code iri: tvbo:NAME}); it replaces the command's {@code --models}.
 */
public final class SuiteReader {
    private static final Set<String> SUITE_KEYS = Set.of("suite", "name", "cases", "confine", "models");
    private static final Set<String> CASE_KEYS = Set.of("name", "model", "include", "reference", "reference_lems",
            "output", "columns", "tolerance", "window", "omt");
    /** Fields that only a case with a reference can use. */
    private static final List<String> COMPARISON_KEYS = List.of("reference_lems", "output", "columns", "tolerance",
            "window");
    private static final Set<String> COLUMN_KEYS = Set.of("reference", "candidate", "reference_unit",
            "candidate_unit");
    private static final Set<String> TOLERANCE_KEYS = Set.of("tier", "rtol", "atol", "min_corr");
    private static final Set<String> TIERS = Set.of("exact", "strict", "tolerant");

    private final Path file;
    private final Path folder;
    private Confinement confinement;
    private ModelLibrary models;

    private SuiteReader(Path file, Confinement confinement, ModelLibrary models) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.folder = parent == null ? Path.of(".") : parent;
        this.confinement = confinement;
        this.models = models;
    }

    public static Suite read(Path file) {
        return read(file, Confinement.NONE);
    }

    /** Reads a suite whose paths (and models) must also stay inside {@code confinement} (the command's --confine). */
    public static Suite read(Path file, Confinement confinement) {
        return read(file, confinement, ModelLibrary.NONE);
    }

    /**
     * As {@link #read(Path, Confinement)}; the suite's experiments find the library models they refer to in the
     * suite's {@code models:} folder, else in {@code models} (the command's --models).
     */
    public static Suite read(Path file, Confinement confinement, ModelLibrary models) {
        return new SuiteReader(file, confinement, models).parse(YamlLoader.readText(file));
    }

    private Suite parse(String text) {
        Node root = YamlLoader.compose(text, file.toString());
        if (root == null) {
            throw new BadInputException(new SourceLocation(file.toString(), 1, 1), "the suite file is empty");
        }
        Map<String, Node> top = mapping(root, SUITE_KEYS, "suite file");
        if (top.containsKey("confine")) {
            readConfinement(top.get("confine"));
        }
        if (top.containsKey("models")) {
            Node modelsNode = top.get("models");
            models = ModelLibrary.at(existingPath(modelsNode), confinement, location(modelsNode));
        }
        models = models.confinedTo(confinement);
        String name = top.containsKey("suite") ? scalar(top.get("suite"))
                : top.containsKey("name") ? scalar(top.get("name")) : file.getFileName().toString();
        Node casesNode = top.get("cases");
        if (!(casesNode instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw new BadInputException(location(casesNode == null ? root : casesNode),
                    "'cases' must be a non-empty list of cases");
        }
        List<SuiteCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node caseNode : sequence.getValue()) {
            SuiteCase suiteCase = readCase(caseNode);
            if (!names.add(suiteCase.name())) {
                throw new BadInputException(location(caseNode), "duplicate case name '" + suiteCase.name() + "'");
            }
            cases.add(suiteCase);
        }
        return new Suite(name, file, cases);
    }

    /** The suite's own {@code confine:} folders, narrowed to the command's confinement. */
    private void readConfinement(Node node) {
        List<Path> folders = new ArrayList<>();
        for (Node entry : sequence(node, "confine")) {
            folders.add(folder.resolve(scalar(entry)).normalize());
        }
        if (folders.isEmpty()) {
            throw new BadInputException(location(node), "'confine' must name at least one folder");
        }
        confinement = Confinement.to(folders).intersect(confinement).orElseThrow(() -> new BadInputException(
                location(node), "the suite's confine folders " + folders + " are all outside the --confine folders "
                        + confinement.describe()));
    }

    private SuiteCase readCase(Node node) {
        Map<String, Node> fields = mapping(node, CASE_KEYS, "case");
        String name = required(fields, "name", node);
        Path omt = optionalPath(fields.get("omt"));
        Path model = fields.containsKey("model") ? existingPath(fields.get("model")) : null;
        if (model == null && omt == null) {
            throw new BadInputException(location(node), "case '" + name + "' needs a 'model' (or an 'omt' file)");
        }
        Path reference = fields.containsKey("reference") ? existingPath(fields.get("reference")) : null;
        if (reference == null && omt == null) {
            for (String field : COMPARISON_KEYS) {
                if (fields.containsKey(field)) {
                    throw new BadInputException(location(fields.get(field)), "case '" + name + "' has '" + field
                            + "' but no 'reference' to compare with",
                            "add a 'reference' trace, or leave '" + field + "' out to run the model and draw it");
                }
            }
        }
        List<Path> include = new ArrayList<>();
        if (fields.containsKey("include")) {
            for (Node entry : sequence(fields.get("include"), "include")) {
                include.add(existingPath(entry));
            }
        }
        List<ColumnMapping> columns = new ArrayList<>();
        if (fields.containsKey("columns")) {
            for (Node entry : sequence(fields.get("columns"), "columns")) {
                columns.add(readColumn(entry));
            }
        }
        return new SuiteCase(name, model, include, reference, optionalPath(fields.get("reference_lems")),
                fields.containsKey("output") ? scalar(fields.get("output")) : null, columns,
                readTolerance(fields.get("tolerance")), readWindow(fields.get("window")), omt, location(node),
                confinement, models);
    }

    private Window readWindow(Node node) {
        if (node == null) {
            return Window.WHOLE;
        }
        try {
            return Window.parse(scalar(node));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(location(node), e.getMessage());
        }
    }

    private ColumnMapping readColumn(Node node) {
        if (node instanceof ScalarNode scalar) {
            return new ColumnMapping(scalar.getValue(), scalar.getValue(), null, null);
        }
        Map<String, Node> fields = mapping(node, COLUMN_KEYS, "column mapping");
        String reference = required(fields, "reference", node);
        String candidate = fields.containsKey("candidate") ? scalar(fields.get("candidate")) : reference;
        return new ColumnMapping(reference, candidate,
                fields.containsKey("reference_unit") ? scalar(fields.get("reference_unit")) : null,
                fields.containsKey("candidate_unit") ? scalar(fields.get("candidate_unit")) : null);
    }

    private ToleranceSpec readTolerance(Node node) {
        if (node == null) {
            return ToleranceSpec.exact();
        }
        if (node instanceof ScalarNode scalar) {
            return new ToleranceSpec(tier(scalar), null, null, null);
        }
        Map<String, Node> fields = mapping(node, TOLERANCE_KEYS, "tolerance");
        Tier tier = fields.containsKey("tier") ? tier(fields.get("tier")) : Tier.STRICT;
        return new ToleranceSpec(tier, number(fields.get("rtol")), number(fields.get("atol")),
                number(fields.get("min_corr")));
    }

    private Tier tier(Node node) {
        String tier = scalar(node);
        if (!TIERS.contains(tier)) {
            throw new BadInputException(location(node),
                    "unknown tolerance tier '" + tier + "'; use exact, strict or tolerant");
        }
        return Tier.parse(tier);
    }

    private Double number(Node node) {
        if (node == null) {
            return null;
        }
        String text = scalar(node);
        try {
            double value = Double.parseDouble(text);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new BadInputException(location(node), "tolerance must be a finite number >= 0, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadInputException(location(node), "expected a number, got '" + text + "'");
        }
    }

    private Map<String, Node> mapping(Node node, Set<String> allowed, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw new BadInputException(location(node), "a " + what + " must be a mapping");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (!allowed.contains(key)) {
                throw new BadInputException(location(tuple.getKeyNode()),
                        "unknown field '" + key + "' in " + what + "; known: " + String.join(", ",
                                allowed.stream().sorted().toList()));
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    private List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (node instanceof ScalarNode) {
            return List.of(node);
        }
        throw new BadInputException(location(node), "'" + what + "' must be a list");
    }

    private String required(Map<String, Node> fields, String key, Node owner) {
        if (!fields.containsKey(key)) {
            throw new BadInputException(location(owner), "missing field '" + key + "'");
        }
        return scalar(fields.get(key));
    }

    private String scalar(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new BadInputException(location(node), "expected a single value here");
        }
        return scalar.getValue();
    }

    private Path optionalPath(Node node) {
        return node == null ? null : existingPath(node);
    }

    private Path existingPath(Node node) {
        Path path = folder.resolve(scalar(node)).normalize();
        confinement.refusal(path).ifPresent(outside -> {
            throw new BadInputException(location(node), "'" + scalar(node) + "' resolves to " + outside
                    + ", outside the confine folders " + confinement.describe(),
                    "list its folder under 'confine:' (or with --confine) if you trust it");
        });
        if (!Files.exists(path)) {
            throw new BadInputException(location(node), "no such file or folder: " + path);
        }
        return path;
    }

    private SourceLocation location(Node node) {
        return YamlLoader.at(file.toString(), node.getStartMark());
    }
}
