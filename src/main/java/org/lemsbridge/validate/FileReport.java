package org.lemsbridge.validate;

import java.util.List;

import org.lemsbridge.error.BadInputException;

/**
 * The result of validating one file: its findings, or the reason it could not be read at all
 * ({@code unreadable} is then set and the findings are empty).
 */
public record FileReport(String file, List<Finding> findings, BadInputException unreadable) {

    public FileReport {
        findings = List.copyOf(findings);
    }

    public static FileReport of(String file, List<Finding> findings) {
        return new FileReport(file, findings, null);
    }

    public static FileReport unreadable(String file, BadInputException reason) {
        return new FileReport(file, List.of(), reason);
    }

    public boolean isUnreadable() {
        return unreadable != null;
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    /** 0 valid (warnings allowed), 1 errors found, 2 unreadable: the validate command's exit code for this file. */
    public int exitCode() {
        return isUnreadable() ? 2 : errors() > 0 ? 1 : 0;
    }
}
