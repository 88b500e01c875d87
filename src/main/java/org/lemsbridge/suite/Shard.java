package org.lemsbridge.suite;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/** Shard {@code index} of {@code count} (1-based, as {@code --shard 2/4} writes it). */
public record Shard(int index, int count) {

    /** The most shards a suite may be split into. */
    public static final int MAX_COUNT = 10_000;

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
            throw new IllegalArgumentException("not a shard: " + index + "/" + count);
        }
    }

    /** Reads {@code K/N} as the option {@code option} gave it. */
    public static Shard parse(String text, String option) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new BadInputException(SourceLocation.unknown(option), "'" + text + "' is not a shard: write K/N,"
                    + " shard K of N, say 2/4", null);
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        if (count < 1 || count > MAX_COUNT) {
            throw new BadInputException(SourceLocation.unknown(option), "the number of shards must be 1 to "
                    + MAX_COUNT + ", got " + count, null);
        }
        if (index < 1 || index > count) {
            throw new BadInputException(SourceLocation.unknown(option), "shard " + index + " does not exist: the"
                    + " shards of " + count + " are 1 to " + count, null);
        }
        return new Shard(index, count);
    }

    /** {@code 2/4}. */
    public String label() {
        return index + "/" + count;
    }
}
