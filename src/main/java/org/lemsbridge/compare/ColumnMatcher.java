package org.lemsbridge.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.TraceLayout;

/**
 * Pairs reference and candidate columns by name: the exact quantity path, else a short name when exactly one column
 * has it (a sidecar/manifest name first, then the last path segment), else an explicit {@code REF=CAND}. Columns of a
 * file without names can be addressed by position ({@code #1}), with a warning.
 */
public final class ColumnMatcher {

    private ColumnMatcher() {
    }

    /**
     * Pairs the requested columns, or every reference column when {@code requests} is empty.
     *
     * @param warnings receives one line per doubtful choice (positional addressing)
     * @throws BadInputException when a name is ambiguous, or a requested reference column does not exist
     */
    public static List<ColumnMatch> match(TraceLayout reference, TraceLayout candidate, List<ColumnRequest> requests,
                                          Consumer<String> warnings) {
        List<ColumnMatch> matches = new ArrayList<>();
        if (requests.isEmpty()) {
            if (reference.isUnnamed() || candidate.isUnnamed()) {
                return positional(reference, candidate, warnings);
            }
            return automatic(reference, candidate);
        }
        for (ColumnRequest request : requests) {
            int r = find(reference, request.reference(), "reference", warnings).orElseThrow(() -> new BadInputException(
                    SourceLocation.unknown(reference.source()), "no column '" + request.reference()
                            + "' in the reference", "columns: " + describe(reference.columns())));
            int c = find(candidate, request.candidate(), "candidate", warnings).orElse(-1);
            matches.add(new ColumnMatch(request, r, c));
        }
        return matches;
    }

    private static List<ColumnMatch> positional(TraceLayout reference, TraceLayout candidate, Consumer<String> warnings) {
        if (reference.columnCount() != candidate.columnCount()) {
            TraceLayout unnamed = reference.isUnnamed() ? reference : candidate;
            throw new BadInputException(SourceLocation.unknown(unnamed.source()), "the file names no columns and the"
                    + " column counts differ (reference " + reference.columnCount() + ", candidate "
                    + candidate.columnCount() + ")",
                    "name the pairs with REF=CAND, using #1 for the first column after time");
        }
        warnings.accept("columns matched by position because " + (reference.isUnnamed() ? "the reference "
                + reference.source() : "the candidate " + candidate.source()) + " names no columns");
        List<ColumnMatch> matches = new ArrayList<>();
        for (int i = 0; i < reference.columnCount(); i++) {
            String ref = reference.column(i).quantity();
            matches.add(new ColumnMatch(ColumnRequest.of(ref, candidate.column(i).quantity()), i, i));
        }
        return matches;
    }

    /**
     * Every reference column: first the candidate column with the same quantity path; then, for those left, the one
     * unclaimed candidate column sharing its short name (sidecar name, else last segment) when the name is unique
     * on both sides. A column left over is missing (with a note when the short name was ambiguous).
     */
    private static List<ColumnMatch> automatic(TraceLayout reference, TraceLayout candidate) {
        int[] chosen = new int[reference.columnCount()];
        String[] notes = new String[reference.columnCount()];
        Set<Integer> claimed = new HashSet<>();
        for (int r = 0; r < chosen.length; r++) {
            chosen[r] = candidate.indexOfQuantity(reference.column(r).quantity()).orElse(-1);
            if (chosen[r] >= 0) {
                claimed.add(chosen[r]);
            }
        }
        for (int r = 0; r < chosen.length; r++) {
            if (chosen[r] >= 0) {
                continue;
            }
            Column column = reference.column(r);
            for (String key : new String[] {column.name(), column.lastSegment()}) {
                List<Integer> inCandidate = new ArrayList<>(byShortName(candidate, key));
                inCandidate.removeAll(claimed);
                if (inCandidate.isEmpty()) {
                    continue;
                }
                List<Integer> inReference = new ArrayList<>();
                for (int other : byShortName(reference, key)) {
                    if (chosen[other] < 0) {
                        inReference.add(other);
                    }
                }
                if (inCandidate.size() == 1 && inReference.size() == 1) {
                    chosen[r] = inCandidate.get(0);
                    claimed.add(chosen[r]);
                } else {
                    List<String> names = new ArrayList<>();
                    inCandidate.forEach(i -> names.add(candidate.column(i).quantity()));
                    notes[r] = "short name '" + key + "' is ambiguous (candidate columns " + String.join(", ", names)
                            + "); pair the columns explicitly with REF=CAND";
                }
                break;
            }
        }
        List<ColumnMatch> matches = new ArrayList<>();
        for (int r = 0; r < chosen.length; r++) {
            String quantity = reference.column(r).quantity();
            matches.add(new ColumnMatch(ColumnRequest.of(quantity, quantity), r, chosen[r], notes[r]));
        }
        return matches;
    }

    /**
     * The column addressed by {@code key} in {@code trace}: {@code #k}, an exact quantity, or a unique short name.
     *
     * @throws BadInputException when the name is ambiguous or the position is out of range
     */
    public static Optional<Integer> find(TraceLayout trace, String key, String side, Consumer<String> warnings) {
        if (key.startsWith("#")) {
            int position;
            try {
                position = Integer.parseInt(key.substring(1));
            } catch (NumberFormatException e) {
                throw new BadInputException(SourceLocation.unknown(trace.source()), "bad column position '" + key + "'");
            }
            if (position < 1 || position > trace.columnCount()) {
                throw new BadInputException(SourceLocation.unknown(trace.source()), "column " + key + " does not exist in"
                        + " the " + side + " (it has " + trace.columnCount() + " columns after time)");
            }
            if (!trace.column(position - 1).isPositional()) {
                warnings.accept(side + " column " + key + " addressed by position although it is named '"
                        + trace.column(position - 1).quantity() + "'");
            }
            return Optional.of(position - 1);
        }
        List<Integer> exact = new ArrayList<>();
        for (int i = 0; i < trace.columnCount(); i++) {
            if (trace.column(i).quantity().equals(key)) {
                exact.add(i);
            }
        }
        if (exact.size() == 1) {
            return Optional.of(exact.get(0));
        }
        List<Integer> candidates = exact.isEmpty() ? byShortName(trace, key) : exact;
        if (candidates.size() > 1) {
            List<Column> columns = new ArrayList<>();
            candidates.forEach(i -> columns.add(trace.column(i)));
            throw new BadInputException(SourceLocation.unknown(trace.source()), "'" + key + "' is ambiguous in the "
                    + side + ": it matches " + describe(columns), "use the full quantity path");
        }
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /** Columns whose sidecar name is {@code key}; if none, columns whose last path segment is {@code key}. */
    private static List<Integer> byShortName(TraceLayout trace, String key) {
        List<Integer> byName = new ArrayList<>();
        List<Integer> bySegment = new ArrayList<>();
        for (int i = 0; i < trace.columnCount(); i++) {
            Column column = trace.column(i);
            if (column.name().equals(key)) {
                byName.add(i);
            } else if (column.lastSegment().equals(key)) {
                bySegment.add(i);
            }
        }
        return byName.isEmpty() ? bySegment : byName;
    }

    private static String describe(List<Column> columns) {
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            names.add(column.name().equals(column.quantity()) ? column.quantity()
                    : column.quantity() + " (" + column.name() + ")");
        }
        return String.join(", ", names);
    }
}
