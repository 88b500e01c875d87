package org.lemsbridge.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file and folder under a folder (hidden ones too) with the SHA-256 of each file's bytes. */
record FolderSnapshot(Map<String, String> entries) {

    static FolderSnapshot of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                entries.put(name, Files.isDirectory(path) ? "folder" : sha256(Files.readAllBytes(path)));
            }
        }
        return new FolderSnapshot(entries);
    }

    /** The entries' names, sorted. */
    List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** The names that look like temporaries or backups of ours ({@code .NAME....tmp}, {@code .bak}). */
    List<String> leftovers() {
        return entries.keySet().stream().filter(name -> {
            String file = name.substring(name.lastIndexOf('/') + 1);
            return file.startsWith(".") && (file.endsWith(".tmp") || file.endsWith(".bak"));
        }).toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
