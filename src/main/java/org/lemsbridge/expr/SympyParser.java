package org.lemsbridge.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lemsbridge.expr.Expr.Binary;
import org.lemsbridge.expr.Expr.BinaryOp;
import org.lemsbridge.expr.Expr.Bool;
import org.lemsbridge.expr.Expr.Call;
import org.lemsbridge.expr.Expr.Case;
import org.lemsbridge.expr.Expr.Num;
import org.lemsbridge.expr.Expr.Piecewise;
import org.lemsbridge.expr.Expr.Unary;
import org.lemsbridge.expr.Expr.UnaryOp;
import org.lemsbridge.expr.Expr.Var;

/**
 * Parses the SymPy-style right-hand sides of TVBO experiment YAML.
 * <p>
 * Binding, loosest first: {@code |}; {@code &}; {@code ~} (prefix; unlike Python's bitwise {@code ~} it binds
 * looser than comparisons, so {@code ~a < b} is {@code ~(a < b)} — the printer always brackets); comparisons
 * {@code < <= > >= == !=} (not chainable); {@code + -}; {@code * /}; prefix {@code -}/{@code +}; {@code **} and
 * {@code ^} (both power, right-associative, exponent may carry a sign: {@code 2**-x}). So {@code -x**2} is
 * {@code -(x**2)}. All binary operators other than power and comparisons are left-associative.
 * <p>
 * Atoms: numbers ({@code 3}, {@code 0.04}, {@code 1.0e-3}, {@code .5}; a number directly followed by a name is a
 * product, {@code 2x} = {@code 2*x}), names, {@code True}/{@code False}, {@code oo}/{@code nan} (infinity, NaN),
 * {@code pi} and {@code E} (kept as names), {@code Eq(a, b)}, {@code Ne(a, b)},
 * {@code Piecewise((v1, c1), ..., (d, True))}, {@code a % b} and {@code Mod(a, b)} (floor modulo, read as
 * {@code a - b*floor(a/b)}) and the functions of {@link Functions} in SymPy or canonical spelling.
 * A function name not followed by {@code (} is an ordinary name. Limits: {@link ParseLimits}.
 */
public final class SympyParser {

    private enum Kind { NUMBER, NAME, OP, OPEN, CLOSE, COMMA, END }

    private record Token(Kind kind, String text, int column) {
    }

    private final List<Token> tokens;
    private int pos;
    private int nesting;
    private int moduli;

    private SympyParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses one SymPy-style expression. */
    public static Expr parse(String text) {
        ParseLimits.checkLength(text);
        SympyParser parser = new SympyParser(tokenize(text));
        Expr e = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw new ExprSyntaxException(rest.kind() == Kind.CLOSE ? "')' without a matching '('"
                    : "unexpected '" + rest.text() + "'", rest.column());
        }
        if (Exprs.depth(e) > ParseLimits.MAX_TREE_DEPTH) {
            throw new ExprSyntaxException("expression nested deeper than " + ParseLimits.MAX_TREE_DEPTH + " levels", 1);
        }
        return e;
    }

    private Expr or() {
        Expr left = and();
        while (isOp("|")) {
            next();
            left = new Binary(BinaryOp.OR, left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (isOp("&")) {
            next();
            left = new Binary(BinaryOp.AND, left, not());
        }
        return left;
    }

    private Expr not() {
        if (isOp("~")) {
            Token tok = next();
            enter(tok);
            Expr operand = not();
            nesting--;
            return new Unary(UnaryOp.NOT, operand);
        }
        return relation();
    }

    private Expr relation() {
        Expr left = additive();
        BinaryOp op = relationOp(peek());
        if (op == null) {
            return left;
        }
        next();
        Expr result = new Binary(op, left, additive());
        Token after = peek();
        if (relationOp(after) != null) {
            throw new ExprSyntaxException("chained comparison: write (a < b) & (b < c)", after.column());
        }
        return result;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (isOp("+") || isOp("-")) {
            BinaryOp op = next().text().equals("+") ? BinaryOp.ADD : BinaryOp.SUB;
            left = new Binary(op, left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (isOp("*") || isOp("/") || isOp("%")) {
            Token op = next();
            Expr right = unary();
            left = switch (op.text()) {
                case "*" -> new Binary(BinaryOp.MUL, left, right);
                case "/" -> new Binary(BinaryOp.DIV, left, right);
                default -> floorModulo(left, right, op);
            };
        }
        return left;
    }

    /**
     * Python's and SymPy's {@code a % b} ({@code Mod(a, b)}, Julia's {@code mod}): the remainder with the sign of
     * {@code b}, written {@code a - b*floor(a/b)} because LEMS has no such operator (jLEMS's {@code %} rounds both
     * operands to integers first).
     */
    private Expr floorModulo(Expr a, Expr b, Token at) {
        moduli++;
        if (moduli > ParseLimits.MAX_MODULI) {
            throw new ExprSyntaxException("more than " + ParseLimits.MAX_MODULI + " modulo operations", at.column());
        }
        Expr quotient = new Call(Functions.FLOOR, List.of(new Binary(BinaryOp.DIV, a, b)));
        return new Binary(BinaryOp.SUB, a, new Binary(BinaryOp.MUL, b, quotient));
    }

    private Expr unary() {
        if (isOp("-") || isOp("+")) {
            Token tok = next();
            enter(tok);
            Expr operand = unary();
            nesting--;
            return tok.text().equals("-") ? new Unary(UnaryOp.NEG, operand) : operand;
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        if (isOp("**") || isOp("^")) {
            Token tok = next();
            enter(tok);
            Expr exponent = unary();
            nesting--;
            return new Binary(BinaryOp.POW, base, exponent);
        }
        return base;
    }

    private Expr primary() {
        Token tok = next();
        switch (tok.kind()) {
            case NUMBER -> {
                return new Num(Double.parseDouble(tok.text()));
            }
            case OPEN -> {
                enter(tok);
                Expr inner = or();
                expect(Kind.CLOSE, "')'", tok);
                nesting--;
                return inner;
            }
            case NAME -> {
                return named(tok);
            }
            case END -> throw new ExprSyntaxException("expression ends where a value is expected", tok.column());
            default -> throw new ExprSyntaxException("unexpected '" + tok.text() + "' where a value is expected",
                    tok.column());
        }
    }

    private Expr named(Token name) {
        String n = name.text();
        switch (n) {
            case "True" -> {
                return new Bool(true);
            }
            case "False" -> {
                return new Bool(false);
            }
            case "oo" -> {
                return new Num(Double.POSITIVE_INFINITY);
            }
            case "nan" -> {
                return new Num(Double.NaN);
            }
            default -> {
            }
        }
        if (peek().kind() != Kind.OPEN) {
            return new Var(n);
        }
        Token open = next();
        enter(open);
        Expr result;
        switch (n) {
            case "Piecewise" -> result = piecewiseArguments(open);
            case "Mod" -> {
                List<Expr> args = arguments(open);
                if (args.size() != 2) {
                    throw new ExprSyntaxException("Mod needs exactly two arguments", name.column());
                }
                result = floorModulo(args.get(0), args.get(1), name);
            }
            case "Eq", "Ne" -> {
                List<Expr> args = arguments(open);
                if (args.size() != 2) {
                    throw new ExprSyntaxException(n + " needs exactly two arguments", name.column());
                }
                result = new Binary(n.equals("Eq") ? BinaryOp.EQ : BinaryOp.NE, args.get(0), args.get(1));
            }
            default -> {
                Optional<String> canonical = Functions.fromSympy(n);
                if (canonical.isEmpty()) {
                    throw new ExprSyntaxException("unknown function '" + n + "'", name.column());
                }
                List<Expr> args = arguments(open);
                if (!Functions.acceptsArity(canonical.get(), args.size())) {
                    throw new ExprSyntaxException(n + " takes " + Functions.arityText(canonical.get()), name.column());
                }
                result = new Call(canonical.get(), args);
            }
        }
        nesting--;
        return result;
    }

    /** Comma-separated arguments after an already consumed '(' up to and including ')'. */
    private List<Expr> arguments(Token open) {
        List<Expr> args = new ArrayList<>();
        if (peek().kind() == Kind.CLOSE) {
            next();
            return args;
        }
        args.add(or());
        while (peek().kind() == Kind.COMMA) {
            next();
            args.add(or());
        }
        expect(Kind.CLOSE, "',' or ')'", open);
        return args;
    }

    private Expr piecewiseArguments(Token open) {
        List<Case> cases = new ArrayList<>();
        do {
            Token pairOpen = expect(Kind.OPEN, "'(' starting a (value, condition) pair", open);
            enter(pairOpen);
            Expr value = or();
            expect(Kind.COMMA, "',' between value and condition", pairOpen);
            Expr condition = or();
            expect(Kind.CLOSE, "')' closing the (value, condition) pair", pairOpen);
            nesting--;
            cases.add(new Case(value, condition));
        } while (peek().kind() == Kind.COMMA && next() != null);
        expect(Kind.CLOSE, "',' or ')'", open);
        return new Piecewise(cases);
    }

    private void enter(Token at) {
        nesting++;
        if (nesting > ParseLimits.MAX_NESTING) {
            throw new ExprSyntaxException("expression nested deeper than " + ParseLimits.MAX_NESTING + " levels",
                    at.column());
        }
    }

    private Token expect(Kind kind, String what, Token opening) {
        Token tok = next();
        if (tok.kind() != kind) {
            String found = tok.kind() == Kind.END ? "the end" : "'" + tok.text() + "'";
            throw new ExprSyntaxException("expected " + what + " (opened at column " + opening.column() + "), found "
                    + found, tok.column());
        }
        return tok;
    }

    private boolean isOp(String op) {
        Token t = peek();
        return t.kind() == Kind.OP && t.text().equals(op);
    }

    private static BinaryOp relationOp(Token t) {
        if (t.kind() != Kind.OP) {
            return null;
        }
        return switch (t.text()) {
            case "<" -> BinaryOp.LT;
            case "<=" -> BinaryOp.LE;
            case ">" -> BinaryOp.GT;
            case ">=" -> BinaryOp.GE;
            case "==" -> BinaryOp.EQ;
            case "!=" -> BinaryOp.NE;
            default -> null;
        };
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                int end = numberEnd(text, i);
                out.add(new Token(Kind.NUMBER, text.substring(i, end), column));
                if (end < n && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '_')) {
                    out.add(new Token(Kind.OP, "*", end + 1)); // implicit product: 2x
                } else if (end < n && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    throw new ExprSyntaxException("malformed number", end + 1);
                }
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')
                        && text.charAt(end) < 128) {
                    end++;
                }
                if (end == i) {
                    throw new ExprSyntaxException("unexpected character '" + c + "'", column);
                }
                out.add(new Token(Kind.NAME, text.substring(i, end), column));
                i = end;
            } else if (c == '(' || c == ')' || c == ',') {
                out.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), column));
                i++;
            } else {
                String op = operatorAt(text, i);
                if (op == null) {
                    String hint = c == '=' ? ": use == or Eq(a, b) for equality" : "";
                    throw new ExprSyntaxException("unexpected character '" + c + "'" + hint, column);
                }
                out.add(new Token(Kind.OP, op, column));
                i += op.length();
            }
        }
        out.add(new Token(Kind.END, "", n + 1));
        return out;
    }

    private static String operatorAt(String text, int i) {
        for (String op : List.of("**", "<=", ">=", "==", "!=", "+", "-", "*", "/", "%", "^", "<", ">", "&", "|", "~")) {
            if (text.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    /** End of a number starting at {@code i}: digits, optional fraction, optional exponent with digits. */
    private static int numberEnd(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n && Character.isDigit(text.charAt(j))) {
            j++;
        }
        if (j < n && text.charAt(j) == '.') {
            j++;
            while (j < n && Character.isDigit(text.charAt(j))) {
                j++;
            }
        }
        if (j < n && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < n && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                k++;
            }
            if (k < n && Character.isDigit(text.charAt(k))) {
                while (k < n && Character.isDigit(text.charAt(k))) {
                    k++;
                }
                j = k;
            }
        }
        return j;
    }
}
