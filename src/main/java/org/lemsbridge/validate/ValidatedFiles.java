package org.lemsbridge.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.files.FolderFiles;

/**
 * The files a validate command line names: files as given, folders walked (see {@link FolderFiles}) for the files
 * {@link FileKind#walked} accepts.
 */
public final class ValidatedFiles {

    private ValidatedFiles() {
    }

    public static List<Path> expand(List<Path> given) {
        List<Path> files = new ArrayList<>();
        for (Path path : given) {
            if (Files.isDirectory(path)) {
                files.addAll(FolderFiles.walk(path, FileKind::walked));
            } else {
                files.add(path);
            }
        }
        return files;
    }
}
