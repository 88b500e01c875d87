package org.lemsbridge.lems.xml;

/**
 * The one String for each run of characters seen so far, looked up in the characters themselves: a large model
 * repeats its tags and attribute names a hundred thousand times, and making a String of each only to find an equal
 * one already known was a third of the garbage of reading it.
 */
final class SharedStrings {

    /**
     * Slots looked at before giving up on sharing: texts made to share one hash (a hostile file) then each get a
     * String of their own instead of a search that grows with their number.
     */
    private static final int MAX_PROBES = 32;

    private String[] table = new String[1024];
    private int size;

    /** The String of {@code chars[start, end)}, the same instance each time those characters come again. */
    String of(char[] chars, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        int mask = table.length - 1;
        int slot = mix(hash) & mask;
        for (int probe = 0; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
            String known = table[slot];
            if (known == null) {
                String made = new String(chars, start, end - start);
                table[slot] = made;
                if (++size * 2 > table.length) {
                    grow();
                }
                return made;
            }
            if (known.hashCode() == hash && same(known, chars, start, end)) {
                return known;
            }
        }
        return new String(chars, start, end - start);
    }

    private static boolean same(String known, char[] chars, int start, int end) {
        if (known.length() != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (known.charAt(i - start) != chars[i]) {
                return false;
            }
        }
        return true;
    }

    /** Scatters the String hashes of similar texts ("pop[1]", "pop[2]"), which are close together, over the table. */
    private static int mix(int hash) {
        int spread = hash * 0x9E3779B9;
        return spread ^ (spread >>> 15);
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        int mask = table.length - 1;
        for (String known : old) {
            if (known != null) {
                int slot = mix(known.hashCode()) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = known;
            }
        }
    }
}
