package org.lemsbridge.sim;

import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lemsbridge.expr.Expr;
import org.lemsbridge.lems.Dynamics;

/**
 * Compiles instance subtrees to JVM bytecode so a step runs without interpretation: every expression becomes
 * straight-line double arithmetic in the interpreter's exact grouping and operation order (so results are
 * bit-identical), names become array slots or folded constants, and the subtree's instances are stepped in
 * {@link Instance#advance}'s order. Instances with regimes, RK4 integration or {@code random()} are left to the
 * interpreter; subtrees too large for one method are split into their children. Identical subtrees (the members
 * of a population) share one generated class.
 */
final class BytecodeKernel {

    private static final String CLASS_NAME = "org/lemsbridge/sim/GeneratedSubtree";
    private static final String INSTANCE = "org/lemsbridge/sim/Instance";
    private static final String DESCRIPTOR = "([[D[L" + INSTANCE + ";DD)V";
    /** HotSpot does not JIT-compile methods over 8000 bytes. */
    private static final int MAX_CODE_BYTES = 7900;
    private static final int MAX_NODES = 48;
    private static final int MAX_LOCALS = 250;
    private static final int ARRAYS = 1;
    private static final int NODES = 2;
    private static final int TIME = 3;
    private static final int STEP = 5;
    private static final int FIRST_FREE = 7;

    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    private final Map<String, CompiledSubtree> classes = new HashMap<>();
    private int compiledRoots;

    /** Why a subtree stays interpreted. */
    private static final class Unsupported extends Exception {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    /** Compiles every maximal compilable subtree under {@code root} and attaches the code to its root instance. */
    static int attach(Instance root) {
        BytecodeKernel kernel = new BytecodeKernel();
        kernel.visit(root);
        return kernel.compiledRoots;
    }

    private void visit(Instance instance) {
        if (instance.usesRk4()) {
            return;
        }
        if (count(instance, MAX_NODES + 1) <= MAX_NODES && tryCompile(instance)) {
            return;
        }
        for (Instance child : instance.advanceOrder()) {
            visit(child);
        }
    }

    private static int count(Instance instance, int limit) {
        int total = 1;
        for (Instance child : instance.advanceOrder()) {
            total += count(child, limit - total);
            if (total >= limit) {
                return total;
            }
        }
        return total;
    }

    private boolean tryCompile(Instance root) {
        List<Instance> nodes = new ArrayList<>();
        postOrder(root, nodes);
        Layout layout = new Layout();
        for (Instance node : nodes) {
            layout.collect(node);
        }
        if (FIRST_FREE + layout.arrays.size() > MAX_LOCALS - 40) {
            return false;
        }
        ClassAssembler.Bytecode code = new ClassAssembler.Bytecode(FIRST_FREE);
        try {
            for (int k = 0; k < layout.arrays.size(); k++) {
                code.aload(ARRAYS);
                code.pushInt(k);
                code.aaload();
                code.astore(FIRST_FREE + k);
            }
            int temps = FIRST_FREE + layout.arrays.size();
            for (int j = 0; j < nodes.size(); j++) {
                new NodeEmitter(code, layout, nodes.get(j), j, temps).emit();
            }
        } catch (Unsupported e) {
            return false;
        }
        code.returnVoid();
        if (code.size() > MAX_CODE_BYTES || code.maxLocals() > MAX_LOCALS) {
            return false;
        }
        byte[] bytes = new ClassAssembler().assemble(CLASS_NAME, "org/lemsbridge/sim/CompiledSubtree", "step",
                DESCRIPTOR, code);
        CompiledSubtree compiled = classes.computeIfAbsent(new String(bytes, StandardCharsets.ISO_8859_1),
                key -> define(bytes));
        root.useCompiled(compiled, layout.arrays.toArray(double[][]::new), nodes.toArray(Instance[]::new));
        compiledRoots++;
        return true;
    }

    private CompiledSubtree define(byte[] bytes) {
        try {
            Class<?> type = lookup.defineHiddenClass(bytes, true).lookupClass();
            return (CompiledSubtree) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated code rejected", e);
        }
    }

    private static void postOrder(Instance instance, List<Instance> into) {
        for (Instance child : instance.advanceOrder()) {
            postOrder(child, into);
        }
        into.add(instance);
    }

    /** The arrays the code touches, each loaded once into a local variable. */
    private static final class Layout {
        final List<double[]> arrays = new ArrayList<>();
        private final Map<double[], Integer> index = new IdentityHashMap<>();

        int local(double[] array) {
            Integer known = index.get(array);
            if (known == null) {
                known = arrays.size();
                arrays.add(array);
                index.put(array, known);
            }
            return FIRST_FREE + known;
        }

        void collect(Instance node) {
            local(node.vars);
            local(node.exposed);
            for (Ref ref : node.requirementRefs()) {
                local(ref.array());
            }
            for (Ref[] sources : node.selectSourceRefs()) {
                if (sources != null) {
                    for (Ref ref : sources) {
                        local(ref.array());
                    }
                }
            }
        }
    }

    /** Emits one instance's step, mirroring Instance.step. */
    private static final class NodeEmitter {
        private final ClassAssembler.Bytecode code;
        private final Layout layout;
        private final Instance node;
        private final Kind kind;
        private final int index;
        private final int temps;
        private final int vars;

        NodeEmitter(ClassAssembler.Bytecode code, Layout layout, Instance node, int index, int temps) {
            this.code = code;
            this.layout = layout;
            this.node = node;
            this.kind = node.kind;
            this.index = index;
            this.temps = temps;
            this.vars = layout.local(node.vars);
        }

        void emit() throws Unsupported {
            if (kind.regimes.length > 0 || node.regime >= 0) {
                throw new Unsupported("regimes");
            }
            if (node.usesRk4()) {
                throw new Unsupported("RK4 group");
            }
            store(kind.tSlot, () -> code.dload(TIME));
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
                    code.aload(vars);
                    code.pushInt(slot);
                    code.daload();
                    code.dload(STEP);
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
                code.aload(vars);
                code.pushInt(slot);
                code.daload();
                code.invokeStatic("java/lang/Math", "abs", "(D)D", 0);
                code.pushDouble(Double.MAX_VALUE);
                code.dcmpg();
                code.jump(ClassAssembler.Bytecode.IFLE, finite);
                code.aload(NODES);
                code.pushInt(index);
                code.aaload();
                code.dload(TIME);
                code.invokeVirtual(INSTANCE, "checkFinite", "(D)V", -3);
                code.mark(finite);
            }
            int exposed = layout.local(node.exposed);
            int[] sources = kind.exposureSources;
            for (int i = 0; i < sources.length; i++) {
                int source = sources[i];
                if (source >= 0) {
                    int at = i;
                    code.aload(exposed);
                    code.pushInt(at);
                    code.aload(vars);
                    code.pushInt(source);
                    code.daload();
                    code.dastore();
                }
            }
        }

        private void emitDerived() throws Unsupported {
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

        private void action(CompiledAction action) throws Unsupported {
            Object origin = kind.expressions.originOf(action);
            if (origin instanceof Dynamics.StateAssignment assignment) {
                Integer slot = kind.slots.get(assignment.variable());
                if (slot == null) {
                    throw new Unsupported("assignment to a non-variable");
                }
                store(slot, () -> number(assignment.value()));
            } else if (origin instanceof Dynamics.EventOut out) {
                int port = kind.outPortIndex(out.port());
                code.aload(NODES);
                code.pushInt(index);
                code.aaload();
                code.pushInt(port);
                code.invokeVirtual(INSTANCE, "emit", "(I)V", -2);
            } else {
                throw new Unsupported("action " + origin);
            }
        }

        private interface Emission {
            void run() throws Unsupported;
        }

        /** vars[slot] = (what {@code value} pushes). */
        private void store(int slot, Emission value) throws Unsupported {
            code.aload(vars);
            code.pushInt(slot);
            value.run();
            code.dastore();
        }

        private void read(Ref ref) {
            code.aload(layout.local(ref.array()));
            code.pushInt(ref.index());
            code.daload();
        }

        private Expr origin(Object op) throws Unsupported {
            if (kind.expressions.originOf(op) instanceof Expr expr) {
                return expr;
            }
            throw new Unsupported("no source for an expression");
        }

        // ---- expressions, mirroring ExprCompiler ----

        private void number(Expr expr) throws Unsupported {
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
                    default -> throw new Unsupported(b.op().toString());
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
        private void choose(Expr condition, double ifTrue, double ifFalse) throws Unsupported {
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

        private void variable(String name) throws Unsupported {
            int slot = kind.expressions.names().slot(name);
            if (slot >= 0) {
                code.aload(vars);
                code.pushInt(slot);
                code.daload();
                return;
            }
            Double constant = kind.expressions.names().constant(name);
            if (constant == null) {
                throw new Unsupported("unknown name " + name);
            }
            code.pushDouble(constant);
        }

        private void call(Expr.Call call) throws Unsupported {
            if (call.args().size() != 1) {
                throw new Unsupported("call arity");
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
                default -> throw new Unsupported("function " + call.function());
            }
            number(call.args().get(0));
            code.invokeStatic(owner, name, "(D)D", 0);
        }

        private void jumpIfFalse(Expr expr, int label) throws Unsupported {
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

        private void jumpIfTrue(Expr expr, int label) throws Unsupported {
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
}
