package org.lemsbridge.suite;

import java.util.List;

/** Every case's result, in suite order. */
public record SuiteResult(Suite suite, List<CaseResult> cases, double seconds) {
    public SuiteResult {
        cases = List.copyOf(cases);
    }

    public boolean passed() {
        return cases.stream().allMatch(CaseResult::passed);
    }

    public boolean anyBadInput() {
        return cases.stream().anyMatch(CaseResult::badInput);
    }

    public long count(String status) {
        return cases.stream().filter(c -> c.status().equals(status)).count();
    }
}
