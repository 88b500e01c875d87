package org.lemsbridge.suite;

/** File-name-safe forms of case and quantity names ({@code izpopTonic[0]/v} -> {@code izpopTonic_0__v}). */
final class SafeName {
    private SafeName() {
    }

    static String of(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "_" : safe;
    }
}
