package org.lemsbridge.suite;

import java.util.List;

import org.lemsbridge.compare.omv.OmvResult;

/**
 * What became of one OMV test in a run of several.
 *
 * @param test    the {@code .omt} file, as given or found
 * @param engine  the engine it names (null when the file could not be read)
 * @param status  passed, failed, skipped (another engine) or stopped by an error
 * @param results the checks made (none for a dry run, a skipped test or an error)
 * @param dryRun  the test has no MEP: passing means the target simulated
 * @param note    why it was skipped or stopped, or what a validation engine decided, one line (null otherwise)
 * @param details what a validation engine found, one line each (empty otherwise)
 * @param seconds wall time
 */
public record OmvOutcome(String test, String engine, Status status, List<OmvResult> results, boolean dryRun, String note,
                         List<String> details, double seconds) {

    /** The four ends of a test. */
    public enum Status { PASS, FAIL, SKIPPED, ERROR }

    public OmvOutcome {
        results = List.copyOf(results);
        details = List.copyOf(details);
    }
}
