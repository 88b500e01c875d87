package org.lemsbridge.expr;

import java.util.List;
import java.util.Objects;

/**
 * An expression tree shared by the SymPy-style (YAML) and LEMS syntaxes. Nodes are immutable records;
 * structural equality is record equality. The tree keeps the exact grouping a parser produced, because
 * jLEMS's grouping changes double results.
 */
public sealed interface Expr permits Expr.Num, Expr.Var, Expr.Bool, Expr.Unary, Expr.Binary, Expr.Call, Expr.Piecewise {

    /** A numeric literal. */
    record Num(double value) implements Expr {
    }

    /** A name: parameter, state or derived variable, constant, or {@code t}. */
    record Var(String name) implements Expr {
        public Var {
            Objects.requireNonNull(name);
        }
    }

    /** {@code True} / {@code False}. */
    record Bool(boolean value) implements Expr {
    }

    /** Negation ({@link UnaryOp#NEG}) or logical not ({@link UnaryOp#NOT}). */
    record Unary(UnaryOp op, Expr operand) implements Expr {
        public Unary {
            Objects.requireNonNull(op);
            Objects.requireNonNull(operand);
        }
    }

    /** An arithmetic, relational or logical operation. */
    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(op);
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /** A function application; the name is the canonical lower-case name (see {@link Functions}). */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            Objects.requireNonNull(function);
            args = List.copyOf(args);
        }
    }

    /** {@code Piecewise((v1, c1), (v2, c2), ...)}: the first case whose condition holds gives the value. */
    record Piecewise(List<Case> cases) implements Expr {
        public Piecewise {
            cases = List.copyOf(cases);
            if (cases.isEmpty()) {
                throw new IllegalArgumentException("Piecewise needs at least one case");
            }
        }
    }

    /** One branch of a {@link Piecewise}; a condition of {@code Bool(true)} is the default branch. */
    record Case(Expr value, Expr condition) {
        public Case {
            Objects.requireNonNull(value);
            Objects.requireNonNull(condition);
        }
    }

    enum UnaryOp { NEG, NOT }

    enum BinaryOp {
        ADD, SUB, MUL, DIV, POW,
        LT, LE, GT, GE, EQ, NE,
        AND, OR;

        public boolean isRelational() {
            return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
        }

        public boolean isLogical() {
            return this == AND || this == OR;
        }

        public boolean isArithmetic() {
            return !isRelational() && !isLogical();
        }
    }
}
