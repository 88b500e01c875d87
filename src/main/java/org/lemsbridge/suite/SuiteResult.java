package org.lemsbridge.suite;

import java.util.List;

/** Every case's result, in suite order, and the wall time of the whole run. */
public record SuiteResult(Suite suite, List<CaseResult> cases, double seconds) {
    public SuiteResult {
        cases = List.copyOf(cases);
    }

    public boolean passed() {
        return cases.stream().allMatch(CaseResult::passed);
    }

    /** A case stopped on input the user can fix. */
    public boolean anyBadInput() {
        return cases.stream().anyMatch(c -> c instanceof CaseResult.Stopped stopped && stopped.badInput());
    }

    /** A case stopped by a bug in lemsbridge. */
    public boolean anyInternalError() {
        return cases.stream().anyMatch(c -> c instanceof CaseResult.Stopped stopped && !stopped.badInput());
    }

    public long count(CaseResult.Status status) {
        return cases.stream().filter(c -> c.status() == status).count();
    }
}
