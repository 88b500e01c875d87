package org.lemsbridge.sim;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

import org.lemsbridge.expr.Expr;
import org.lemsbridge.lems.Dynamics;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.lemsbridge.tree.Kind;
import org.lemsbridge.tree.Ref;

/**
 * Emits the bytecode of one instance's step for {@link BytecodeKernel}, operation for operation as
 * {@link Instance}'s step runs it: requirements, selects, derived and conditional derived variables, rates then the
 * Euler update, OnConditions with their actions, the finiteness check and the exposure snapshots. Where values
 * live is the storage's business (an instance's own arrays, or a batch's columns).
 */
final class StepEmitter {
    private static final long EXPONENT = 0x7ff0000000000000L;
    private static final Method DOUBLE_BITS = doubleBits();
    private static final String DOUBLE_BITS_OWNER = Type.getInternalName(Double.class);
    private static final String DOUBLE_BITS_TYPE = Type.getMethodDescriptor(DOUBLE_BITS);
    private final Storage storage;
    private final MethodVisitor code;
    private final Instance node;
    private final Kind kind;
    private final int index;
    private final int temps;
    private final ExpressionEmitter expressions;
    /** No derived variable, rate, requirement or assignment writes the t slot: it always holds t. */
    private final boolean timeIsOnlyTime;

    StepEmitter(Storage storage, Instance node, int index, int temps) {
        this.storage = storage;
        this.code = storage.generated().code();
        this.node = node;
        this.kind = node.kind;
        this.index = index;
        this.temps = temps;
        this.timeIsOnlyTime = timeIsOnlyTime(kind);
        this.expressions = new ExpressionEmitter(storage.generated(), kind.names, storage.random(), this::load);
    }

    private static Method doubleBits() {
        try {
            return Double.class.getMethod("doubleToRawLongBits", double.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean timeIsOnlyTime(Kind kind) {
        int t = kind.tSlot;
        for (int[] written : List.of(kind.requirementSlots, kind.derivedSlots, kind.conditionalSlots,
                kind.rateSlots)) {
            for (int slot : written) {
                if (slot == t) {
                    return false;
                }
            }
        }
        for (Kind.SelectVariable select : kind.selects) {
            if (select.slot() == t) {
                return false;
            }
        }
        Dynamics dynamics = kind.type.dynamics();
        if (dynamics != null) {
            for (Dynamics.OnCondition condition : dynamics.onConditions()) {
                if (assignsTime(condition.actions())) {
                    return false;
                }
            }
            for (Dynamics.OnEvent event : dynamics.onEvents()) {
                if (assignsTime(event.actions())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean assignsTime(List<Dynamics.Action> actions) {
        for (Dynamics.Action action : actions) {
            if (action instanceof Dynamics.StateAssignment a && a.variable().equals("t")) {
                return true;
            }
        }
        return false;
    }

    void emit() throws ExpressionEmitter.Unsupported {
        if (kind.regimes.length > 0 || node.regime >= 0) {
            throw new ExpressionEmitter.Unsupported("regimes");
        }
        if (node.usesRk4()) {
            throw new ExpressionEmitter.Unsupported("RK4 group");
        }
        if (node.hasKineticSchemes()) {
            throw new ExpressionEmitter.Unsupported("kinetic scheme");
        }
        // in a step split into loops, a node's update (no branches where its expressions have none) is a part
        boolean updateApart = storage.splitsIntoLoops() && kind.rateSlots.length > 0;
        if (updateApart) {
            storage.cut();
        }
        if (!timeIsOnlyTime || storage.storesTime(node)) {
            store(kind.tSlot, () -> code.visitVarInsn(Opcodes.DLOAD, BytecodeKernel.TIME));
        }
        Ref[] requirements = node.requirementRefs();
        int[] requirementSlots = kind.requirementSlots;
        for (int i = 0; i < requirements.length; i++) {
            Ref ref = requirements[i];
            store(requirementSlots[i], () -> storage.read(ref));
        }
        emitDerived();
        int[] rateSlots = kind.rateSlots;
        for (int i = 0; i < rateSlots.length; i++) {
            expressions.number(kind.rateExprs[i]);
            code.visitVarInsn(Opcodes.DSTORE, temps + 2 * i);
        }
        for (int i = 0; i < rateSlots.length; i++) {
            int slot = rateSlots[i];
            int temp = temps + 2 * i;
            store(slot, () -> {
                load(slot);
                code.visitVarInsn(Opcodes.DLOAD, BytecodeKernel.STEP);
                code.visitVarInsn(Opcodes.DLOAD, temp);
                code.visitInsn(Opcodes.DMUL);
                code.visitInsn(Opcodes.DADD);
            });
        }
        if (updateApart) {
            storage.cut();
        }
        List<Dynamics.OnCondition> conditions = kind.type.dynamics() == null ? List.of()
                : kind.type.dynamics().onConditions();
        for (int i = 0; i < kind.conditionExprs.length; i++) {
            Label skip = new Label();
            expressions.jumpIfFalse(kind.conditionExprs[i], skip);
            for (Dynamics.Action action : conditions.get(i).actions()) {
                action(action);
            }
            code.visitLabel(skip);
        }
        if (!storage.splitsIntoLoops()) {
            checkFinite();
        }
        int[] sources = kind.exposureSources;
        for (int i = 0; i < sources.length; i++) {
            int source = sources[i];
            if (source >= 0 && storage.storesExposure(node, i)) {
                storage.store(node, true, i, () -> load(source));
            }
        }
    }

    private void emitDerived() throws ExpressionEmitter.Unsupported {
        Kind.SelectVariable[] selects = kind.selects;
        Ref[][] sources = node.selectSourceRefs();
        double[] fallbacks = node.selectFallbackValues();
        boolean[] multiply = node.selectMultiplies();
        for (int i = 0; i < selects.length; i++) {
            Ref[] from = sources[i];
            int at = i;
            store(selects[i].slot(), () -> {
                if (from == null) {
                    GeneratedClass.pushDouble(code, fallbacks[at]);
                    return;
                }
                GeneratedClass.pushDouble(code, multiply[at] ? 1.0 : 0.0);
                for (Ref ref : from) {
                    storage.read(ref);
                    code.visitInsn(multiply[at] ? Opcodes.DMUL : Opcodes.DADD);
                }
            });
        }
        for (int i = 0; i < kind.derivedSlots.length; i++) {
            Expr value = kind.derivedExprs[i];
            store(kind.derivedSlots[i], () -> expressions.number(value));
        }
        for (int i = 0; i < kind.conditionalSlots.length; i++) {
            Expr cases = kind.conditionalExprs[i];
            store(kind.conditionalSlots[i], () -> expressions.number(cases));
        }
    }

    private void action(Dynamics.Action action) throws ExpressionEmitter.Unsupported {
        if (action instanceof Dynamics.StateAssignment assignment) {
            Integer slot = kind.slots.get(assignment.variable());
            if (slot == null) {
                throw new ExpressionEmitter.Unsupported("assignment to a non-variable");
            }
            store(slot, () -> expressions.number(assignment.value()));
        } else if (action instanceof Dynamics.EventOut out) {
            storage.callback(BytecodeKernel.EMITTERS, index);
            GeneratedClass.pushInt(code, kind.outPortIndex(out.port()));
            storage.generated().invoke(IntConsumer.class);
        } else {
            throw new ExpressionEmitter.Unsupported("action " + action);
        }
    }

    /**
     * Calls the node's failure callback when a state variable is not finite: its exponent bits all set (an integer
     * test, which keeps the floating-point units free for the step itself). A step split into loops checks every
     * node in a last part, in node order, so the first member and node to fail are the ones stepping in order finds:
     * no node writes another's state, and nothing before the checks can stop the step (events sent by later members
     * before a failing check are lost with the run, which a failure ends).
     */
    void checkFinite() {
        int[] states = kind.stateSlots;
        if (states.length == 0) {
            return;
        }
        for (int slot : states) {
            storage.hold(node, false, slot); // loaded before the first jump below, so every test reads a local
        }
        Label failed = new Label();
        Label finite = new Label();
        for (int slot : states) {
            load(slot);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, DOUBLE_BITS_OWNER, DOUBLE_BITS.getName(), DOUBLE_BITS_TYPE,
                    false);
            code.visitLdcInsn(EXPONENT);
            code.visitInsn(Opcodes.LAND);
            code.visitLdcInsn(EXPONENT);
            code.visitInsn(Opcodes.LCMP);
            code.visitJumpInsn(Opcodes.IFEQ, failed);
        }
        code.visitJumpInsn(Opcodes.GOTO, finite);
        code.visitLabel(failed);
        storage.callback(BytecodeKernel.FAILURES, index);
        code.visitVarInsn(Opcodes.DLOAD, BytecodeKernel.TIME);
        storage.generated().invoke(DoubleConsumer.class);
        code.visitLabel(finite);
    }

    /** vars[slot] = (what {@code value} pushes). */
    private void store(int slot, Storage.Emission value) throws ExpressionEmitter.Unsupported {
        storage.store(node, false, slot, value);
    }

    /** Pushes a variable of this node; t, when nothing else writes it, is the step's time. */
    private void load(int slot) {
        if (slot == kind.tSlot && timeIsOnlyTime) {
            code.visitVarInsn(Opcodes.DLOAD, BytecodeKernel.TIME);
            return;
        }
        storage.load(node, false, slot);
    }
}
