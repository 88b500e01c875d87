package org.lemsbridge.validate;

/** How bad a finding is: errors make {@code validate} exit with 1, warnings do not. */
public enum Severity {
    ERROR, WARNING;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
