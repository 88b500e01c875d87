package org.lemsbridge.error;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The known name closest to a misspelled one, for a "did you mean" hint: letters compared without case, at most a
 * third of the name's letters (and at least two) differing; of names equally close, the first in sorted order.
 */
public final class NearestName {
    /** Longer input is no misspelling of a name; it is not compared (the comparison costs its length squared). */
    private static final int LONGEST = 120;

    private NearestName() {
    }

    public static Optional<String> among(Collection<String> known, String typed) {
        if (typed.length() > LONGEST) {
            return Optional.empty();
        }
        String lowerTyped = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : new TreeSet<>(known)) {
            int distance = name.length() > LONGEST ? Integer.MAX_VALUE
                    : editDistance(name.toLowerCase(Locale.ROOT), lowerTyped);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions each count one. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
