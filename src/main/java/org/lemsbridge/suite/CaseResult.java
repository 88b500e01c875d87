package org.lemsbridge.suite;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.lemsbridge.compare.Comparison;

/**
 * What one case came to: a comparison with its reference, a run without a reference (drawn only), an OMV test's
 * checks, or an error that stopped it before any of these could be made.
 */
public sealed interface CaseResult permits CaseResult.Compared, CaseResult.Ran, CaseResult.OmvChecked,
        CaseResult.Stopped {

    /** The outcome of a case. */
    enum Status {
        PASS, FAIL, ERROR;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Status of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    SuiteCase suiteCase();

    /** Doubtful choices made on the way (conversion warnings). */
    List<String> warnings();

    /** Wall time of the case: simulation, comparison and plots. */
    double seconds();

    Status status();

    /** The tier reached, {@code omv} for an OMV test, {@code -} when nothing was compared. */
    String tierLabel();

    default boolean passed() {
        return status() == Status.PASS;
    }

    /**
     * A simulated model compared with its reference.
     *
     * @param plots     for each compared column (same order), the PNG path relative to the report folder; empty for
     *                  a column that could not be drawn (a missing one)
     * @param thumbnail a small picture of the case (its first failing column, else its first), relative to the
     *                  report folder
     */
    record Compared(SuiteCase suiteCase, Comparison comparison, List<Optional<String>> plots,
                    Optional<String> thumbnail, List<String> warnings, double seconds) implements CaseResult {
        public Compared {
            plots = List.copyOf(plots);
            warnings = List.copyOf(warnings);
        }

        @Override
        public Status status() {
            return comparison.passed() ? Status.PASS : Status.FAIL;
        }

        @Override
        public String tierLabel() {
            return comparison.verdict().tier().label();
        }
    }

    /**
     * A model run without a reference: it passes when it runs, and is shown by its pictures.
     *
     * @param pictures  each Display (or OutputFile) and EventOutputFile of the run as a PNG, relative to the report
     *                  folder (an SVG of the same name beside each)
     * @param thumbnail a small picture of the first, relative to the report folder
     */
    record Ran(SuiteCase suiteCase, List<String> pictures, Optional<String> thumbnail, List<String> warnings,
               double seconds) implements CaseResult {
        public Ran {
            pictures = List.copyOf(pictures);
            warnings = List.copyOf(warnings);
        }

        @Override
        public Status status() {
            return Status.PASS;
        }

        @Override
        public String tierLabel() {
            return "run";
        }
    }

    /** An OMV test run on our simulator. */
    record OmvChecked(SuiteCase suiteCase, OmvRunner.OmvRun omv, List<String> warnings, double seconds)
            implements CaseResult {
        public OmvChecked {
            warnings = List.copyOf(warnings);
        }

        @Override
        public Status status() {
            return omv.passed() ? Status.PASS : Status.FAIL;
        }

        @Override
        public String tierLabel() {
            return "omv";
        }
    }

    /**
     * A case stopped by an error before anything was compared.
     *
     * @param error    the one-line message
     * @param badInput true when the user can fix it (a model or file problem), false for a bug in lemsbridge
     * @param cause    what stopped it, for {@code --debug}'s stack trace (never in the report)
     */
    record Stopped(SuiteCase suiteCase, String error, boolean badInput, List<String> warnings, double seconds,
                   Throwable cause) implements CaseResult {
        public Stopped {
            warnings = List.copyOf(warnings);
        }

        @Override
        public Status status() {
            return Status.ERROR;
        }

        @Override
        public String tierLabel() {
            return "-";
        }
    }
}
