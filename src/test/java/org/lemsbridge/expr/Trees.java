package org.lemsbridge.expr;

import java.util.List;

import org.lemsbridge.expr.Expr.Binary;
import org.lemsbridge.expr.Expr.BinaryOp;
import org.lemsbridge.expr.Expr.Call;
import org.lemsbridge.expr.Expr.Case;
import org.lemsbridge.expr.Expr.Num;
import org.lemsbridge.expr.Expr.Piecewise;
import org.lemsbridge.expr.Expr.Unary;
import org.lemsbridge.expr.Expr.UnaryOp;
import org.lemsbridge.expr.Expr.Var;

/** Short constructors for expected trees in tests. */
final class Trees {

    private Trees() {
    }

    static Expr v(String name) {
        return new Var(name);
    }

    static Expr n(double value) {
        return new Num(value);
    }

    static Expr add(Expr l, Expr r) {
        return new Binary(BinaryOp.ADD, l, r);
    }

    static Expr sub(Expr l, Expr r) {
        return new Binary(BinaryOp.SUB, l, r);
    }

    static Expr mul(Expr l, Expr r) {
        return new Binary(BinaryOp.MUL, l, r);
    }

    static Expr div(Expr l, Expr r) {
        return new Binary(BinaryOp.DIV, l, r);
    }

    static Expr pow(Expr l, Expr r) {
        return new Binary(BinaryOp.POW, l, r);
    }

    static Expr bin(BinaryOp op, Expr l, Expr r) {
        return new Binary(op, l, r);
    }

    static Expr neg(Expr x) {
        return new Unary(UnaryOp.NEG, x);
    }

    static Expr not(Expr x) {
        return new Unary(UnaryOp.NOT, x);
    }

    static Expr call(String f, Expr... args) {
        return new Call(f, List.of(args));
    }

    static Expr piecewise(Case... cases) {
        return new Piecewise(List.of(cases));
    }

    static Case when(Expr value, Expr condition) {
        return new Case(value, condition);
    }

    /** jLEMS's representation of a leading or unary minus. */
    static Expr zeroMinus(Expr x) {
        return sub(n(0.0), x);
    }
}
