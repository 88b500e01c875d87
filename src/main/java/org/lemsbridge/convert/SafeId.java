package org.lemsbridge.convert;

/** LEMS-safe identifiers: every character outside {@code [A-Za-z0-9_]} becomes {@code _}; a leading digit gets a {@code _}. */
final class SafeId {
    private SafeId() {
    }

    static String of(String text) {
        StringBuilder id = new StringBuilder(text.length() + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            id.append(ok ? c : '_');
        }
        if (id.length() == 0 || Character.isDigit(id.charAt(0))) {
            id.insert(0, '_');
        }
        return id.toString();
    }

    static boolean isIdentifier(String name) {
        return name != null && !name.isEmpty() && of(name).equals(name);
    }
}
