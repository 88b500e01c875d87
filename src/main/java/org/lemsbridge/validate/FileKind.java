package org.lemsbridge.validate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.lemsbridge.files.YamlKeys;

/**
 * What a file is, told by its name and, for YAML, by its top-level keys: a suite has {@code cases}, an OMV test
 * {@code target} and {@code engine}, an OMV MEP file {@code experiments} and {@code system}; any other YAML is an
 * experiment when it has {@code dynamics}, else some other tool's. YAML that cannot be composed is taken for an
 * experiment, whose reader then says what is wrong.
 */
enum FileKind {
    LEMS, EXPERIMENT, SUITE, OMV_TEST, OMV_EXPECTATIONS,
    /** YAML of some other tool (a CI workflow, an environment): skipped in a folder, read as an experiment if named. */
    OTHER_YAML;

    /** The extensions {@code validate DIR} walks. */
    static final Set<String> EXTENSIONS = Set.of("xml", "nml", "yaml", "yml", "omt", "mep");

    static FileKind of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".omt")) {
            return OMV_TEST;
        }
        if (name.endsWith(".mep")) {
            return OMV_EXPECTATIONS;
        }
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            return LEMS;
        }
        Set<String> keys = YamlKeys.topLevel(file);
        if (keys.contains("cases")) {
            return SUITE;
        }
        if (keys.contains("target") && keys.contains("engine")) {
            return OMV_TEST;
        }
        if (keys.contains("experiments") && keys.contains("system")) {
            return OMV_EXPECTATIONS;
        }
        return keys.isEmpty() || keys.contains("dynamics") ? EXPERIMENT : OTHER_YAML;
    }

    /** Whether a folder walk validates {@code file}: a walked extension, and not some other tool's YAML. */
    static boolean walked(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1)) && of(file) != OTHER_YAML;
    }
}
