package org.lemsbridge.lems.xml;

import java.util.Locale;
import org.lemsbridge.error.NearestName;
import java.util.Set;
import java.util.TreeSet;

/** Names in messages: cut short when long, and the closest known name offered when one is close. */
public final class NameHints {

    private static final int SHOWN = 60;

    private NameHints() {
    }

    public static String shortened(String name) {
        return name.length() <= SHOWN ? name : name.substring(0, SHOWN) + "...";
    }

    public static String suggestion(String written, Set<String> known, String before, String after) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(known)) {
            int distance = distance(written.toLowerCase(Locale.ROOT),
                    candidate.toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        if (closest != null && best <= Math.max(2, closest.length() / 3)) {
            return "did you mean " + before + closest + after + "?";
        }
        return known.isEmpty() ? "it takes none here" : "allowed here: " + String.join(", ", new TreeSet<>(known));
    }

    /** Levenshtein distance, for names of a few dozen characters at most. */
    private static int distance(String a, String b) {
        if (a.length() > 2 * SHOWN || b.length() > 2 * SHOWN) {
            return Integer.MAX_VALUE;
        }
        return NearestName.editDistance(a, b);
    }
}
