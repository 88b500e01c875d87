package org.lemsbridge.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.lemsbridge.expr.Expr;
import org.lemsbridge.lems.Dynamics;

/**
 * Emits the bytecode of one instance's step for {@link BytecodeKernel}, mirroring Instance.step and ExprCompiler
 * operation for operation: requirements, selects, derived and conditional derived variables, rates then the Euler
 * update, OnConditions with their actions, the finiteness check and the exposure snapshots. Where values live is
 * the storage's business (an instance's own arrays, or a batch's columns).
 */
final class StepEmitter {
    private final ClassAssembler.Bytecode code;
    private final BytecodeKernel.Storage storage;
    private final Instance node;
    private final Kind kind;
    private final int index;
    private final int temps;
    /** No derived variable, rate, requirement or assignment writes the t slot: it always holds t. */
    private final boolean timeIsOnlyTime;

    StepEmitter(ClassAssembler.Bytecode code, BytecodeKernel.Storage storage, Instance node, int index, int temps) {
        this.code = code;
        this.storage = storage;
        this.node = node;
        this.kind = node.kind;
        this.index = index;
        this.temps = temps;
        this.timeIsOnlyTime = timeIsOnlyTime(kind);
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
        List<CompiledAction[]> blocks = new ArrayList<>(Arrays.asList(kind.conditionActions));
        kind.onEvents.values().forEach(b -> blocks.addAll(Arrays.asList(b)));
        for (CompiledAction[] actions : blocks) {
            for (CompiledAction action : actions) {
                if (kind.expressions.originOf(action) instanceof Dynamics.StateAssignment a
                        && a.variable().equals("t")) {
                    return false;
                }
            }
        }
        return true;
    }

    void emit() throws BytecodeKernel.Unsupported {
        if (kind.regimes.length > 0 || node.regime >= 0) {
            throw new BytecodeKernel.Unsupported("regimes");
        }
        if (node.usesRk4()) {
            throw new BytecodeKernel.Unsupported("RK4 group");
        }
        if (node.hasKineticSchemes()) {
            throw new BytecodeKernel.Unsupported("kinetic scheme");
        }
        if (!timeIsOnlyTime || storage.storesTime(node)) {
            store(kind.tSlot, () -> code.dload(BytecodeKernel.TIME));
        }
        Ref[] requirements = node.requirementRefs();
        int[] requirementSlots = kind.requirementSlots;
        for (int i = 0; i < requirements.length; i++) {
            Ref ref = requirements[i];
            store(requirementSlots[i], () -> read(ref));
        }
        emitDerived();
        int[] rateSlots = kind.rateSlots;
        for (int i = 0; i < rateSlots.length; i++) {
            number(origin(kind.rateOps[i]));
            code.dstore(temps + 2 * i);
        }
        for (int i = 0; i < rateSlots.length; i++) {
            int slot = rateSlots[i];
            int temp = temps + 2 * i;
            store(slot, () -> {
                storage.address(node, false, slot);
                code.daload();
                code.dload(BytecodeKernel.STEP);
                code.dload(temp);
                code.dmul();
                code.dadd();
            });
        }
        for (int i = 0; i < kind.conditionTests.length; i++) {
            int skip = code.newLabel();
            jumpIfFalse(origin(kind.conditionTests[i]), skip);
            for (CompiledAction action : kind.conditionActions[i]) {
                action(action);
            }
            code.mark(skip);
        }
        for (int slot : kind.stateSlots) {
            int finite = code.newLabel();
            storage.address(node, false, slot);
            code.daload();
            code.invokeStatic("java/lang/Math", "abs", "(D)D", 0);
            code.pushDouble(Double.MAX_VALUE);
            code.dcmpg();
            code.jump(ClassAssembler.Bytecode.IFLE, finite);
            storage.node(index);
            code.dload(BytecodeKernel.TIME);
            code.invokeVirtual(BytecodeKernel.INSTANCE, "failedFinite", "(D)V", -3);
            code.mark(finite);
        }
        int[] sources = kind.exposureSources;
        for (int i = 0; i < sources.length; i++) {
            int source = sources[i];
            if (source >= 0 && storage.storesExposure(node, i)) {
                storage.address(node, true, i);
                storage.address(node, false, source);
                code.daload();
                code.dastore();
            }
        }
    }

    private void emitDerived() throws BytecodeKernel.Unsupported {
        Kind.SelectVariable[] selects = kind.selects;
        Ref[][] sources = node.selectSourceRefs();
        double[] fallbacks = node.selectFallbackValues();
        boolean[] multiply = node.selectMultiplies();
        for (int i = 0; i < selects.length; i++) {
            Ref[] from = sources[i];
            int at = i;
            store(selects[i].slot(), () -> {
                if (from == null) {
                    code.pushDouble(fallbacks[at]);
                    return;
                }
                code.pushDouble(multiply[at] ? 1.0 : 0.0);
                for (Ref ref : from) {
                    read(ref);
                    if (multiply[at]) {
                        code.dmul();
                    } else {
                        code.dadd();
                    }
                }
            });
        }
        for (int i = 0; i < kind.derivedSlots.length; i++) {
            Expr value = origin(kind.derivedOps[i]);
            store(kind.derivedSlots[i], () -> number(value));
        }
        for (int i = 0; i < kind.conditionalSlots.length; i++) {
            BoolOp[] tests = kind.conditionalTests[i];
            DoubleOp[] values = kind.conditionalValues[i];
            store(kind.conditionalSlots[i], () -> {
                int base = code.stack();
                int done = code.newLabel();
                for (int c = 0; c < tests.length; c++) {
                    int next = code.newLabel();
                    jumpIfFalse(origin(tests[c]), next);
                    number(origin(values[c]));
                    code.jump(ClassAssembler.Bytecode.GOTO, done);
                    code.mark(next);
                    code.stackAt(base);
                }
                code.pushDouble(0.0);
                code.mark(done);
                code.stackAt(base + 2);
            });
        }
    }

    private void action(CompiledAction action) throws BytecodeKernel.Unsupported {
        Object origin = kind.expressions.originOf(action);
        if (origin instanceof Dynamics.StateAssignment assignment) {
            Integer slot = kind.slots.get(assignment.variable());
            if (slot == null) {
                throw new BytecodeKernel.Unsupported("assignment to a non-variable");
            }
            store(slot, () -> number(assignment.value()));
        } else if (origin instanceof Dynamics.EventOut out) {
            int port = kind.outPortIndex(out.port());
            storage.node(index);
            code.pushInt(port);
            code.invokeVirtual(BytecodeKernel.INSTANCE, "emit", "(I)V", -2);
        } else {
            throw new BytecodeKernel.Unsupported("action " + origin);
        }
    }

    private interface Emission {
        void run() throws BytecodeKernel.Unsupported;
    }

    /** vars[slot] = (what {@code value} pushes). */
    private void store(int slot, Emission value) throws BytecodeKernel.Unsupported {
        storage.address(node, false, slot);
        value.run();
        code.dastore();
    }

    private void read(Ref ref) {
        storage.read(ref);
    }

    private Expr origin(Object op) throws BytecodeKernel.Unsupported {
        if (kind.expressions.originOf(op) instanceof Expr expr) {
            return expr;
        }
        throw new BytecodeKernel.Unsupported("no source for an expression");
    }

    // ---- expressions, mirroring ExprCompiler ----

    private void number(Expr expr) throws BytecodeKernel.Unsupported {
        if (expr instanceof Expr.Num n) {
            code.pushDouble(n.value());
        } else if (expr instanceof Expr.Var var) {
            variable(var.name());
        } else if (expr instanceof Expr.Bool b) {
            code.pushDouble(b.value() ? 1.0 : 0.0);
        } else if (expr instanceof Expr.Unary u) {
            if (u.op() == Expr.UnaryOp.NEG) {
                code.pushDouble(0.0);
                number(u.operand());
                code.dsub();
            } else {
                choose(u.operand(), 0.0, 1.0);
            }
        } else if (expr instanceof Expr.Binary b) {
            if (!b.op().isArithmetic()) {
                choose(b, 1.0, 0.0);
                return;
            }
            number(b.left());
            number(b.right());
            switch (b.op()) {
                case ADD -> code.dadd();
                case SUB -> code.dsub();
                case MUL -> code.dmul();
                case DIV -> code.ddiv();
                case POW -> code.invokeStatic("java/lang/Math", "pow", "(DD)D", -2);
                default -> throw new BytecodeKernel.Unsupported(b.op().toString());
            }
        } else if (expr instanceof Expr.Call call) {
            call(call);
        } else {
            Expr.Piecewise piecewise = (Expr.Piecewise) expr;
            int base = code.stack();
            int done = code.newLabel();
            for (Expr.Case c : piecewise.cases()) {
                int next = code.newLabel();
                jumpIfFalse(c.condition(), next);
                number(c.value());
                code.jump(ClassAssembler.Bytecode.GOTO, done);
                code.mark(next);
                code.stackAt(base);
            }
            code.pushDouble(0.0);
            code.mark(done);
            code.stackAt(base + 2);
        }
    }

    /** Pushes {@code ifTrue} when the condition holds, else {@code ifFalse}. */
    private void choose(Expr condition, double ifTrue, double ifFalse) throws BytecodeKernel.Unsupported {
        int base = code.stack();
        int otherwise = code.newLabel();
        int done = code.newLabel();
        jumpIfFalse(condition, otherwise);
        code.pushDouble(ifTrue);
        code.jump(ClassAssembler.Bytecode.GOTO, done);
        code.mark(otherwise);
        code.stackAt(base);
        code.pushDouble(ifFalse);
        code.mark(done);
    }

    private void variable(String name) throws BytecodeKernel.Unsupported {
        int slot = kind.expressions.names().slot(name);
        if (slot >= 0 && slot == kind.tSlot && timeIsOnlyTime) {
            code.dload(BytecodeKernel.TIME);
            return;
        }
        if (slot >= 0) {
            storage.address(node, false, slot);
            code.daload();
            return;
        }
        Double constant = kind.expressions.names().constant(name);
        if (constant == null) {
            throw new BytecodeKernel.Unsupported("unknown name " + name);
        }
        code.pushDouble(constant);
    }

    private void call(Expr.Call call) throws BytecodeKernel.Unsupported {
        if (call.args().size() != 1) {
            throw new BytecodeKernel.Unsupported("call arity");
        }
        String owner = "java/lang/Math";
        String name = call.function().toLowerCase(Locale.ROOT);
        switch (name) {
            case "sin", "cos", "tan", "sinh", "cosh", "tanh", "exp", "sqrt", "ceil", "abs" -> {
            }
            case "log", "ln" -> name = "log";
            case "h", "heaviside" -> {
                owner = "org/lemsbridge/lems/LemsFunctions";
                name = "heaviside";
            }
            case "factorial" -> owner = "org/lemsbridge/lems/LemsFunctions";
            default -> throw new BytecodeKernel.Unsupported("function " + call.function());
        }
        number(call.args().get(0));
        code.invokeStatic(owner, name, "(D)D", 0);
    }

    private void jumpIfFalse(Expr expr, int label) throws BytecodeKernel.Unsupported {
        if (expr instanceof Expr.Bool b) {
            if (!b.value()) {
                code.jump(ClassAssembler.Bytecode.GOTO, label);
            }
        } else if (expr instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            jumpIfTrue(u.operand(), label);
        } else if (expr instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            jumpIfFalse(b.left(), label);
            jumpIfFalse(b.right(), label);
        } else if (expr instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR) {
            int holds = code.newLabel();
            jumpIfTrue(b.left(), holds);
            jumpIfFalse(b.right(), label);
            code.mark(holds);
        } else if (expr instanceof Expr.Binary b && b.op().isRelational()) {
            number(b.left());
            number(b.right());
            switch (b.op()) {
                case LT -> compare(false, ClassAssembler.Bytecode.IFGE, label);
                case LE -> compare(false, ClassAssembler.Bytecode.IFGT, label);
                case GT -> compare(true, ClassAssembler.Bytecode.IFLE, label);
                case GE -> compare(true, ClassAssembler.Bytecode.IFLT, label);
                case EQ -> compare(true, ClassAssembler.Bytecode.IFNE, label);
                default -> compare(true, ClassAssembler.Bytecode.IFEQ, label);
            }
        } else {
            number(expr);
            code.pushDouble(0.0);
            compare(true, ClassAssembler.Bytecode.IFEQ, label);
        }
    }

    private void jumpIfTrue(Expr expr, int label) throws BytecodeKernel.Unsupported {
        if (expr instanceof Expr.Bool b) {
            if (b.value()) {
                code.jump(ClassAssembler.Bytecode.GOTO, label);
            }
        } else if (expr instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            jumpIfFalse(u.operand(), label);
        } else if (expr instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            int fails = code.newLabel();
            jumpIfFalse(b.left(), fails);
            jumpIfTrue(b.right(), label);
            code.mark(fails);
        } else if (expr instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR) {
            jumpIfTrue(b.left(), label);
            jumpIfTrue(b.right(), label);
        } else if (expr instanceof Expr.Binary b && b.op().isRelational()) {
            number(b.left());
            number(b.right());
            switch (b.op()) {
                case LT -> compare(false, ClassAssembler.Bytecode.IFLT, label);
                case LE -> compare(false, ClassAssembler.Bytecode.IFLE, label);
                case GT -> compare(true, ClassAssembler.Bytecode.IFGT, label);
                case GE -> compare(true, ClassAssembler.Bytecode.IFGE, label);
                case EQ -> compare(true, ClassAssembler.Bytecode.IFEQ, label);
                default -> compare(true, ClassAssembler.Bytecode.IFNE, label);
            }
        } else {
            number(expr);
            code.pushDouble(0.0);
            compare(true, ClassAssembler.Bytecode.IFNE, label);
        }
    }

    /** dcmpl ({@code nanIsLess}) or dcmpg, then the jump. */
    private void compare(boolean nanIsLess, int jump, int label) {
        if (nanIsLess) {
            code.dcmpl();
        } else {
            code.dcmpg();
        }
        code.jump(jump, label);
    }
}
