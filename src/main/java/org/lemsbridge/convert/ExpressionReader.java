package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.NearestName;
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
    private static final Set<String> CONSTANTS = Set.of("pi", "E");
    private static final int MAX_INLINING_DEPTH = 32;

    /** A user function as written: its name, argument names and body text. */
    record FunctionSource(String name, List<String> arguments, RhsText body) {
        FunctionSource {
            arguments = List.copyOf(arguments);
        }
    }

    private record UserFunction(String name, List<String> arguments, Expr body, RhsText source) {
    }

    private final Map<String, String> lemsNames;
    private final Set<String> functionNames = new HashSet<>();
    private final Map<String, UserFunction> functions = new LinkedHashMap<>();
    private final Map<String, Expr> renaming = new HashMap<>();

    /**
     * {@code lemsNames}: every model symbol the user wrote, with the name it gets in LEMS. Function bodies may use
     * their arguments, model symbols and each other.
     */
    ExpressionReader(Map<String, String> lemsNames, List<FunctionSource> userFunctions) {
        this(lemsNames, userFunctions, null);
    }

    /** {@code time}: what {@code t} becomes (e.g. {@code t/SEC} for a model counting time in its time_scale), or null. */
    ExpressionReader(Map<String, String> lemsNames, List<FunctionSource> userFunctions, Expr time) {
        this.lemsNames = Map.copyOf(lemsNames);
        lemsNames.forEach((user, lems) -> {
            if (!user.equals(lems)) {
                renaming.put(user, new Expr.Var(lems));
            }
        });
        if (time != null) {
            renaming.put("t", time);
        }
        userFunctions.forEach(f -> functionNames.add(f.name()));
        for (FunctionSource f : userFunctions) {
            Expr parsed = parse(f.body());
            for (String symbol : Exprs.freeSymbols(parsed)) {
                if (!f.arguments().contains(symbol) && !isModelSymbol(symbol)) {
                    throw new BadInputException(f.body().at(f.body().columnOf(symbol)),
                            "unknown symbol '" + symbol + "' in the body of function '" + f.name() + "'"
                                    + didYouMean(symbol, f.arguments()),
                            "a function body may use its arguments " + f.arguments() + " and the model's symbols");
                }
            }
            functions.put(f.name(), new UserFunction(f.name(), f.arguments(), parsed, f.body()));
        }
    }

    /** The expression with functions inlined and names in their LEMS form. */
    Expr read(RhsText rhs) {
        Expr parsed = parse(rhs);
        for (String symbol : Exprs.freeSymbols(parsed)) {
            if (!isModelSymbol(symbol)) {
                throw new BadInputException(rhs.at(rhs.columnOf(symbol)),
                        "unknown symbol '" + symbol + "' in " + rhs.what() + didYouMean(symbol, List.of()),
                        "define it as a parameter, state variable or derived variable");
            }
        }
        return Exprs.substitute(inline(parsed, rhs, 0), renaming);
    }

    /** {@code "; did you mean 'x'?"} when a model symbol (or one of {@code alsoKnown}) is close, else "". */
    private String didYouMean(String symbol, List<String> alsoKnown) {
        Set<String> known = new HashSet<>(lemsNames.keySet());
        known.addAll(alsoKnown);
        known.add("t");
        return NearestName.among(known, symbol).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    private boolean isModelSymbol(String symbol) {
        return lemsNames.containsKey(symbol) || symbol.equals("t") || CONSTANTS.contains(symbol);
    }

    /**
     * Parses {@code rhs}. The SymPy parser knows only built-in functions, so each call of a user function is first
     * replaced by a placeholder name of the same length (keeping every column), its arguments are read on their
     * own, and the placeholder becomes a {@code Call} of the user function afterwards.
     */
    private Expr parse(RhsText rhs) {
        if (rhs.text() == null || rhs.text().isBlank()) {
            throw new BadInputException(rhs.at(1), rhs.what() + " is empty");
        }
        String text = rhs.text();
        StringBuilder masked = new StringBuilder(text);
        Map<String, Expr> calls = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean startsName = (Character.isLetter(c) || c == '_')
                    && (i == 0 || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_'
                    || text.charAt(i - 1) == '.'));
            if (!startsName) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            String name = text.substring(i, end);
            int open = end;
            while (open < text.length() && text.charAt(open) == ' ') {
                open++;
            }
            if (!functionNames.contains(name) || open >= text.length() || text.charAt(open) != '(') {
                i = end;
                continue;
            }
            int close = matchingClose(rhs, open);
            List<Expr> args = new ArrayList<>();
            int argStart = open + 1;
            int depth = 0;
            for (int k = open + 1; k <= close; k++) {
                char ch = text.charAt(k);
                if (ch == '(') {
                    depth++;
                } else if (ch == ')' && depth > 0) {
                    depth--;
                } else if ((ch == ',' && depth == 0) || k == close) {
                    boolean noArguments = k == close && args.isEmpty() && text.substring(argStart, k).isBlank();
                    if (!noArguments) {
                        args.add(parse(rhs.slice(argStart, k, "argument " + (args.size() + 1) + " of '" + name
                                + "' in " + rhs.what())));
                    }
                    argStart = k + 1;
                }
            }
            String placeholder = placeholder(calls.size(), close + 1 - i, rhs, i);
            calls.put(placeholder, new Expr.Call(name, args));
            masked.replace(i, close + 1, placeholder);
            i = close + 1;
        }
        Expr parsed;
        try {
            parsed = SympyParser.parse(masked.toString());
        } catch (ExprSyntaxException e) {
            throw new BadInputException(rhs.at(e.column()), "syntax error in " + rhs.what() + ": " + e.getMessage());
        }
        return calls.isEmpty() ? parsed : Exprs.substitute(parsed, calls);
    }

    private static int matchingClose(RhsText rhs, int open) {
        int depth = 0;
        for (int k = open; k < rhs.text().length(); k++) {
            char ch = rhs.text().charAt(k);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return k;
            }
        }
        throw new BadInputException(rhs.at(open + 1), "syntax error in " + rhs.what() + ": '(' is never closed");
    }

    /** An identifier of exactly {@code length} characters that names no model symbol. */
    private String placeholder(int index, int length, RhsText rhs, int at) {
        String base = "_" + index;
        if (base.length() > length) {
            throw new BadInputException(rhs.at(at + 1), "too many function calls in " + rhs.what());
        }
        StringBuilder name = new StringBuilder(base);
        while (name.length() < length) {
            name.append('_');
        }
        if (lemsNames.containsKey(name.toString())) {
            name.setCharAt(0, 'Q');
        }
        return name.toString();
    }

    private Expr inline(Expr e, RhsText where, int depth) {
        if (e instanceof Expr.Call call) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : call.args()) {
                args.add(inline(a, where, depth));
            }
            UserFunction f = functions.get(call.function());
            if (f == null) {
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
