package org.lemsbridge.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.FolderFiles;
import org.lemsbridge.files.YamlKeys;

/**
 * The suite files a check command line names: files as given; folders walked (see {@link FolderFiles}) for their
 * suites, the YAML files with a top-level {@code cases} (experiments and other YAML beside them are passed over).
 */
public final class SuiteFiles {

    private SuiteFiles() {
    }

    public static List<Path> expand(List<Path> given) {
        List<Path> files = new ArrayList<>();
        for (Path path : given) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            List<Path> suites = FolderFiles.walk(path, SuiteFiles::isSuite);
            if (suites.isEmpty()) {
                throw new BadInputException(SourceLocation.unknown(path.toString()), "the folder holds no suite file"
                        + " (a .yaml or .yml file with a top-level 'cases:')");
            }
            files.addAll(suites);
        }
        return files;
    }

    private static boolean isSuite(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && YamlKeys.topLevel(file).contains("cases");
    }
}
