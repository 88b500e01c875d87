package org.lemsbridge.compare.omv;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Loading OMT/MEP YAML safely (plain maps, lists and scalars only) with located errors. */
final class OmvYaml {

    private OmvYaml() {
    }

    static Map<?, ?> load(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try (Reader reader = Files.newBufferedReader(file)) {
            Object root = yaml.load(reader);
            if (root == null) {
                return Map.of();
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new BadInputException(SourceLocation.of(file, 1, 1), "expected a YAML mapping at the top level");
            }
            return map;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            throw new BadInputException(SourceLocation.of(file, line, column), "malformed YAML: " + e.getProblem(), null,
                    e);
        } catch (NoSuchFileException e) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "no such file");
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "cannot read: " + e.getMessage(), null,
                    e);
        }
    }

    static Map<?, ?> map(Object value, Path file, String what) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new BadInputException(SourceLocation.unknown(file.toString()), what + " must be a mapping, not '" + value
                + "'");
    }

    static String text(Object value, Path file, String what) {
        if (value == null) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "missing " + what);
        }
        return value.toString();
    }

    static double number(Object value, Path file, String what) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new BadInputException(SourceLocation.unknown(file.toString()), what + " must be a number, not '" + value
                + "'");
    }

    static List<Double> numbers(Object value, Path file, String what) {
        if (!(value instanceof List<?> list)) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), what + " must be a list of numbers, not '"
                    + value + "'");
        }
        List<Double> out = new ArrayList<>();
        for (Object item : list) {
            out.add(number(item, file, what));
        }
        return out;
    }
}
