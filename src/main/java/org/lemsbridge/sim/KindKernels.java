package org.lemsbridge.sim;

import java.util.function.DoubleSupplier;

import org.lemsbridge.expr.Expr;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.lemsbridge.tree.BoolOp;
import org.lemsbridge.tree.Kind;

/**
 * Generated code for the kinds of the instances the interpreter still steps (regimes, RK4 groups, kinetic schemes,
 * receivers of events inside batches): each kind's derived variables and its rates as one straight-line method
 * each, and each OnCondition test as a method, with {@link ExpressionEmitter}'s exact operations. What does not
 * compile keeps the lambdas.
 */
final class KindKernels {

    private final GeneratedClass.Definer definer;
    private final DoubleSupplier random;

    KindKernels(GeneratedClass.Definer definer, DoubleSupplier random) {
        this.definer = definer;
        this.random = random;
    }

    /** The kind's code with whatever compiles replaced by generated code. */
    Kind.Code compile(Kind kind) {
        Kind.Code code = kind.interpreted;
        Kind.DerivedVariables derived = code.derived();
        if (kind.derivedSlots.length + kind.conditionalSlots.length > 0) {
            derived = generated(Kind.DerivedVariables.class, kind, 1, (emitter, out) -> {
                for (int i = 0; i < kind.derivedSlots.length; i++) {
                    Expr value = kind.derivedExprs[i];
                    store(out, 1, kind.derivedSlots[i], () -> emitter.number(value));
                }
                for (int i = 0; i < kind.conditionalSlots.length; i++) {
                    Expr value = kind.conditionalExprs[i];
                    store(out, 1, kind.conditionalSlots[i], () -> emitter.number(value));
                }
                out.visitInsn(Opcodes.RETURN);
            }, derived);
        }
        Kind.Rates rates = code.rates();
        if (kind.rateExprs.length > 0) {
            rates = generated(Kind.Rates.class, kind, 1, (emitter, out) -> {
                for (int i = 0; i < kind.rateExprs.length; i++) {
                    Expr value = kind.rateExprs[i];
                    store(out, 2, i, () -> emitter.number(value));
                }
                out.visitInsn(Opcodes.RETURN);
            }, rates);
        }
        BoolOp[] tests = code.tests().clone();
        for (int i = 0; i < tests.length; i++) {
            Expr test = kind.conditionExprs[i];
            tests[i] = generated(BoolOp.class, kind, 1, (emitter, out) -> {
                Label fails = new Label();
                emitter.jumpIfFalse(test, fails);
                out.visitInsn(Opcodes.ICONST_1);
                out.visitInsn(Opcodes.IRETURN);
                out.visitLabel(fails);
                out.visitInsn(Opcodes.ICONST_0);
                out.visitInsn(Opcodes.IRETURN);
            }, tests[i]);
        }
        return new Kind.Code(derived, rates, tests);
    }

    private interface Body {
        void write(ExpressionEmitter emitter, MethodVisitor code) throws ExpressionEmitter.Unsupported;
    }

    private interface Value {
        void push() throws ExpressionEmitter.Unsupported;
    }

    /** array[index] = value, the array in local variable {@code array}. */
    private static void store(MethodVisitor code, int array, int index, Value value)
            throws ExpressionEmitter.Unsupported {
        code.visitVarInsn(Opcodes.ALOAD, array);
        GeneratedClass.pushInt(code, index);
        value.push();
        code.visitInsn(Opcodes.DASTORE);
    }

    /**
     * An implementation of {@code api} whose variables are in local {@code vars}; {@code otherwise} when it does not
     * compile or would be too long for the JIT compiler.
     */
    private <T> T generated(Class<T> api, Kind kind, int vars, Body body, T otherwise) {
        GeneratedClass generated = new GeneratedClass(api);
        MethodVisitor code = generated.code();
        ExpressionEmitter emitter = new ExpressionEmitter(generated, kind.names, random, slot -> {
            code.visitVarInsn(Opcodes.ALOAD, vars);
            GeneratedClass.pushInt(code, slot);
            code.visitInsn(Opcodes.DALOAD);
        });
        try {
            body.write(emitter, code);
        } catch (ExpressionEmitter.Unsupported e) {
            return otherwise;
        }
        GeneratedClass.Built built = generated.finish();
        return built.codeBytes() > GeneratedClass.JIT_LIMIT ? otherwise : definer.instance(api, built);
    }
}
