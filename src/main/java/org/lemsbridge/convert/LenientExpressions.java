package org.lemsbridge.convert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.lemsbridge.experiment.Event;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.ExprSyntaxException;
import org.lemsbridge.expr.SympyParser;

/**
 * Reading an experiment's expressions where failing to read is an answer, not an error: the recognisers of NeuroML
 * forms ask "is this the Izhikevich form?", and text that does not parse simply is not.
 */
final class LenientExpressions {
    private LenientExpressions() {
    }

    /** The parsed expression, or empty for no text or text that does not parse. */
    static Optional<Expr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SympyParser.parse(text));
        } catch (ExprSyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * An event's {@code affect} as assignments in order ({@code "v = c; U = U + d"}); empty when there is none, or when
     * any non-blank piece is not an assignment of a readable expression.
     */
    static Map<String, Expr> affectAssignments(Event event) {
        Map<String, Expr> out = new LinkedHashMap<>();
        if (event.affect() == null || event.affect().rhs() == null) {
            return out;
        }
        for (String piece : event.affect().rhs().split(";")) {
            if (piece.isBlank()) {
                continue;
            }
            int eq = piece.indexOf('=');
            Optional<Expr> value = eq < 0 ? Optional.empty() : parse(piece.substring(eq + 1));
            if (value.isEmpty()) {
                return Map.of();
            }
            out.put(piece.substring(0, eq).trim(), value.get());
        }
        return out;
    }
}
