package org.lemsbridge.compare.omv;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * The files an OMT {@code target} names for OMV's validation engines, expanded as OMV expands them: the target split
 * at single spaces ({@code "*cell.nml *channel.nml C*.nml"}), each part resolved against the OMT's folder and
 * expanded by Python's {@code glob}: {@code *}, {@code ?} and {@code [...]} in any path segment, names starting with a
 * dot matched only by a pattern segment that starts with one, a part without wildcards kept when it exists. An empty
 * part (two spaces) names the OMT's folder itself, as in OMV. Sorted within each part (Python lists in directory
 * order, which changes no verdict).
 */
public final class OmvTargets {

    /** The most files one target may name. */
    private static final int MOST_FILES = 100_000;

    private OmvTargets() {
    }

    public static List<Path> expand(Path omtFolder, String target) {
        List<String> parts = target.contains(" ") ? List.of(target.split(" ", -1)) : List.of(target);
        List<Path> files = new ArrayList<>();
        for (String part : parts) {
            files.addAll(glob(omtFolder.toAbsolutePath().resolve(part.strip()).normalize()));
        }
        return List.copyOf(files);
    }

    private static List<Path> glob(Path pattern) {
        if (!hasWildcard(pattern.toString())) {
            return Files.exists(pattern, LinkOption.NOFOLLOW_LINKS) ? List.of(pattern) : List.of();
        }
        List<Path> matches = List.of(pattern.getRoot());
        for (int i = 0; i < pattern.getNameCount(); i++) {
            String segment = pattern.getName(i).toString();
            boolean last = i == pattern.getNameCount() - 1;
            List<Path> next = new ArrayList<>();
            for (Path folder : matches) {
                if (!hasWildcard(segment)) {
                    Path path = folder.resolve(segment);
                    if (last ? Files.exists(path, LinkOption.NOFOLLOW_LINKS) : Files.isDirectory(path)) {
                        next.add(path);
                    }
                } else {
                    next.addAll(matching(folder, segment, last));
                }
                if (next.size() > MOST_FILES) {
                    throw new BadInputException(SourceLocation.unknown(pattern.toString()), "more than " + MOST_FILES
                            + " files match this target");
                }
            }
            matches = next;
        }
        return matches;
    }

    private static List<Path> matching(Path folder, String segment, boolean last) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Pattern regex = Pattern.compile(fnmatchRegex(segment), Pattern.DOTALL);
        boolean hiddenToo = segment.startsWith(".");
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((hiddenToo || !name.startsWith(".")) && regex.matcher(name).matches()
                        && (last || Files.isDirectory(entry))) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    /** Python's {@code fnmatch.translate}: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}; else literal. */
    static String fnmatchRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < pattern.length() && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < pattern.length() && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < pattern.length() && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= pattern.length()) {
                    regex.append("\\[");
                } else {
                    String set = pattern.substring(i, j);
                    i = j + 1;
                    regex.append('[');
                    if (set.startsWith("!")) {
                        regex.append('^');
                        set = set.substring(1);
                    } else if (set.startsWith("^")) {
                        regex.append("\\");
                    }
                    regex.append(set.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "&\\&"));
                    regex.append(']');
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
