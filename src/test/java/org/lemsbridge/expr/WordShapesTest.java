package org.lemsbridge.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The parser tells numbers and names by hand (no regular expression compiled on a run's start-up path): it accepts
 * exactly what the expressions it replaced did, on every word of up to five characters over an alphabet with each
 * kind of character those expressions distinguish (ASCII and non-ASCII digits, exponent letters, signs, dots).
 */
class WordShapesTest {
    private static final Pattern NUMBER = Pattern.compile("(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final char[] ALPHABET = {'0', '9', '.', 'e', 'E', '+', '-', '_', 'a', 'Z', '\u0663', 'é'};

    @Test
    void numbersAndNamesAreTheRegularExpressionsOnes() {
        int[] counts = new int[2];
        forEachWord("", 5, w -> {
            assertEquals(NUMBER.matcher(w).matches(), LemsParser.isNumber(w), () -> "number '" + w + "'");
            assertEquals(NAME.matcher(w).matches(), LemsParser.isName(w), () -> "name '" + w + "'");
            counts[0] += LemsParser.isNumber(w) ? 1 : 0;
            counts[1] += LemsParser.isName(w) ? 1 : 0;
        });
        // both shapes occur among the words, so the comparison is not all "no"
        assertEquals(true, counts[0] > 500 && counts[1] > 10_000, counts[0] + " numbers, " + counts[1] + " names");
    }

    private static void forEachWord(String prefix, int length, java.util.function.Consumer<String> check) {
        if (!prefix.isEmpty()) {
            check.accept(prefix);
        }
        if (prefix.length() == length) {
            return;
        }
        for (char c : ALPHABET) {
            forEachWord(prefix + c, length, check);
        }
    }
}
