package org.lemsbridge.validate;

/**
 * Makes a message safe to print as exactly one line: carriage returns, other control characters and the Unicode
 * line and paragraph separators (which a user's file may smuggle into a message) are shown as {@code \\uXXXX}.
 */
public final class OneLine {

    private OneLine() {
    }

    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append(' ');
            } else if (c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
