package org.lemsbridge.lems;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Expr.BinaryOp;

/**
 * Parses LEMS expression text into {@link Expr} with jLEMS 0.11.1 grouping: each operator level is
 * left-associative and the levels bind, tightest first, unary minus after an operator, {@code ^}, {@code /},
 * {@code *}, binary {@code -}, {@code +}, the comparisons, then {@code .eq. .and. .or.}. A minus that opens a
 * group has a missing left operand read as 0.0.
 */
public final class JlemsExpressionParser {

    static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "sinh", "cosh", "tanh", "exp", "sqrt", "ceil",
            "abs", "log", "ln", "h", "random", "factorial");

    private final String text;
    private final List<String> tokens;
    private int pos;

    private JlemsExpressionParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** Parses one expression; throws IllegalArgumentException with a readable message when malformed. */
    public static Expr parse(String text) {
        String trimmed = text.trim();
        if (!trimmed.isEmpty() && (Character.isDigit(trimmed.charAt(0)) || trimmed.charAt(0) == '-'
                || trimmed.charAt(0) == '.' || trimmed.charAt(0) == '+')) {
            try {
                return new Expr.Num(Double.parseDouble(trimmed));
            } catch (NumberFormatException notAPlainNumber) {
                // an expression after all
            }
        }
        JlemsExpressionParser parser = new JlemsExpressionParser(trimmed);
        if (parser.tokens.isEmpty()) {
            throw new IllegalArgumentException("empty expression");
        }
        Expr result = parser.logical();
        if (parser.pos != parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.pos) + "' in '" + text + "'");
        }
        return result;
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < s.length() && Character.isDigit(s.charAt(j))) {
                        i = j;
                        while (i < s.length() && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                }
                out.add(s.substring(start, i));
            } else if (c == '.') {
                int end = s.indexOf('.', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated operator at '" + s.substring(i) + "'");
                }
                out.add(s.substring(i, end + 1).toLowerCase(java.util.Locale.ROOT));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(s.substring(start, i));
            } else if ("+-*/^(),".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '<' || c == '>' || c == '=' || c == '!') {
                int start = i;
                i++;
                if (i < s.length() && s.charAt(i) == '=') {
                    i++;
                }
                out.add(s.substring(start, i));
            } else if (c == '&' || c == '|') {
                int start = i;
                i++;
                if (i < s.length() && s.charAt(i) == c) {
                    i++;
                }
                out.add(s.substring(start, i));
            } else {
                throw new IllegalArgumentException("unexpected character '" + c + "' in '" + s + "'");
            }
        }
        return out;
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean atGroupStart() {
        if (pos == 0) {
            return true;
        }
        String previous = tokens.get(pos - 1);
        return previous.equals("(") || previous.equals(",");
    }

    private Expr logical() {
        Expr left = comparison();
        while (true) {
            BinaryOp op = switch (String.valueOf(peek())) {
                case ".eq.", "==" -> BinaryOp.EQ;
                case ".and.", "&&", "&" -> BinaryOp.AND;
                case ".or.", "||", "|" -> BinaryOp.OR;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            pos++;
            left = new Expr.Binary(op, left, comparison());
        }
    }

    private Expr comparison() {
        Expr left = sum();
        while (true) {
            BinaryOp op = switch (String.valueOf(peek())) {
                case ".gt.", ">" -> BinaryOp.GT;
                case ".lt.", "<" -> BinaryOp.LT;
                case ".geq.", ".ge.", ">=" -> BinaryOp.GE;
                case ".leq.", ".le.", ".lte.", "<=" -> BinaryOp.LE;
                case ".neq.", ".ne.", "!=" -> BinaryOp.NE;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            pos++;
            left = new Expr.Binary(op, left, sum());
        }
    }

    private Expr sum() {
        Expr left = difference();
        while ("+".equals(peek())) {
            pos++;
            left = new Expr.Binary(BinaryOp.ADD, left, difference());
        }
        return left;
    }

    private Expr difference() {
        Expr left;
        if ("-".equals(peek()) && atGroupStart()) {
            left = new Expr.Num(0.0);
        } else {
            left = product();
        }
        while ("-".equals(peek())) {
            pos++;
            left = new Expr.Binary(BinaryOp.SUB, left, product());
        }
        return left;
    }

    private Expr product() {
        Expr left = quotient();
        while ("*".equals(peek())) {
            pos++;
            left = new Expr.Binary(BinaryOp.MUL, left, quotient());
        }
        return left;
    }

    private Expr quotient() {
        Expr left = power();
        while ("/".equals(peek())) {
            pos++;
            left = new Expr.Binary(BinaryOp.DIV, left, power());
        }
        return left;
    }

    private Expr power() {
        Expr left = unary();
        while ("^".equals(peek())) {
            pos++;
            left = new Expr.Binary(BinaryOp.POW, left, unary());
        }
        return left;
    }

    private Expr unary() {
        String token = peek();
        if ("-".equals(token)) {
            pos++;
            return new Expr.Unary(Expr.UnaryOp.NEG, unary());
        }
        if ("+".equals(token)) {
            pos++;
            return unary();
        }
        return primary();
    }

    private Expr primary() {
        String token = peek();
        if (token == null) {
            throw new IllegalArgumentException("expression '" + text + "' ends too early");
        }
        pos++;
        if (token.equals("(")) {
            Expr inner = logical();
            expect(")");
            return inner;
        }
        char first = token.charAt(0);
        if (Character.isDigit(first) || first == '.') {
            try {
                return new Expr.Num(Double.parseDouble(token));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number '" + token + "' in '" + text + "'");
            }
        }
        if (Character.isLetter(first) || first == '_') {
            String lower = token.toLowerCase(java.util.Locale.ROOT);
            if ("(".equals(peek()) && FUNCTIONS.contains(lower)) {
                pos++;
                List<Expr> args = new ArrayList<>();
                if (!")".equals(peek())) {
                    args.add(logical());
                    while (",".equals(peek())) {
                        pos++;
                        args.add(logical());
                    }
                }
                expect(")");
                return new Expr.Call(lower.equals("ln") ? "log" : lower.equals("h") ? "heaviside" : lower, args);
            }
            if (token.equals("true")) {
                return new Expr.Bool(true);
            }
            if (token.equals("false")) {
                return new Expr.Bool(false);
            }
            return new Expr.Var(token);
        }
        throw new IllegalArgumentException("unexpected '" + token + "' in '" + text + "'");
    }

    private void expect(String token) {
        if (!token.equals(peek())) {
            throw new IllegalArgumentException("expected '" + token + "' in '" + text + "'");
        }
        pos++;
    }
}
