package org.lemsbridge.files;

/**
 * File-name-safe forms of case, quantity and component names ({@code izpopTonic[0]/v -> izpopTonic_0__v}): letters,
 * digits, {@code . _ -}, never starting with a dot (so never {@code .} or {@code ..}).
 */
public final class SafeName {
    private SafeName() {
    }

    public static String of(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
