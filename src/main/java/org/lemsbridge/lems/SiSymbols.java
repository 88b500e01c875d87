package org.lemsbridge.lems;

import java.util.Arrays;
import java.util.List;

/** Names the SI unit of a dimension (exponents m l t i k n j) for sidecar files. */
final class SiSymbols {

    private record Named(int[] exponents, String symbol) {
    }

    private static final List<Named> KNOWN = List.of(
            new Named(new int[] {0, 0, 0, 0, 0, 0, 0}, "1"),
            new Named(new int[] {1, 2, -3, -1, 0, 0, 0}, "V"),
            new Named(new int[] {0, 0, 0, 1, 0, 0, 0}, "A"),
            new Named(new int[] {0, 0, 1, 0, 0, 0, 0}, "s"),
            new Named(new int[] {-1, -2, 3, 2, 0, 0, 0}, "S"),
            new Named(new int[] {-1, -2, 4, 2, 0, 0, 0}, "F"),
            new Named(new int[] {1, 2, -3, -2, 0, 0, 0}, "ohm"),
            new Named(new int[] {0, 0, 1, 1, 0, 0, 0}, "C"),
            new Named(new int[] {0, 0, -1, 0, 0, 0, 0}, "Hz"),
            new Named(new int[] {0, 1, 0, 0, 0, 0, 0}, "m"),
            new Named(new int[] {0, 2, 0, 0, 0, 0, 0}, "m2"),
            new Named(new int[] {0, 3, 0, 0, 0, 0, 0}, "m3"),
            new Named(new int[] {0, 0, 0, 0, 1, 0, 0}, "K"),
            new Named(new int[] {0, -3, 0, 0, 0, 1, 0}, "mol_per_m3"),
            new Named(new int[] {0, 0, 0, 0, 0, 1, 0}, "mol"),
            new Named(new int[] {1, 0, 0, 0, 0, 0, 0}, "kg"));

    private SiSymbols() {
    }

    static String symbolFor(int[] exponents) {
        for (Named named : KNOWN) {
            if (Arrays.equals(named.exponents, exponents)) {
                return named.symbol;
            }
        }
        String[] base = {"kg", "m", "s", "A", "K", "mol", "cd"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            if (exponents[i] != 0) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(base[i]);
                if (exponents[i] != 1) {
                    out.append('^').append(exponents[i]);
                }
            }
        }
        return out.toString();
    }
}
