package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.ExprSyntaxException;
import org.lemsbridge.expr.Exprs;
import org.lemsbridge.expr.SympyParser;

/**
 * Turns a YAML expression string into a LEMS-ready tree: parses it, checks that every name is a model symbol,
 * inlines the user's {@code functions} and renames symbols to their LEMS names. Errors point at the offending
 * character of the string.
 */
final class ExpressionReader {
    /** Functions the LEMS printer can write (jLEMS's own, plus those it rewrites). */
    private static final Set<String> PRINTABLE_FUNCTIONS = Set.of("sin", "cos", "tan", "sinh", "cosh", "tanh",
            "exp", "sqrt", "ceil", "abs", "log", "ln", "H", "random", "factorial", "floor", "sign", "min", "max");
    private static final Set<String> CONSTANTS = Set.of("pi", "E");
    private static final int MAX_INLINING_DEPTH = 32;

    private record UserFunction(String name, List<String> arguments, Expr body, RhsText source) {
    }

    private final Map<String, String> lemsNames;
    private final Map<String, UserFunction> functions = new LinkedHashMap<>();
    private final Map<String, Expr> renaming = new HashMap<>();

    /** {@code lemsNames}: every model symbol the user wrote, with the name it gets in LEMS. */
    ExpressionReader(Map<String, String> lemsNames) {
        this.lemsNames = Map.copyOf(lemsNames);
        lemsNames.forEach((user, lems) -> {
            if (!user.equals(lems)) {
                renaming.put(user, new Expr.Var(lems));
            }
        });
    }

    /** Adds a user function; its body may use its arguments, model symbols and functions added before or after. */
    void addFunction(String name, List<String> arguments, RhsText body) {
        Expr parsed = parse(body);
        for (String symbol : Exprs.freeSymbols(parsed)) {
            if (!arguments.contains(symbol) && !isModelSymbol(symbol)) {
                throw new BadInputException(body.at(body.columnOf(symbol)),
                        "unknown symbol '" + symbol + "' in the body of function '" + name + "'",
                        "a function body may use its arguments " + arguments + " and the model's symbols");
            }
        }
        functions.put(name, new UserFunction(name, List.copyOf(arguments), parsed, body));
    }

    /** The expression with functions inlined and names in their LEMS form. */
    Expr read(RhsText rhs) {
        Expr parsed = parse(rhs);
        for (String symbol : Exprs.freeSymbols(parsed)) {
            if (!isModelSymbol(symbol)) {
                throw new BadInputException(rhs.at(rhs.columnOf(symbol)),
                        "unknown symbol '" + symbol + "' in " + rhs.what(),
                        "define it as a parameter, state variable or derived variable");
            }
        }
        return Exprs.substitute(inline(parsed, rhs, 0), renaming);
    }

    private boolean isModelSymbol(String symbol) {
        return lemsNames.containsKey(symbol) || symbol.equals("t") || CONSTANTS.contains(symbol);
    }

    private static Expr parse(RhsText rhs) {
        if (rhs.text() == null || rhs.text().isBlank()) {
            throw new BadInputException(rhs.at(1), rhs.what() + " is empty");
        }
        try {
            return SympyParser.parse(rhs.text());
        } catch (ExprSyntaxException e) {
            throw new BadInputException(rhs.at(e.column()), "syntax error in " + rhs.what() + ": " + e.getMessage());
        }
    }

    private Expr inline(Expr e, RhsText where, int depth) {
        if (e instanceof Expr.Call call) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : call.args()) {
                args.add(inline(a, where, depth));
            }
            UserFunction f = functions.get(call.function());
            if (f == null) {
                if (!PRINTABLE_FUNCTIONS.contains(call.function())) {
                    throw new BadInputException(where.at(where.columnOf(call.function())),
                            "unknown function '" + call.function() + "' in " + where.what());
                }
                return new Expr.Call(call.function(), args);
            }
            if (args.size() != f.arguments().size()) {
                throw new BadInputException(where.at(where.columnOf(call.function())),
                        "function '" + f.name() + "' takes " + f.arguments().size() + " argument(s), "
                                + args.size() + " given in " + where.what());
            }
            if (depth >= MAX_INLINING_DEPTH) {
                throw new BadInputException(f.source().at(1), "function '" + f.name() + "' calls itself");
            }
            Map<String, Expr> bind = new HashMap<>();
            for (int i = 0; i < args.size(); i++) {
                bind.put(f.arguments().get(i), args.get(i));
            }
            Expr body = inline(f.body(), f.source(), depth + 1);
            return Exprs.substitute(body, bind);
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), inline(u.operand(), where, depth));
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), inline(b.left(), where, depth), inline(b.right(), where, depth));
        }
        if (e instanceof Expr.Piecewise p) {
            List<Expr.Case> cases = new ArrayList<>();
            for (Expr.Case c : p.cases()) {
                cases.add(new Expr.Case(inline(c.value(), where, depth), inline(c.condition(), where, depth)));
            }
            return new Expr.Piecewise(cases);
        }
        return e;
    }
}
