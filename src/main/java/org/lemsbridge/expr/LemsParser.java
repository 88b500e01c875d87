package org.lemsbridge.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.lemsbridge.expr.Expr.Binary;
import org.lemsbridge.expr.Expr.BinaryOp;
import org.lemsbridge.expr.Expr.Call;
import org.lemsbridge.expr.Expr.Num;
import org.lemsbridge.expr.Expr.Var;

/**
 * Parses LEMS expression text into the tree jLEMS 0.11.1 builds (lems-semantics.md §4), so that evaluating it
 * rounds exactly as jLEMS does.
 * <ul>
 * <li>A string that {@code Double.parseDouble} accepts as a whole is one constant (so {@code "-5"} is
 * {@code Num(-5.0)}).</li>
 * <li>Within each bracket group, the operator with the smallest precedence number takes its neighbours first, equal
 * numbers left to right: {@code ^} 1 (so left-associative), {@code /} 2, {@code *} 3, {@code -} 4, {@code +} 5,
 * {@code .gt. .lt. .geq. .leq. .neq.} 10, {@code .eq. .and. .or.} 20. Hence {@code a*b/c} is {@code a*(b/c)} and
 * {@code a+b-c} is {@code a+(b-c)}.</li>
 * <li>A {@code -} (or {@code +}) that starts a group has the missing left operand {@code 0.0}. A {@code -} after
 * another operator binds tighter than {@code ^} and is also {@code 0.0 - operand}.</li>
 * <li>A function takes its bracketed argument before any operator.</li>
 * </ul>
 * Inputs jLEMS mis-reads or rejects are refused with an {@link ExprSyntaxException}: {@code .not.} and other unknown
 * dotted operators, a name ending in e/E directly followed by {@code +}/{@code -} and a digit (jLEMS makes it one
 * token), {@code 2x}, adjacent operators other than a unary minus, a function name not followed by {@code (}, and
 * operands of the wrong kind (arithmetic on a condition, {@code .and.} of numbers), which jLEMS rejects when it builds
 * the evaluator. Limits: {@link ParseLimits}.
 */
public final class LemsParser {

    private static final Map<String, BinaryOp> DOTTED = Map.of(
            ".and.", BinaryOp.AND, ".or.", BinaryOp.OR, ".lt.", BinaryOp.LT, ".gt.", BinaryOp.GT,
            ".geq.", BinaryOp.GE, ".leq.", BinaryOp.LE, ".eq.", BinaryOp.EQ, ".neq.", BinaryOp.NE);

    /**
     * The shapes of a word that is not a number or a name, for the messages about it: compiled only when one is
     * needed (regular expressions compiled when this class loaded took about 5 ms of every run's start-up).
     */
    private static final class Malformed {
        static final Pattern NUMBER_THEN_NAME = Pattern.compile("(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?[A-Za-z_]\\w*");
        static final Pattern E_QUIRK = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*[eE][+-]\\d.*");
        static final Pattern DOTTED_WORD = Pattern.compile("\\.[A-Za-z]+\\.");
    }

    private static final int[] LEVELS = {1, 2, 3, 4, 5, 10, 20};

    private enum Kind { NUMBER, NAME, FUNCTION, OPEN, CLOSE, OPERATOR }

    private record Token(Kind kind, String text, int column, double number, BinaryOp op) {
    }

    /** A parsed operand with its tree depth (kept alongside so no recursive walk is needed). */
    private record Item(Expr expr, int depth) {
    }

    private final String text;
    private final List<Token> tokens;
    private int pos;

    private LemsParser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** Parses LEMS expression or condition text; the result may be numeric or a truth value. */
    public static Expr parse(String text) {
        ParseLimits.checkLength(text);
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        String trimmed = text.substring(start, end);
        try {
            return new Num(Double.parseDouble(trimmed));
        } catch (NumberFormatException notAConstant) {
            // an expression: go on
        }
        if (trimmed.lastIndexOf('(') == 0 && trimmed.indexOf(')') == trimmed.length() - 1) {
            start++;
            end--;
        }
        LemsParser parser = new LemsParser(text, tokenize(text, start, end));
        return parser.parseAll(start);
    }

    /** Parses text that must be a condition (a relation or {@code .and.}/{@code .or.} of relations). */
    public static Expr parseCondition(String text) {
        Expr e = parse(text);
        if (!Exprs.isBoolean(e)) {
            throw new ExprSyntaxException("expected a condition such as 'v .gt. thresh', found a value", 1);
        }
        return e;
    }

    /** Parses text that must be a numeric value (not a condition). */
    public static Expr parseValue(String text) {
        Expr e = parse(text);
        if (Exprs.isBoolean(e)) {
            throw new ExprSyntaxException("expected a value, found a condition", 1);
        }
        return e;
    }

    private Expr parseAll(int start) {
        if (tokens.isEmpty()) {
            throw new ExprSyntaxException("empty expression", 1);
        }
        Item result = parseGroup(0, 1);
        if (pos < tokens.size()) {
            throw new ExprSyntaxException("')' without a matching '('", tokens.get(pos).column());
        }
        return result.expr();
    }

    /** Parses a group's content up to (not including) its ')' or the end. */
    private Item parseGroup(int nesting, int groupColumn) {
        List<Item> operands = new ArrayList<>();
        List<Token> operators = new ArrayList<>();
        boolean expectOperand = true;
        boolean atStart = true;
        while (pos < tokens.size() && tokens.get(pos).kind() != Kind.CLOSE) {
            Token tok = tokens.get(pos);
            if (expectOperand) {
                if (tok.kind() == Kind.OPERATOR) {
                    boolean plusOrMinus = tok.op() == BinaryOp.SUB || tok.op() == BinaryOp.ADD;
                    if (atStart && plusOrMinus) {
                        operands.add(new Item(new Num(0.0), 1));
                        operators.add(tok);
                        pos++;
                        atStart = false;
                        continue;
                    }
                    if (tok.op() != BinaryOp.SUB) {
                        throw new ExprSyntaxException("'" + tok.text() + "' needs a value on its left", tok.column());
                    }
                    pos++;
                    Item operand = parsePrimary(nesting + 1, "'-'");
                    requireValue(operand, tok);
                    operands.add(combine(BinaryOp.SUB, new Item(new Num(0.0), 1), operand, tok));
                } else {
                    operands.add(parsePrimary(nesting, null));
                }
                expectOperand = false;
            } else {
                if (tok.kind() != Kind.OPERATOR) {
                    throw new ExprSyntaxException("missing operator before '" + tok.text() + "'", tok.column());
                }
                operators.add(tok);
                pos++;
                expectOperand = true;
            }
            atStart = false;
        }
        if (expectOperand) {
            if (operators.isEmpty()) {
                throw new ExprSyntaxException("empty brackets", groupColumn);
            }
            Token last = operators.get(operators.size() - 1);
            throw new ExprSyntaxException("'" + last.text() + "' needs a value on its right", last.column());
        }
        return reduce(operands, operators);
    }

    private Item parsePrimary(int nesting, String after) {
        if (pos >= tokens.size()) {
            throw new ExprSyntaxException((after == null ? "a value" : after + " needs a value") + " expected at the end",
                    text.length() + 1);
        }
        Token tok = tokens.get(pos);
        switch (tok.kind()) {
            case NUMBER -> {
                pos++;
                return new Item(new Num(tok.number()), 1);
            }
            case NAME -> {
                pos++;
                return new Item(new Var(tok.text()), 1);
            }
            case FUNCTION -> {
                pos++;
                if (pos >= tokens.size() || tokens.get(pos).kind() != Kind.OPEN) {
                    throw new ExprSyntaxException("function '" + tok.text() + "' must be followed by '('", tok.column());
                }
                Item arg = parseBracketed(nesting);
                requireValue(arg, tok);
                return checkedDepth(new Item(new Call(tok.text(), List.of(arg.expr())), arg.depth() + 1), tok);
            }
            case OPEN -> {
                return parseBracketed(nesting);
            }
            default -> throw new ExprSyntaxException(
                    (after == null ? "unexpected '" + tok.text() + "'" : after + " must be followed by a value"),
                    tok.column());
        }
    }

    private Item parseBracketed(int nesting) {
        Token open = tokens.get(pos);
        if (nesting + 1 > ParseLimits.MAX_NESTING) {
            throw new ExprSyntaxException("brackets nested deeper than " + ParseLimits.MAX_NESTING, open.column());
        }
        pos++;
        Item inner = parseGroup(nesting + 1, open.column());
        if (pos >= tokens.size()) {
            throw new ExprSyntaxException("'(' is never closed", open.column());
        }
        pos++;
        return inner;
    }

    /** jLEMS's claiming order: per precedence level, ascending, each level left to right. */
    private Item reduce(List<Item> operands, List<Token> operators) {
        List<Item> items = operands;
        List<Token> ops = operators;
        for (int level : LEVELS) {
            if (ops.isEmpty()) {
                break;
            }
            List<Item> nextItems = new ArrayList<>();
            List<Token> nextOps = new ArrayList<>();
            nextItems.add(items.get(0));
            for (int i = 0; i < ops.size(); i++) {
                Token op = ops.get(i);
                Item right = items.get(i + 1);
                if (precedence(op.op()) == level) {
                    Item left = nextItems.remove(nextItems.size() - 1);
                    nextItems.add(combine(op.op(), left, right, op));
                } else {
                    nextOps.add(op);
                    nextItems.add(right);
                }
            }
            items = nextItems;
            ops = nextOps;
        }
        return items.get(0);
    }

    private Item combine(BinaryOp op, Item left, Item right, Token at) {
        if (op.isLogical()) {
            requireCondition(left, at);
            requireCondition(right, at);
        } else {
            requireValue(left, at);
            requireValue(right, at);
        }
        return checkedDepth(new Item(new Binary(op, left.expr(), right.expr()), Math.max(left.depth(), right.depth()) + 1), at);
    }

    private static Item checkedDepth(Item item, Token at) {
        if (item.depth() > ParseLimits.MAX_TREE_DEPTH) {
            throw new ExprSyntaxException("expression nested deeper than " + ParseLimits.MAX_TREE_DEPTH + " levels",
                    at.column());
        }
        return item;
    }

    private static void requireValue(Item item, Token at) {
        if (Exprs.isBoolean(item.expr())) {
            throw new ExprSyntaxException("'" + at.text() + "' needs a value, but its operand is a condition"
                    + " (jLEMS has no arithmetic on conditions)", at.column());
        }
    }

    private static void requireCondition(Item item, Token at) {
        if (!Exprs.isBoolean(item.expr())) {
            throw new ExprSyntaxException("'" + at.text() + "' needs conditions on both sides"
                    + " (put brackets around each comparison, e.g. (a .eq. b) .and. (c .eq. d))", at.column());
        }
    }

    private static int precedence(BinaryOp op) {
        return switch (op) {
            case POW -> 1;
            case DIV -> 2;
            case MUL -> 3;
            case SUB -> 4;
            case ADD -> 5;
            case GT, LT, GE, LE, NE -> 10;
            case EQ, AND, OR -> 20;
        };
    }

    private static List<Token> tokenize(String text, int start, int end) {
        List<Token> out = new ArrayList<>();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            int column = i + 1;
            if (c <= ' ') {
                i++;
                continue;
            }
            if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), column, 0, null));
                i++;
                continue;
            }
            BinaryOp single = singleCharOperator(c);
            if (single != null) {
                out.add(new Token(Kind.OPERATOR, String.valueOf(c), column, 0, single));
                i++;
                continue;
            }
            String dotted = dottedOperatorAt(text, i, end);
            if (dotted != null) {
                out.add(new Token(Kind.OPERATOR, dotted, column, 0, DOTTED.get(dotted)));
                i += dotted.length();
                continue;
            }
            if (c == '.') {
                rejectUnknownDotted(text, i, end);
            }
            int j = i;
            while (j < end) {
                char d = text.charAt(j);
                if (d <= ' ' || d == '(' || d == ')' || d == '*' || d == '/' || d == '^'
                        || (d == '.' && dottedOperatorAt(text, j, end) != null)) {
                    break;
                }
                if (d == '+' || d == '-') {
                    boolean exponentSign = j > i && (text.charAt(j - 1) == 'e' || text.charAt(j - 1) == 'E')
                            && j + 1 < end && Character.isDigit(text.charAt(j + 1));
                    if (!exponentSign) {
                        break;
                    }
                }
                j++;
            }
            out.add(word(text.substring(i, j), column));
            i = j;
        }
        return out;
    }

    private static Token word(String w, int column) {
        char first = w.charAt(0);
        if (Character.isDigit(first) || first == '.') {
            if (isNumber(w)) {
                return new Token(Kind.NUMBER, w, column, Double.parseDouble(w), null);
            }
            if (Malformed.NUMBER_THEN_NAME.matcher(w).matches()) {
                throw new ExprSyntaxException("'" + w + "': a number directly followed by a name;"
                        + " LEMS needs an explicit '*'", column);
            }
            throw new ExprSyntaxException("malformed number '" + w + "'", column);
        }
        if (isName(w)) {
            if (Functions.isLemsFunction(w)) {
                return new Token(Kind.FUNCTION, w, column, 0, null);
            }
            if (Functions.LEMS_UNIMPLEMENTED.contains(w)) {
                throw new ExprSyntaxException("jLEMS does not implement the function '" + w + "'", column);
            }
            return new Token(Kind.NAME, w, column, 0, null);
        }
        if (Malformed.E_QUIRK.matcher(w).matches()) {
            throw new ExprSyntaxException("'" + w + "': jLEMS reads a name ending in 'e' or 'E' directly followed by"
                    + " '+'/'-' and a digit as a single name; put spaces around the operator", column);
        }
        throw new ExprSyntaxException("invalid name '" + w + "'", column);
    }

    /** Whether {@code w} is a number: {@code (?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?}, digits in ASCII. */
    static boolean isNumber(String w) {
        int n = w.length();
        int i = digitsFrom(w, 0);
        if (i == 0) {
            if (n == 0 || w.charAt(0) != '.') {
                return false;
            }
            i = digitsFrom(w, 1);
            if (i == 1) {
                return false;
            }
        } else if (i < n && w.charAt(i) == '.') {
            i = digitsFrom(w, i + 1);
        }
        if (i < n && (w.charAt(i) == 'e' || w.charAt(i) == 'E')) {
            int exponent = i + 1 < n && (w.charAt(i + 1) == '+' || w.charAt(i + 1) == '-') ? i + 2 : i + 1;
            int end = digitsFrom(w, exponent);
            if (end == exponent) {
                return false;
            }
            i = end;
        }
        return i == n;
    }

    /** The index after the ASCII digits of {@code w} from {@code from}. */
    private static int digitsFrom(String w, int from) {
        int i = from;
        while (i < w.length() && w.charAt(i) >= '0' && w.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Whether {@code w} is a name: {@code [A-Za-z_][A-Za-z0-9_]*}. */
    static boolean isName(String w) {
        if (w.isEmpty() || !nameStart(w.charAt(0))) {
            return false;
        }
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!nameStart(c) && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean nameStart(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
    }

    private static BinaryOp singleCharOperator(char c) {
        return switch (c) {
            case '+' -> BinaryOp.ADD;
            case '-' -> BinaryOp.SUB;
            case '*' -> BinaryOp.MUL;
            case '/' -> BinaryOp.DIV;
            case '^' -> BinaryOp.POW;
            default -> null;
        };
    }

    private static String dottedOperatorAt(String text, int i, int end) {
        if (text.charAt(i) != '.') {
            return null;
        }
        for (String op : DOTTED.keySet()) {
            if (text.startsWith(op, i) && i + op.length() <= end) {
                return op;
            }
        }
        return null;
    }

    private static void rejectUnknownDotted(String text, int i, int end) {
        var m = Malformed.DOTTED_WORD.matcher(text).region(i, end);
        if (!m.lookingAt()) {
            return;
        }
        String op = m.group();
        String hint = switch (op) {
            case ".not." -> "jLEMS has no .not.; negate the comparison instead (e.g. .geq. for .not. .lt.)";
            case ".le.", ".lte." -> "jLEMS spells it .leq.";
            case ".ge.", ".gte." -> "jLEMS spells it .geq.";
            case ".ne." -> "jLEMS spells it .neq.";
            default -> "jLEMS knows .gt. .lt. .geq. .leq. .eq. .neq. .and. .or.";
        };
        throw new ExprSyntaxException("unknown operator '" + op + "': " + hint, i + 1);
    }
}
