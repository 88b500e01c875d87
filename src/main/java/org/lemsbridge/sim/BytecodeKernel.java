package org.lemsbridge.sim;

import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.lemsbridge.expr.Expr;
import org.lemsbridge.lems.Dynamics;

/**
 * Compiles the instance tree to JVM bytecode so a step runs without interpretation. Every expression becomes
 * straight-line double arithmetic in the interpreter's exact grouping and operation order (so results are
 * bit-identical), names become array slots or folded constants, and instances are stepped in exactly
 * {@link Instance#advance}'s order.
 * <ul>
 * <li>A small subtree becomes one method over its instances' arrays.</li>
 * <li>A run of consecutive siblings with the same shape (the members of a population, each with its inputs)
 * becomes a batch: their state moves into one column per variable (structure of arrays), one method loops over
 * the members in order, and every reader (requirements, selects, recorders) is pointed at the columns.</li>
 * </ul>
 * Instances with regimes, RK4 integration or {@code random()}, and instances whose received events run actions
 * while their state lives in columns, are left to the interpreter.
 */
final class BytecodeKernel {

    private static final String CLASS_NAME = "org/lemsbridge/sim/GeneratedSubtree";
    private static final String INSTANCE = "org/lemsbridge/sim/Instance";
    private static final String DESCRIPTOR = "([[D[L" + INSTANCE + ";DD)V";
    /** HotSpot does not JIT-compile methods over 8000 bytes. */
    private static final int MAX_CODE_BYTES = 7900;
    private static final int MAX_NODES = 48;
    private static final int MIN_BATCH = 8;
    private static final int MAX_LOCALS = 250;
    private static final int ARRAYS = 1;
    private static final int NODES = 2;
    private static final int TIME = 3;
    private static final int STEP = 5;
    private static final int MEMBER = 7;
    private static final int MEMBERS = 8;
    private static final int FIRST_FREE = 9;

    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    private final Map<String, CompiledSubtree> classes = new HashMap<>();
    private final Set<Instance> activeReceivers = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Instance> batched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Batch> batches = new ArrayList<>();
    /** Every array slot some Ref (requirement, select, recorder) reads, once state has moved. */
    private final Map<double[], java.util.BitSet> read = new IdentityHashMap<>();
    private int compiledRoots;

    /** Why something stays interpreted. */
    private static final class Unsupported extends Exception {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    /** What {@link #attach} did: subtrees compiled as single methods, batches and their members. */
    record Summary(int subtrees, int batches, int batchedMembers) {
    }

    /**
     * Compiles the tree under {@code root}, whose state is initialized, and points {@code writers} at wherever the
     * state now lives. Call it once, after initialization and before the first step.
     */
    static Summary attach(Instance root, List<DatWriter> writers) {
        BytecodeKernel kernel = new BytecodeKernel();
        List<Instance> all = new ArrayList<>();
        everything(root, all);
        for (Instance instance : all) {
            kernel.noteReceivers(instance);
        }
        kernel.plan(root);
        Map<double[], Location> moved = new IdentityHashMap<>(4 * all.size());
        for (Batch batch : kernel.batches) {
            batch.moveStateToColumns(moved);
        }
        if (!moved.isEmpty()) {
            UnaryOperator<Ref> redirect = ref -> {
                Location at = ref == null ? null : moved.get(ref.array());
                return at == null ? ref : new Ref(at.columns()[ref.index()], at.member(), ref.description());
            };
            for (Instance instance : all) {
                instance.redirectRefs(redirect);
            }
            for (DatWriter writer : writers) {
                writer.redirect(redirect);
            }
        }
        UnaryOperator<Ref> note = ref -> {
            if (ref != null) {
                kernel.read.computeIfAbsent(ref.array(), a -> new java.util.BitSet()).set(ref.index());
            }
            return ref;
        };
        for (Instance instance : all) {
            instance.redirectRefs(note);
        }
        for (DatWriter writer : writers) {
            writer.redirect(note);
        }
        int members = 0;
        for (Batch batch : kernel.batches) {
            kernel.compileBatch(batch);
            members += batch.members.size();
        }
        kernel.compileRest(root);
        return new Summary(kernel.compiledRoots, kernel.batches.size(), members);
    }

    private static void everything(Instance instance, List<Instance> into) {
        into.add(instance);
        for (Instance child : instance.advanceOrder()) {
            everything(child, into);
        }
    }

    private void noteReceivers(Instance instance) {
        Connection[][] wires = instance.wires();
        if (wires == null) {
            return;
        }
        for (Connection[] port : wires) {
            for (Connection connection : port) {
                if (connection.target() instanceof PortReceiver receiver && !receiver.doesNothing()) {
                    activeReceivers.add(receiver.instance());
                }
            }
        }
    }

    // ---- planning: which sibling runs become batches ----

    private void plan(Instance instance) {
        if (instance.usesRk4() || count(instance, MAX_NODES + 1) <= MAX_NODES) {
            return;
        }
        Instance[] children = instance.advanceOrder();
        List<Instance> stepped = new ArrayList<>();
        boolean changed = false;
        int i = 0;
        while (i < children.length) {
            int j = i + 1;
            if (batchable(children[i])) {
                while (j < children.length && sameShape(children[i], children[j]) && batchable(children[j])) {
                    j++;
                }
            }
            if (j - i >= MIN_BATCH && compilesAlone(children[i])) {
                Batch batch = new Batch(Arrays.asList(children).subList(i, j));
                batches.add(batch);
                batched.addAll(batch.members);
                stepped.add(children[i]);
                changed = true;
                i = j;
            } else {
                plan(children[i]);
                stepped.add(children[i]);
                i++;
            }
        }
        if (changed) {
            instance.stepOnly(stepped.toArray(Instance[]::new));
        }
    }

    /** Whether a member can be batched at all: small, no regimes, RK4 or actions run on received events. */
    private boolean batchable(Instance member) {
        for (Instance above = member.parent; above != null; above = above.parent) {
            if (above.hasKineticSchemes()) {
                return false; // a kinetic scheme holds Refs into its states and edges that are not redirected
            }
        }
        List<Instance> nodes = new ArrayList<>();
        postOrder(member, nodes);
        if (nodes.size() > MAX_NODES) {
            return false;
        }
        for (Instance node : nodes) {
            if (activeReceivers.contains(node) || node.usesRk4() || node.hasKineticSchemes() || node.regime >= 0
                    || node.kind.regimes.length > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two members generate the same code: instances of the same kinds (or kinds that only keep time) in
     * the same tree shape, with requirements and selects reading the same places (inside the member by position,
     * outside it by identity).
     */
    private static boolean sameShape(Instance a, Instance b) {
        List<Instance> as = new ArrayList<>();
        List<Instance> bs = new ArrayList<>();
        postOrder(a, as);
        postOrder(b, bs);
        if (as.size() != bs.size()) {
            return false;
        }
        for (int p = 0; p < as.size(); p++) {
            Instance x = as.get(p);
            Instance y = bs.get(p);
            boolean sameKind = x.kind == y.kind || (onlyKeepsTime(x.kind) && onlyKeepsTime(y.kind)
                    && x.kind.tSlot == y.kind.tSlot);
            if (!sameKind || x.vars.length != y.vars.length || x.exposed.length != y.exposed.length
                    || x.advanceOrder().length != y.advanceOrder().length
                    || !Arrays.equals(x.selectFallbackValues(), y.selectFallbackValues())
                    || !Arrays.equals(x.selectMultiplies(), y.selectMultiplies())
                    || !sameRefs(x.requirementRefs(), y.requirementRefs(), as, bs)) {
                return false;
            }
            Ref[][] xs = x.selectSourceRefs();
            Ref[][] ys = y.selectSourceRefs();
            if (xs.length != ys.length) {
                return false;
            }
            for (int i = 0; i < xs.length; i++) {
                if ((xs[i] == null) != (ys[i] == null) || (xs[i] != null && !sameRefs(xs[i], ys[i], as, bs))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameRefs(Ref[] xs, Ref[] ys, List<Instance> as, List<Instance> bs) {
        if (xs.length != ys.length) {
            return false;
        }
        for (int i = 0; i < xs.length; i++) {
            if (xs[i].index() != ys[i].index()) {
                return false;
            }
            int px = internalPosition(xs[i].array(), as);
            int py = internalPosition(ys[i].array(), bs);
            if (px != py || (px == -1 && xs[i].array() != ys[i].array())) {
                return false;
            }
        }
        return true;
    }

    /** 2p for node p's vars, 2p+1 for its exposures, -1 outside the member. */
    private static int internalPosition(double[] array, List<Instance> nodes) {
        for (int p = 0; p < nodes.size(); p++) {
            if (nodes.get(p).vars == array) {
                return 2 * p;
            }
            if (nodes.get(p).exposed == array) {
                return 2 * p + 1;
            }
        }
        return -1;
    }

    /**
     * A kind whose step only writes t (no requirements, selects, derived variables, rates, conditions, states or
     * exposures): such instances of different components (say, one explicitInput per cell) generate the same code.
     */
    private static boolean onlyKeepsTime(Kind kind) {
        return kind.requirementSlots.length == 0 && kind.selects.length == 0 && kind.derivedSlots.length == 0
                && kind.conditionalSlots.length == 0 && kind.rateSlots.length == 0 && kind.conditionTests.length == 0
                && kind.stateSlots.length == 0 && Arrays.stream(kind.exposureSources).allMatch(s -> s < 0)
                && kind.regimes.length == 0;
    }

    /** Whether one member's subtree compiles (no random(), no unknown construct) into a JIT-able method. */
    private boolean compilesAlone(Instance member) {
        List<Instance> nodes = new ArrayList<>();
        postOrder(member, nodes);
        try {
            ClassAssembler.Bytecode code = generate(nodes, new PlainStorage(null, new Layout()));
            return code.size() <= MAX_CODE_BYTES && code.maxLocals() <= MAX_LOCALS;
        } catch (Unsupported e) {
            return false;
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

    private static void postOrder(Instance instance, List<Instance> into) {
        for (Instance child : instance.advanceOrder()) {
            postOrder(child, into);
        }
        into.add(instance);
    }

    // ---- batches: state in columns, one loop over the members ----

    /** Where an instance array's values now live: column {@code slot} at row {@code member}. */
    private record Location(double[][] columns, int member) {
    }

    private static final class Batch {
        final List<Instance> members;
        /** nodes.get(m).get(p): member m's instance at post-order position p. */
        final List<List<Instance>> nodes = new ArrayList<>();
        double[][][] varColumns;
        double[][][] exposedColumns;

        Batch(List<Instance> members) {
            this.members = List.copyOf(members);
            for (Instance member : members) {
                List<Instance> list = new ArrayList<>();
                postOrder(member, list);
                nodes.add(list);
            }
        }

        int positions() {
            return nodes.get(0).size();
        }

        void moveStateToColumns(Map<double[], Location> moved) {
            int n = members.size();
            int positions = positions();
            varColumns = new double[positions][][];
            exposedColumns = new double[positions][][];
            Runnable[] unpackers = new Runnable[n];
            for (int m = 0; m < n; m++) {
                int member = m;
                unpackers[m] = () -> unpack(member);
            }
            for (int p = 0; p < positions; p++) {
                varColumns[p] = new double[nodes.get(0).get(p).vars.length][n];
                exposedColumns[p] = new double[nodes.get(0).get(p).exposed.length][n];
                for (int m = 0; m < n; m++) {
                    Instance node = nodes.get(m).get(p);
                    for (int s = 0; s < node.vars.length; s++) {
                        varColumns[p][s][m] = node.vars[s];
                    }
                    for (int s = 0; s < node.exposed.length; s++) {
                        exposedColumns[p][s][m] = node.exposed[s];
                    }
                    moved.put(node.vars, new Location(varColumns[p], m));
                    moved.put(node.exposed, new Location(exposedColumns[p], m));
                    node.stateLivesElsewhere(unpackers[m]);
                }
            }
        }

        /** Copies member m's state back into its instances' own arrays (for error reports). */
        void unpack(int m) {
            for (int p = 0; p < positions(); p++) {
                Instance node = nodes.get(m).get(p);
                for (int s = 0; s < node.vars.length; s++) {
                    node.vars[s] = varColumns[p][s][m];
                }
                for (int s = 0; s < node.exposed.length; s++) {
                    node.exposed[s] = exposedColumns[p][s][m];
                }
            }
        }
    }

    private void compileBatch(Batch batch) {
        List<Instance> first = batch.nodes.get(0);
        Map<Instance, Integer> positions = new IdentityHashMap<>();
        for (int p = 0; p < first.size(); p++) {
            positions.put(first.get(p), p);
        }
        Set<double[]> columns = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int p = 0; p < first.size(); p++) {
            columns.addAll(Arrays.asList(batch.varColumns[p]));
            columns.addAll(Arrays.asList(batch.exposedColumns[p]));
        }
        ClassAssembler.Bytecode code;
        Layout layout = new Layout();
        try {
            generate(first, new BatchStorage(null, layout, batch, positions, columns, read));
            code = generate(first, new BatchStorage(new ClassAssembler.Bytecode(FIRST_FREE), layout, batch, positions,
                    columns, read));
        } catch (Unsupported e) {
            throw new IllegalStateException("a planned batch did not compile: " + e.getMessage());
        }
        Instance[] nodes = new Instance[batch.members.size() * first.size()];
        for (int m = 0; m < batch.members.size(); m++) {
            for (int p = 0; p < first.size(); p++) {
                nodes[m * first.size() + p] = batch.nodes.get(m).get(p);
            }
        }
        batch.members.get(0).useCompiled(define(code), layout.arrays.toArray(double[][]::new), nodes);
    }

    // ---- single subtrees ----

    private void compileRest(Instance instance) {
        if (instance.usesRk4() || batched.contains(instance)) {
            return;
        }
        if (count(instance, MAX_NODES + 1) <= MAX_NODES && tryCompile(instance)) {
            return;
        }
        for (Instance child : instance.advanceOrder()) {
            compileRest(child);
        }
    }

    private boolean tryCompile(Instance root) {
        List<Instance> nodes = new ArrayList<>();
        postOrder(root, nodes);
        Layout layout = new Layout();
        ClassAssembler.Bytecode code;
        try {
            generate(nodes, new PlainStorage(null, layout));
            if (FIRST_FREE + layout.arrays.size() > MAX_LOCALS - 40) {
                return false;
            }
            code = generate(nodes, new PlainStorage(new ClassAssembler.Bytecode(FIRST_FREE), layout));
        } catch (Unsupported e) {
            return false;
        }
        if (code.size() > MAX_CODE_BYTES || code.maxLocals() > MAX_LOCALS) {
            return false;
        }
        root.useCompiled(define(code), layout.arrays.toArray(double[][]::new), nodes.toArray(Instance[]::new));
        compiledRoots++;
        return true;
    }

    /**
     * Emits the step of {@code nodes} (post-order) through {@code storage}. A storage without code only collects the
     * arrays (the first pass); with code, its prologue loads every collected array into a local.
     */
    private static ClassAssembler.Bytecode generate(List<Instance> nodes, Storage storage) throws Unsupported {
        ClassAssembler.Bytecode code = storage.code();
        storage.prologue();
        int temps = FIRST_FREE + storage.layout().arrays.size();
        for (int j = 0; j < nodes.size(); j++) {
            new NodeEmitter(code, storage, nodes.get(j), j, temps).emit();
        }
        storage.epilogue();
        code.returnVoid();
        return code;
    }

    private CompiledSubtree define(ClassAssembler.Bytecode code) {
        byte[] bytes = new ClassAssembler().assemble(CLASS_NAME, "org/lemsbridge/sim/CompiledSubtree", "step",
                DESCRIPTOR, code);
        return classes.computeIfAbsent(new String(bytes, StandardCharsets.ISO_8859_1), key -> {
            try {
                Class<?> type = lookup.defineHiddenClass(bytes, true).lookupClass();
                return (CompiledSubtree) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("generated code rejected", e);
            }
        });
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
    }

    /** How the generated code reaches a value. */
    private abstract static class Storage {
        private final ClassAssembler.Bytecode code;
        private final Layout layout;

        Storage(ClassAssembler.Bytecode code, Layout layout) {
            this.code = code == null ? new ClassAssembler.Bytecode(FIRST_FREE) : code;
            this.layout = layout;
        }

        ClassAssembler.Bytecode code() {
            return code;
        }

        Layout layout() {
            return layout;
        }

        void prologue() {
            for (int k = 0; k < layout.arrays.size(); k++) {
                code.aload(ARRAYS);
                code.pushInt(k);
                code.aaload();
                code.astore(FIRST_FREE + k);
            }
        }

        void epilogue() {
        }

        /** Pushes array and index of a node's variable ({@code exposed}: its exposure snapshot). */
        abstract void address(Instance node, boolean exposed, int slot);

        /** Pushes the value a Ref reads. */
        void read(Ref ref) {
            code.aload(layout.local(ref.array()));
            code.pushInt(ref.index());
            code.daload();
        }

        /** Pushes the Instance at post-order position {@code position}. */
        abstract void node(int position);

        /** Whether vars[t] must be written (someone other than the node's own expressions may read it). */
        boolean storesTime(Instance node) {
            return true;
        }

        /** Whether an exposure snapshot must be written (some Ref may read it). */
        boolean storesExposure(Instance node, int exposure) {
            return true;
        }
    }

    private static final class PlainStorage extends Storage {
        PlainStorage(ClassAssembler.Bytecode code, Layout layout) {
            super(code, layout);
        }

        @Override
        void address(Instance node, boolean exposed, int slot) {
            code().aload(layout().local(exposed ? node.exposed : node.vars));
            code().pushInt(slot);
        }

        @Override
        void node(int position) {
            code().aload(NODES);
            code().pushInt(position);
            code().aaload();
        }
    }

    /** Member 0's code, run for every member: columns indexed by the member number. */
    private static final class BatchStorage extends Storage {
        private final Batch batch;
        private final Map<Instance, Integer> positions;
        private final Set<double[]> columns;
        private final Map<double[], java.util.BitSet> read;
        private int top;
        private int end;

        BatchStorage(ClassAssembler.Bytecode code, Layout layout, Batch batch, Map<Instance, Integer> positions,
                Set<double[]> columns, Map<double[], java.util.BitSet> read) {
            super(code, layout);
            this.batch = batch;
            this.positions = positions;
            this.columns = columns;
            this.read = read;
            layout.local(batch.varColumns[0][batch.nodes.get(0).get(0).kind.tSlot]);
        }

        @Override
        void prologue() {
            super.prologue();
            ClassAssembler.Bytecode code = code();
            code.aload(FIRST_FREE);
            code.arraylength();
            code.istore(MEMBERS);
            code.pushInt(0);
            code.istore(MEMBER);
            top = code.newLabel();
            end = code.newLabel();
            code.mark(top);
            code.iload(MEMBER);
            code.iload(MEMBERS);
            code.jump(ClassAssembler.Bytecode.IF_ICMPGE, end);
        }

        @Override
        void epilogue() {
            ClassAssembler.Bytecode code = code();
            code.iinc(MEMBER, 1);
            code.jump(ClassAssembler.Bytecode.GOTO, top);
            code.mark(end);
        }

        /** In a batch nothing but Refs reads a member's state, so t need only be stored where a Ref reads it. */
        @Override
        boolean storesTime(Instance node) {
            return read.containsKey(batch.varColumns[positions.get(node)][node.kind.tSlot]);
        }

        /** Only Refs read exposure snapshots; a column no Ref reads need not be kept. */
        @Override
        boolean storesExposure(Instance node, int exposure) {
            return read.containsKey(batch.exposedColumns[positions.get(node)][exposure]);
        }

        @Override
        void address(Instance node, boolean exposed, int slot) {
            int p = positions.get(node);
            double[] column = (exposed ? batch.exposedColumns : batch.varColumns)[p][slot];
            code().aload(layout().local(column));
            code().iload(MEMBER);
        }

        @Override
        void read(Ref ref) {
            if (columns.contains(ref.array()) && ref.index() == 0) {
                code().aload(layout().local(ref.array()));
                code().iload(MEMBER);
                code().daload();
            } else {
                super.read(ref);
            }
        }

        @Override
        void node(int position) {
            ClassAssembler.Bytecode code = code();
            code.aload(NODES);
            code.iload(MEMBER);
            code.pushInt(positions.size());
            code.imul();
            code.pushInt(position);
            code.iadd();
            code.aaload();
        }
    }

    /** Emits one instance's step, mirroring Instance.step. */
    private static final class NodeEmitter {
        private final ClassAssembler.Bytecode code;
        private final Storage storage;
        private final Instance node;
        private final Kind kind;
        private final int index;
        private final int temps;
        /** No derived variable, rate, requirement or assignment writes the t slot: it always holds t. */
        private final boolean timeIsOnlyTime;

        NodeEmitter(ClassAssembler.Bytecode code, Storage storage, Instance node, int index, int temps) {
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

        void emit() throws Unsupported {
            if (kind.regimes.length > 0 || node.regime >= 0) {
                throw new Unsupported("regimes");
            }
            if (node.usesRk4()) {
                throw new Unsupported("RK4 group");
            }
            if (node.hasKineticSchemes()) {
                throw new Unsupported("kinetic scheme");
            }
            if (!timeIsOnlyTime || storage.storesTime(node)) {
                store(kind.tSlot, () -> code.dload(TIME));
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
                storage.address(node, false, slot);
                code.daload();
                code.invokeStatic("java/lang/Math", "abs", "(D)D", 0);
                code.pushDouble(Double.MAX_VALUE);
                code.dcmpg();
                code.jump(ClassAssembler.Bytecode.IFLE, finite);
                storage.node(index);
                code.dload(TIME);
                code.invokeVirtual(INSTANCE, "failedFinite", "(D)V", -3);
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
                storage.node(index);
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
            storage.address(node, false, slot);
            value.run();
            code.dastore();
        }

        private void read(Ref ref) {
            storage.read(ref);
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
            if (slot >= 0 && slot == kind.tSlot && timeIsOnlyTime) {
                code.dload(TIME);
                return;
            }
            if (slot >= 0) {
                storage.address(node, false, slot);
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
