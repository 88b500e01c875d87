package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.testing.FileTrees;

/**
 * The property behind "validate exit 0 means the other commands will not refuse the file": single mutations of real
 * models are validated and then simulated (LEMS and NeuroML) or rendered and simulated (YAML experiments). No mutant
 * that {@code validate} passes may make another command exit 2 or 3, and a mutant {@code validate} refuses must have
 * a finding in the mutated file at the mutated line (or, for an element's mutation, between the element's first line
 * and the mutated line).
 *
 * <p>The models: the project's Ex2 and YAML examples, the YAML experiments of the test corpus, and (with ../shared) the
 * upstream NeuroML2 LEMS examples and the {@code .nml} files they include, LEMS runs shortened to 1 ms. The mutations:
 * an attribute or field renamed or dropped, a reference or path misspelled, a unit misspelled or of another dimension,
 * an element misspelled, a population or network grown to 10^8. By default an even sample of
 * {@value #DEFAULT_COUNT} mutants runs; {@code -Dlemsbridge.mutants=N} runs N, {@code -Dlemsbridge.mutants=all}
 * every one. A model that validate and the other commands both refuse unmutated is not mutated (said on stdout).
 *
 * <p>Where the finding may be elsewhere: a dropped id (its uses may now resolve to another component), a changed
 * definition or id (its uses are where it is wrong: a finding quoting its name will do), a misspelled reference or
 * path (a finding quoting the misspelled value will do). Not a disagreement: a state that becomes NaN while running
 * ({@link #RUN_TIME}); those are counted apart.
 */
class MutationAgreementTest {

    private static final int DEFAULT_COUNT = 200;

    /**
     * The one refusal validate cannot foresee: a state that becomes NaN or infinite while the model runs (a dropped
     * or changed value of a user's own ComponentType can make a rate divide by zero only at some membrane potential).
     * Validate does not run the model, so such mutants are counted apart, not as disagreements.
     */
    private static final Pattern RUN_TIME = Pattern.compile("simulation stopped: state variable .* became");

    @TempDir
    Path temp;

    private static final Pattern ELEMENT = Pattern.compile(
            "<([A-Za-z_][\\w]*)((?:\\s+[A-Za-z_][\\w:.-]*\\s*=\\s*\"[^\"]*\")*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\s+)([A-Za-z_][\\w]*)(\\s*=\\s*\")([^\"]*)(\")");
    private static final Pattern QUANTITY = Pattern.compile(
            "^(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-z_][A-Za-z_0-9]*)$");
    private static final Pattern NAME_LIKE = Pattern.compile("[A-Za-z_][\\w\\[\\]/.]*");
    private static final Pattern LENGTH = Pattern.compile("(<Simulation\\b[^>]*\\blength=\")([^\"]*)(\")");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    /** A YAML key at the start of a line or inside a flow mapping, and its value up to the next comma or brace. */
    private static final Pattern YAML_KEY = Pattern.compile("(^|[{,]\\s*|^\\s*-?\\s*)([A-Za-z_][\\w]*)(:[ \\t]+)([^,}\\n#]*)",
            Pattern.MULTILINE);
    private static final Pattern YAML_LEAF_LINE = Pattern.compile("^([ \\t]*)([A-Za-z_][\\w]*):[ \\t]+[^\\s{\\[#][^\\n]*$",
            Pattern.MULTILINE);
    private static final Pattern YAML_DURATION = Pattern.compile("(\\bduration:[ \\t]*)([0-9.eE+-]+)");

    /** A file to mutate, the file the commands are run on (itself, or a LEMS file including it) and its options. */
    record Base(String name, String text, Path mutatedAs, String driverText, Path driverAs, List<Path> include,
            boolean yaml, List<Path> siblings) {
    }

    /**
     * One mutant: where it was made (the first line of the element or YAML block, the mutated line) and the names a
     * finding elsewhere may give instead (a definition's or id's name, whose misuse shows where it is used).
     */
    record Mutant(Base base, String kind, String text, int elementLine, int line, List<String> names) {
        String describe() {
            return base.name() + " " + kind + " at line " + line;
        }
    }

    private static Path shared() {
        String shared = System.getProperty("lemsbridge.shared");
        Path folder = shared == null ? null : Path.of(shared).resolve("upstream/NeuroML2");
        return folder != null && Files.isDirectory(folder.resolve("LEMSexamples")) ? folder : null;
    }

    private static List<Base> bases() throws IOException {
        List<Base> bases = new ArrayList<>();
        Path ex2 = Path.of("examples/ex2-izhikevich/Ex2_Izh.xml");
        bases.add(lems(ex2, Path.of("Ex2_Izh.xml"), List.of()));
        for (Path yaml : yamlCorpus()) {
            String text = shortened(Files.readString(yaml));
            bases.add(new Base(yaml.toString(), text, Path.of(yaml.getFileName().toString()), text,
                    Path.of(yaml.getFileName().toString()), List.of(yaml.toAbsolutePath().getParent()), true,
                    siblings(yaml)));
        }
        Path upstream = shared();
        if (upstream == null) {
            System.out.println("MutationAgreementTest: ../shared/upstream/NeuroML2 absent; only the project's own"
                    + " models are mutated");
            return bases;
        }
        Path examples = upstream.resolve("LEMSexamples");
        List<Path> include = List.of(upstream.resolve("NeuroML2CoreTypes"), upstream.resolve("examples"), examples);
        Map<String, Path> driverOfNml = new TreeMap<>();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("LEMS_NML2_Ex\\d+.*\\.xml"))
                    .sorted().toList()) {
                bases.add(lems(file, Path.of("LEMSexamples", file.getFileName().toString()), include));
                Matcher nml = Pattern.compile("<Include\\s+file=\"\\.\\./examples/([^\"]+\\.nml)\"")
                        .matcher(Files.readString(file));
                while (nml.find()) {
                    driverOfNml.putIfAbsent(nml.group(1), file);
                }
            }
        }
        for (Map.Entry<String, Path> entry : driverOfNml.entrySet()) {
            Path nml = upstream.resolve("examples").resolve(entry.getKey());
            Path driver = entry.getValue();
            bases.add(new Base(entry.getKey(), Files.readString(nml), Path.of("examples", entry.getKey()),
                    shortenedLems(Files.readString(driver)),
                    Path.of("LEMSexamples", driver.getFileName().toString()), include, false, siblings(nml)));
        }
        return bases;
    }

    /** The YAML experiments of the examples and the test corpus that are meant to be valid. */
    private static List<Path> yamlCorpus() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            examples.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("suite.yaml"))
                    .sorted().forEach(files::add);
        }
        try (Stream<Path> imported = Files.list(Path.of("examples/ex2-imported"))) {
            imported.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        try (Stream<Path> corpus = Files.list(Path.of("src/test/resources/org/lemsbridge/experiment/corpus"))) {
            corpus.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        return files;
    }

    /** The files and folders beside {@code file} that it may include, to be copied beside its mutant. */
    private static List<Path> siblings(Path file) throws IOException {
        try (Stream<Path> beside = Files.list(file.toAbsolutePath().getParent())) {
            return beside.filter(f -> !f.getFileName().equals(file.getFileName()))
                    .filter(f -> Files.isDirectory(f) || f.toString().endsWith(".nml") || f.toString().endsWith(".yaml"))
                    .sorted().toList();
        }
    }

    private static Base lems(Path file, Path as, List<Path> include) throws IOException {
        String text = shortenedLems(Files.readString(file));
        List<Path> withFolder = new ArrayList<>(include);
        withFolder.add(file.toAbsolutePath().getParent());
        return new Base(file.getFileName().toString(), text, as, text, as, withFolder, false, List.of());
    }

    private static String shortenedLems(String text) {
        Matcher length = LENGTH.matcher(text);
        return length.find() ? text.substring(0, length.start(2)) + "1ms" + text.substring(length.end(2)) : text;
    }

    /** A YAML experiment's duration cut to at most 5 time units, so that a mutant's run is short. */
    private static String shortened(String text) {
        Matcher duration = YAML_DURATION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (duration.find()) {
            double value = Double.parseDouble(duration.group(2));
            duration.appendReplacement(out, Matcher.quoteReplacement(duration.group(1)
                    + (value > 5 ? "5.0" : duration.group(2))));
        }
        return duration.appendTail(out).toString();
    }

    static List<Mutant> mutants(Base base) {
        return base.yaml() ? yamlMutants(base) : xmlMutants(base);
    }

    private static List<Mutant> xmlMutants(Base base) {
        String text = base.text();
        String masked = mask(text);
        List<Mutant> mutants = new ArrayList<>();
        Matcher element = ELEMENT.matcher(masked);
        while (element.find()) {
            String tag = element.group(1);
            if (tag.equals("Lems") || tag.equals("neuroml") || tag.equals("Target") || tag.equals("Include")) {
                continue;
            }
            int elementLine = lineOf(text, element.start());
            int tagEndLine = lineOf(text, element.end());
            int tagEnd = element.start(1) + tag.length();
            String rest = text.substring(tagEnd);
            rest = rest.replaceFirst("</" + Pattern.quote(tag) + ">", "</" + tag + "x>");
            mutants.add(new Mutant(base, "element", text.substring(0, tagEnd) + "x" + rest, elementLine, tagEndLine,
                    elementNames(element.group(2))));
            Matcher attribute = ATTRIBUTE.matcher(text).region(element.start(2), element.end(2));
            List<String> names = elementNames(element.group(2));
            while (attribute.find()) {
                int line = lineOf(text, attribute.start(2));
                String before = text.substring(0, attribute.start());
                String after = text.substring(attribute.end());
                String key = attribute.group(2);
                String value = attribute.group(4);
                String prefix = before + attribute.group(1) + key + attribute.group(3);
                mutants.add(new Mutant(base, "rename " + key, text.substring(0, attribute.end(2)) + "x"
                        + text.substring(attribute.end(2)), elementLine, line, names));
                // a dropped attribute is missing from the whole start tag: a finding anywhere in it names it
                mutants.add(new Mutant(base, "drop " + key, before + after, elementLine, tagEndLine, names));
                Matcher quantity = QUANTITY.matcher(value.trim());
                if (quantity.matches()) {
                    String number = quantity.group(1);
                    String unit = quantity.group(2);
                    mutants.add(new Mutant(base, "unit-typo " + key, prefix + number + unit + "q\"" + after,
                            elementLine, line, names));
                    String other = unit.toLowerCase(Locale.ROOT).endsWith("v") ? "ms" : "mV";
                    mutants.add(new Mutant(base, "dimension " + key, prefix + number + other + "\"" + after,
                            elementLine, line, names));
                } else if (!key.equals("id") && !key.equals("name") && NAME_LIKE.matcher(value).matches()
                        && !value.endsWith(".dat") && !value.endsWith(".spikes")) {
                    // a misspelled reference or path may show where it leads (a path through it): quoting it will do
                    List<String> quoted = new ArrayList<>(names);
                    quoted.add(value + "x");
                    mutants.add(new Mutant(base, "misspell " + key, prefix + value + "x\"" + after, elementLine,
                            line, quoted));
                }
                if (key.equals("size") && tag.equals("population")) {
                    mutants.add(new Mutant(base, "grow", prefix + "100000000\"" + after, elementLine, line, names));
                }
            }
        }
        return mutants;
    }

    /** The text with every comment blanked (same length), so that elements inside comments are not mutated. */
    private static String mask(String text) {
        Matcher comment = COMMENT.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (comment.find()) {
            for (int i = comment.start(); i < comment.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    private static List<Mutant> yamlMutants(Base base) {
        String text = base.text();
        List<Mutant> mutants = new ArrayList<>();
        Matcher key = YAML_KEY.matcher(text);
        while (key.find()) {
            if (inQuotes(text, key.start(2))) {
                continue;
            }
            int line = lineOf(text, key.start(2));
            int block = parentLine(text, text.lastIndexOf('\n', key.start(2)) + 1, indentOf(text, key.start(2)));
            List<String> names = yamlNames(text, line, block);
            String name = key.group(2);
            String value = key.group(4).trim();
            mutants.add(new Mutant(base, "rename " + name, text.substring(0, key.end(2)) + "x"
                    + text.substring(key.end(2)), block, line, names));
            String before = text.substring(0, key.start(4));
            String after = text.substring(key.start(4) + key.group(4).length());
            if (name.equals("unit") && value.matches("[A-Za-z]+")) {
                mutants.add(new Mutant(base, "unit-typo", before + value + "q" + after, block, line, names));
                String other = value.toLowerCase(Locale.ROOT).endsWith("v") ? "ms" : "mV";
                mutants.add(new Mutant(base, "dimension", before + other + after, block, line, names));
            }
            if (name.equals("number_of_nodes") || name.equals("size")) {
                mutants.add(new Mutant(base, "grow", before + "100000000" + after, block, line, names));
            }
            Matcher symbol = Pattern.compile("\\b([A-Za-z_]\\w*)\\b").matcher(value);
            if ((name.equals("rhs") || name.equals("condition") || name.equals("affect")) && symbol.find()
                    && !symbol.group(1).equals("Piecewise")) {
                String misspelled = value.substring(0, symbol.end(1)) + "x" + value.substring(symbol.end(1));
                mutants.add(new Mutant(base, "misspell symbol", before + misspelled + after, block, line, names));
            }
        }
        Matcher leaf = YAML_LEAF_LINE.matcher(text);
        while (leaf.find()) {
            int line = lineOf(text, leaf.start());
            int end = Math.min(text.length(), leaf.end() + 1);
            int block = parentLine(text, leaf.start(), leaf.group(1).length());
            mutants.add(new Mutant(base, "drop " + leaf.group(2), text.substring(0, leaf.start())
                    + text.substring(end), block, line, yamlNames(text, line, block)));
        }
        return mutants;
    }

    /** The line of the block a line indented by {@code indent} belongs to (the line itself at the top level). */
    private static int parentLine(String text, int lineStart, int indent) {
        int line = lineOf(text, lineStart);
        if (indent == 0) {
            return line;
        }
        String[] lines = text.substring(0, lineStart).split("\n", -1);
        for (int i = lines.length - 2; i >= 0; i--) {
            String previous = lines[i];
            int own = previous.length() - previous.stripLeading().length();
            if (!previous.isBlank() && own < indent && !previous.stripLeading().startsWith("#")) {
                return i + 1;
            }
        }
        return line;
    }

    private static final Pattern NAMING = Pattern.compile("\\b(?:id|name)\\s*=\\s*\"([^\"]+)\"");

    /** The id or name an element's attributes give it. */
    private static List<String> elementNames(String attributes) {
        List<String> names = new ArrayList<>();
        Matcher naming = NAMING.matcher(attributes);
        while (naming.find()) {
            names.add(naming.group(1));
        }
        return names;
    }

    private static final Pattern KEY = Pattern.compile("([A-Za-z_]\\w*):");

    /** The keys on a YAML line and on the line of the block it belongs to. */
    private static List<String> yamlNames(String text, int line, int block) {
        String[] lines = text.split("\n", -1);
        List<String> names = new ArrayList<>();
        for (int number : new int[] {block, line}) {
            Matcher key = KEY.matcher(lines[number - 1].replaceAll("\"[^\"]*\"", ""));
            while (key.find()) {
                names.add(key.group(1));
            }
        }
        return names;
    }

    private static int indentOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int indent = 0;
        while (lineStart + indent < text.length() && text.charAt(lineStart + indent) == ' ') {
            indent++;
        }
        return indent;
    }

    private static boolean inQuotes(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int quotes = 0;
        for (int i = lineStart; i < offset; i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static final Pattern PLACE = Pattern.compile("^(.+?):(\\d+):(\\d+): ", Pattern.MULTILINE);

    /** The places ({@code file:line}) that validate's findings and its one-line refusal name. */
    private static List<Place> places(CliRun run) {
        List<Place> places = new ArrayList<>();
        Matcher place = PLACE.matcher(run.out() + "\n" + run.err());
        while (place.find()) {
            places.add(new Place(Path.of(place.group(1)).toAbsolutePath().normalize(),
                    Integer.parseInt(place.group(2))));
        }
        return places;
    }

    private record Place(Path file, int line) {
    }

    private static List<String> include(Mutant mutant) {
        List<String> args = new ArrayList<>();
        mutant.base().include().forEach(dir -> args.addAll(List.of("-I", dir.toString())));
        return args;
    }

    private record Outcome(CliRun validated, List<CliRun> others) {
        boolean allPass() {
            return validated.exitCode() == 0 && others.stream().allMatch(run -> run.exitCode() == 0);
        }
    }

    /** What a mutant did: refused by validate at its line, passed by all, diverged at run time, or a disagreement. */
    private record Verdict(String outcome, String problem) {
        static final String DISAGREEMENT = "disagreement";

        static Verdict disagreement(String problem) {
            return new Verdict(DISAGREEMENT, problem);
        }
    }

    private Verdict verdict(Mutant mutant, Path folder) throws IOException {
        Outcome outcome = run(mutant, folder, mutant.kind().equals("unmutated"));
        CliRun validated = outcome.validated();
        Path mutated = folder.resolve(mutant.base().mutatedAs());
        if (validated.exitCode() == 0) {
            for (CliRun other : outcome.others()) {
                String said = other.errLines().stream().findFirst().orElse("");
                if (other.exitCode() == 2 && RUN_TIME.matcher(said).find()) {
                    return new Verdict("diverged at run time", said);
                }
                if (other.exitCode() >= 2) {
                    return Verdict.disagreement("validate passes, " + other.args().get(0) + " exits "
                            + other.exitCode() + ": " + said);
                }
            }
            return new Verdict("passed by all", null);
        }
        if (validated.exitCode() >= 3) {
            return Verdict.disagreement("validate exits " + validated.exitCode() + ": " + validated.errLines());
        }
        Path target = mutated.toAbsolutePath().normalize();
        List<Place> places = places(validated);
        boolean named = places.stream().anyMatch(p -> p.file().equals(target)
                && p.line() >= mutant.elementLine() && p.line() <= mutant.line());
        if (!named && mutant.kind().equals("drop id")) {
            // what the uses of a dropped id resolve to then is arbitrary (another component may have that id)
            named = places.stream().anyMatch(p -> p.file().equals(target)) && validated.exitCode() == 1;
        }
        if (!named && mutant.kind().equals("dimension")) {
            // a unit of another dimension on a symbol is wrong only where it is used: a finding on a line using it
            List<String> lines = mutant.text().lines().toList();
            named = places.stream().anyMatch(p -> p.file().equals(target) && p.line() >= 1
                    && p.line() <= lines.size() && mutant.names().stream().anyMatch(name -> Pattern.compile(
                            "\\b" + Pattern.quote(name) + "\\b").matcher(lines.get(p.line() - 1)).find()));
        }
        if (!named) {
            // a definition or id that is changed shows where it is used: a finding quoting its name will do
            String said = validated.out() + validated.err();
            named = mutant.names().stream().anyMatch(name -> Pattern.compile("'[^'\\n]*\\b" + Pattern.quote(name)
                    + "\\b[^'\\n]*'").matcher(said).find());
        }
        return named ? new Verdict("refused by validate at the mutation", null) : Verdict.disagreement(
                "validate exits " + validated.exitCode() + " but names no line between " + mutant.elementLine()
                        + " and " + mutant.line() + ": " + (validated.out() + validated.err()).lines()
                                .filter(l -> !l.startsWith("  ") && !l.contains(" warning ")).limit(3).toList());
    }

    private Outcome run(Mutant mutant, Path folder, boolean unmutated) throws IOException {
        Base base = mutant.base();
        Path mutated = folder.resolve(base.mutatedAs());
        Path driver = folder.resolve(base.driverAs());
        Files.createDirectories(mutated.getParent() == null ? folder : mutated.getParent());
        Files.createDirectories(driver.getParent() == null ? folder : driver.getParent());
        if (!driver.equals(mutated)) {
            Files.writeString(driver, base.driverText());
        }
        for (Path sibling : base.siblings()) {
            Path link = mutated.resolveSibling(sibling.getFileName());
            if (!Files.exists(link)) {
                FileTrees.copy(sibling, link);
            }
        }
        Files.writeString(mutated, mutant.text());
        List<String> validate = new ArrayList<>(List.of("validate", driver.toString()));
        validate.addAll(include(mutant));
        CliRun validated = CliRun.of(validate);
        List<CliRun> others = new ArrayList<>();
        if (validated.exitCode() != 0 && !unmutated) {
            return new Outcome(validated, others); // only where validate's findings are matters then
        }
        if (base.yaml()) {
            List<String> render = new ArrayList<>(List.of("render", driver.toString(), "-o",
                    folder.resolve("rendered.xml").toString()));
            others.add(CliRun.of(render));
        }
        List<String> simulate = new ArrayList<>(List.of("simulate", driver.toString(), "-o",
                folder.resolve("out").toString()));
        simulate.addAll(include(mutant));
        others.add(CliRun.of(simulate));
        return new Outcome(validated, others);
    }

    /** An even, deterministic sample of {@code count} of the mutants (all when count is at least their number). */
    private static List<Mutant> sample(List<Mutant> all, int count) {
        if (count >= all.size()) {
            return all;
        }
        List<Mutant> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(all.get((int) ((long) i * all.size() / count)));
        }
        return chosen;
    }

    private static int count() {
        String wanted = System.getProperty("lemsbridge.mutants", "").trim();
        return wanted.isEmpty() ? DEFAULT_COUNT : wanted.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(wanted);
    }

    @Test
    void validatePassingAMutantMeansNoOtherCommandRefusesItAndFindingsNameTheMutatedLine() throws IOException {
        List<Mutant> all = new ArrayList<>();
        Map<String, String> disagreements = new LinkedHashMap<>();
        int unmutated = 0;
        for (Base base : bases()) {
            Mutant original = new Mutant(base, "unmutated", base.text(), 0, 0, List.of());
            Path folder = Files.createDirectories(temp.resolve("base" + unmutated++));
            Outcome outcome = run(original, folder, true);
            if (outcome.validated().exitCode() == 0 && !outcome.allPass()) {
                disagreements.put(original.describe(), verdict(original, folder).problem());
            }
            if (outcome.allPass()) {
                all.addAll(mutants(base));
            } else {
                System.out.println("MutationAgreementTest: not mutated, as validate and " + outcome.others().stream()
                        .map(r -> r.args().get(0)).toList() + " refuse it unmutated: " + base.name() + ": "
                        + outcome.validated().out().lines().findFirst().orElse(""));
            }
        }
        List<Mutant> chosen = sample(all, count());
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byOutcome = new TreeMap<>();
        int tried = 0;
        for (Mutant mutant : chosen) {
            Path folder = Files.createDirectories(temp.resolve("m" + tried++));
            Verdict verdict = verdict(mutant, folder);
            byKind.merge(mutant.kind().split(" ")[0], 1, Integer::sum);
            byOutcome.merge(verdict.outcome(), 1, Integer::sum);
            if (verdict.outcome().equals(Verdict.DISAGREEMENT)) {
                disagreements.put(mutant.describe(), verdict.problem());
            } else if (verdict.problem() != null) {
                System.out.println("MutationAgreementTest: " + mutant.describe() + ": " + verdict.outcome() + ": "
                        + verdict.problem());
            }
        }
        StringBuilder list = new StringBuilder();
        disagreements.forEach((what, problem) -> list.append("\n  ").append(what).append(": ").append(problem));
        System.out.printf("MutationAgreementTest: %d of %d mutants run, by kind %s; %s%n", tried, all.size(), byKind,
                byOutcome);
        assertTrue(all.size() >= 1000 || shared() == null, "only " + all.size() + " mutants generated");
        assertEquals("", list.toString(), disagreements.size() + " disagreements");
    }
}
