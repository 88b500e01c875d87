package org.lemsbridge.sim;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;

import org.lemsbridge.expr.Evaluator;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Functions;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.lemsbridge.tree.ExprCompiler;

/**
 * Writes the bytecode of an expression exactly as {@link ExprCompiler}'s lambdas evaluate it: the parser's grouping,
 * one double operation per tree node in the same order, parameters and constants folded as literals, {@code -x} as
 * {@code 0.0 - x}, truth values 1.0 and 0.0, a number true when it is not 0.0 (NaN is true), comparisons false on
 * NaN, short-circuit {@code .and.}/{@code .or.}, a Piecewise giving its first true case or 0.0. Functions are the very
 * objects the lambdas call ({@link Evaluator#lemsFunction}, {@link ExprCompiler#POW}, the run's random generator),
 * handed to the class as constants.
 */
final class ExpressionEmitter {

    /** Pushes the value of a variable slot (a double). */
    @FunctionalInterface
    interface Slots {
        void load(int slot);
    }

    private final GeneratedClass generated;
    private final MethodVisitor code;
    private final ExprCompiler.Names names;
    private final DoubleSupplier random;
    private final Slots slots;

    /** {@code random}: the run's {@code nextDouble} (null when the run has none: then random() is not compiled). */
    ExpressionEmitter(GeneratedClass generated, ExprCompiler.Names names, DoubleSupplier random, Slots slots) {
        this.generated = generated;
        this.code = generated.code();
        this.names = names;
        this.random = random;
        this.slots = slots;
    }

    /** Pushes the value of {@code expr}. */
    void number(Expr expr) throws Unsupported {
        if (expr instanceof Expr.Num n) {
            GeneratedClass.pushDouble(code, n.value());
        } else if (expr instanceof Expr.Var var) {
            variable(var.name());
        } else if (expr instanceof Expr.Bool b) {
            GeneratedClass.pushDouble(code, b.value() ? 1.0 : 0.0);
        } else if (expr instanceof Expr.Unary u) {
            if (u.op() == Expr.UnaryOp.NEG) {
                GeneratedClass.pushDouble(code, 0.0);
                number(u.operand());
                code.visitInsn(Opcodes.DSUB);
            } else {
                choose(u.operand(), 0.0, 1.0);
            }
        } else if (expr instanceof Expr.Binary b) {
            if (!b.op().isArithmetic()) {
                choose(b, 1.0, 0.0);
                return;
            }
            if (b.op() == Expr.BinaryOp.POW) {
                generated.loadConstant(ExprCompiler.POW, DoubleBinaryOperator.class);
                number(b.left());
                number(b.right());
                generated.invoke(DoubleBinaryOperator.class);
                return;
            }
            number(b.left());
            number(b.right());
            code.visitInsn(switch (b.op()) {
                case ADD -> Opcodes.DADD;
                case SUB -> Opcodes.DSUB;
                case MUL -> Opcodes.DMUL;
                case DIV -> Opcodes.DDIV;
                default -> throw new Unsupported(b.op().toString());
            });
        } else if (expr instanceof Expr.Call call) {
            call(call);
        } else {
            Expr.Piecewise piecewise = (Expr.Piecewise) expr;
            Label done = new Label();
            for (Expr.Case c : piecewise.cases()) {
                Label next = new Label();
                jumpIfFalse(c.condition(), next);
                number(c.value());
                code.visitJumpInsn(Opcodes.GOTO, done);
                code.visitLabel(next);
            }
            GeneratedClass.pushDouble(code, 0.0);
            code.visitLabel(done);
        }
    }

    /** Pushes {@code ifTrue} when the condition holds, else {@code ifFalse}. */
    private void choose(Expr condition, double ifTrue, double ifFalse) throws Unsupported {
        Label otherwise = new Label();
        Label done = new Label();
        jumpIfFalse(condition, otherwise);
        GeneratedClass.pushDouble(code, ifTrue);
        code.visitJumpInsn(Opcodes.GOTO, done);
        code.visitLabel(otherwise);
        GeneratedClass.pushDouble(code, ifFalse);
        code.visitLabel(done);
    }

    private void variable(String name) throws Unsupported {
        int slot = names.slot(name);
        if (slot >= 0) {
            slots.load(slot);
            return;
        }
        Double constant = names.constant(name);
        if (constant == null) {
            throw new Unsupported("unknown name " + name);
        }
        GeneratedClass.pushDouble(code, constant);
    }

    private void call(Expr.Call call) throws Unsupported {
        if (call.args().size() != 1) {
            throw new Unsupported("function " + call.function() + " with " + call.args().size() + " arguments");
        }
        if (call.function().equalsIgnoreCase(Functions.RANDOM)) {
            if (random == null) {
                throw new Unsupported("random() without the run's generator");
            }
            number(call.args().get(0));
            generated.loadConstant(random, DoubleSupplier.class);
            generated.invoke(DoubleSupplier.class);
            code.visitInsn(Opcodes.DMUL);
            return;
        }
        DoubleUnaryOperator function = Evaluator.lemsFunction(call.function());
        if (function == null) {
            throw new Unsupported("function " + call.function());
        }
        generated.loadConstant(function, DoubleUnaryOperator.class);
        number(call.args().get(0));
        generated.invoke(DoubleUnaryOperator.class);
    }

    /** Jumps to {@code label} when the condition does not hold. */
    void jumpIfFalse(Expr expr, Label label) throws Unsupported {
        if (expr instanceof Expr.Bool b) {
            if (!b.value()) {
                code.visitJumpInsn(Opcodes.GOTO, label);
            }
        } else if (expr instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            jumpIfTrue(u.operand(), label);
        } else if (expr instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            jumpIfFalse(b.left(), label);
            jumpIfFalse(b.right(), label);
        } else if (expr instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR) {
            Label holds = new Label();
            jumpIfTrue(b.left(), holds);
            jumpIfFalse(b.right(), label);
            code.visitLabel(holds);
        } else if (expr instanceof Expr.Binary b && b.op().isRelational()) {
            number(b.left());
            number(b.right());
            switch (b.op()) {
                case LT -> compare(Opcodes.DCMPG, Opcodes.IFGE, label);
                case LE -> compare(Opcodes.DCMPG, Opcodes.IFGT, label);
                case GT -> compare(Opcodes.DCMPL, Opcodes.IFLE, label);
                case GE -> compare(Opcodes.DCMPL, Opcodes.IFLT, label);
                case EQ -> compare(Opcodes.DCMPL, Opcodes.IFNE, label);
                default -> compare(Opcodes.DCMPL, Opcodes.IFEQ, label);
            }
        } else {
            number(expr);
            GeneratedClass.pushDouble(code, 0.0);
            compare(Opcodes.DCMPL, Opcodes.IFEQ, label);
        }
    }

    /** Jumps to {@code label} when the condition holds. */
    void jumpIfTrue(Expr expr, Label label) throws Unsupported {
        if (expr instanceof Expr.Bool b) {
            if (b.value()) {
                code.visitJumpInsn(Opcodes.GOTO, label);
            }
        } else if (expr instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            jumpIfFalse(u.operand(), label);
        } else if (expr instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            Label fails = new Label();
            jumpIfFalse(b.left(), fails);
            jumpIfTrue(b.right(), label);
            code.visitLabel(fails);
        } else if (expr instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR) {
            jumpIfTrue(b.left(), label);
            jumpIfTrue(b.right(), label);
        } else if (expr instanceof Expr.Binary b && b.op().isRelational()) {
            number(b.left());
            number(b.right());
            switch (b.op()) {
                case LT -> compare(Opcodes.DCMPG, Opcodes.IFLT, label);
                case LE -> compare(Opcodes.DCMPG, Opcodes.IFLE, label);
                case GT -> compare(Opcodes.DCMPL, Opcodes.IFGT, label);
                case GE -> compare(Opcodes.DCMPL, Opcodes.IFGE, label);
                case EQ -> compare(Opcodes.DCMPL, Opcodes.IFEQ, label);
                default -> compare(Opcodes.DCMPL, Opcodes.IFNE, label);
            }
        } else {
            number(expr);
            GeneratedClass.pushDouble(code, 0.0);
            compare(Opcodes.DCMPL, Opcodes.IFNE, label);
        }
    }

    /** dcmpg (NaN compares greater) or dcmpl (NaN compares less), then the jump. */
    private void compare(int comparison, int jump, Label label) {
        code.visitInsn(comparison);
        code.visitJumpInsn(jump, label);
    }

    /** Why something is left to the interpreter. */
    static final class Unsupported extends Exception {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }
}
