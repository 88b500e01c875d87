package org.lemsbridge.sim;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.lemsbridge.tree.Connection;
import org.lemsbridge.tree.Kind;
import org.lemsbridge.tree.Ref;

/**
 * Compiles the instance tree to JVM bytecode so a step runs without interpretation. Every expression becomes
 * straight-line double arithmetic in the interpreter's exact grouping and operation order (so results are
 * bit-identical), names become array slots or folded constants, and instances are stepped in exactly the order
 * the interpreter steps them.
 * <ul>
 * <li>A small subtree becomes one method over its instances' arrays.</li>
 * <li>A run of consecutive siblings with the same shape (the members of a population, each with its inputs)
 * becomes a batch: their state moves into one column per variable (structure of arrays), one method loops over
 * the members in order, and every reader (requirements, selects, recorders) is pointed at the columns.</li>
 * </ul>
 * Instances with regimes, RK4 integration or kinetic schemes, and instances whose received events run actions
 * while their state lives in columns, are left to the interpreter.
 */
final class BytecodeKernel {

    private static final int MAX_NODES = 48;
    private static final int MIN_BATCH = 8;
    private static final int MAX_LOCALS = 250;
    // the local variables of CompiledSubtree.step, in the order of its parameters, then the batch loop's
    private static final int[] PARAMETERS = parameterLocals(GeneratedClass.singleMethod(CompiledSubtree.class));
    private static final int ARRAYS = PARAMETERS[0];
    static final int EMITTERS = PARAMETERS[1];
    static final int FAILURES = PARAMETERS[2];
    static final int TIME = PARAMETERS[3];
    static final int STEP = PARAMETERS[4];
    /** A batch's loop counter: it starts as the parameter {@code from}. */
    private static final int MEMBER = PARAMETERS[5];
    private static final int MEMBERS_END = PARAMETERS[6];
    private static final int FIRST_FREE = PARAMETERS[7];

    private final GeneratedClass.Definer definer = new GeneratedClass.Definer();
    /** The run's random generator, which generated random() calls draw from. */
    private final DoubleSupplier random;
    private final Set<Instance> activeReceivers = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Instance> batched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Batch> batches = new ArrayList<>();
    private final List<Splittable> splittable = new ArrayList<>();
    /** Every array some Ref (requirement, select, recorder) reads, once state has moved. */
    private final Set<double[]> read = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The arrays some Ref reads other than a batch member's read of its own row. */
    private final Set<double[]> readElsewhere = Collections.newSetFromMap(new IdentityHashMap<>());
    private int compiledRoots;

    /** Code that pushes one double. */
    interface Emission {
        void run() throws ExpressionEmitter.Unsupported;
    }

    /** What {@link #attach} did: subtrees compiled as single methods, batches and their members. */
    record Summary(int subtrees, int batches, int batchedMembers) {
    }

    /**
     * What {@link #attach} did, the definer holding its classes, which later generated code may share, and the batches
     * whose members are independent within a step, which may step on several threads ({@link SplitBatch}).
     */
    record Attached(Summary summary, GeneratedClass.Definer definer, List<Splittable> splittable) {
        Attached {
            splittable = List.copyOf(splittable);
        }
    }

    /**
     * A compiled batch whose members are independent within a step: its generated step ({@code code} over
     * {@code arrays}), the callbacks of its {@code nodes} (member m's instance at post-order position p at
     * m * positions + p), its number of members and the size of one member's step in bytes of code.
     */
    record Splittable(Instance first, CompiledSubtree code, double[][] arrays, IntConsumer[] emitters,
            DoubleConsumer[] failures, Instance[] nodes, int members, int memberCodeBytes) {
    }

    /**
     * Compiles the tree under {@code root}, whose state is initialized, and points {@code writers} at wherever the
     * state now lives. Call it once, after initialization and before the first step.
     */
    static Attached attach(Instance root, List<OutputRecorder> writers, DoubleSupplier random) {
        BytecodeKernel kernel = new BytecodeKernel(random);
        List<Instance> all = new ArrayList<>();
        everything(root, all);
        for (Instance instance : all) {
            kernel.noteReceivers(instance);
        }
        kernel.plan(root);
        // the arrays some Ref reads: only those need to be found again once their values move to columns
        Set<double[]> referenced = Collections.newSetFromMap(new IdentityHashMap<>());
        UnaryOperator<Ref> collect = ref -> {
            if (ref != null) {
                referenced.add(ref.array());
            }
            return ref;
        };
        for (Instance instance : all) {
            instance.redirectRefs(collect);
        }
        for (OutputRecorder writer : writers) {
            writer.redirect(collect);
        }
        Map<double[], Location> moved = new IdentityHashMap<>(referenced.size());
        for (Batch batch : kernel.batches) {
            batch.moveStateToColumns(moved, referenced);
        }
        UnaryOperator<Ref> redirect = ref -> {
            Location at = ref == null ? null : moved.get(ref.array());
            return at == null ? ref : new Ref(at.columns()[ref.index()], at.member());
        };
        UnaryOperator<Ref> redirectAndNote = ref -> {
            Ref now = redirect.apply(ref);
            if (now != null) {
                kernel.read.add(now.array());
                kernel.readElsewhere.add(now.array());
            }
            return now;
        };
        for (Instance instance : all) {
            if (!instance.inBatch()) {
                instance.redirectRefs(redirectAndNote);
            }
        }
        for (OutputRecorder writer : writers) {
            writer.redirect(redirectAndNote);
        }
        for (Batch batch : kernel.batches) {
            kernel.redirectAndNote(batch, redirect);
        }
        int members = 0;
        for (Batch batch : kernel.batches) {
            kernel.compileBatch(batch);
            members += batch.members.size();
        }
        kernel.compileRest(root);
        return new Attached(new Summary(kernel.compiledRoots, kernel.batches.size(), members), kernel.definer,
                kernel.splittable);
    }

    /**
     * Points a batch's Refs at the columns and notes what they read: every array in {@link #read}, and in
     * {@link #readElsewhere} unless it is a member's read of its own row (which its generated step does itself).
     */
    private void redirectAndNote(Batch batch, UnaryOperator<Ref> redirect) {
        Set<double[]> own = batch.columns();
        for (int m = 0; m < batch.members.size(); m++) {
            int member = m;
            UnaryOperator<Ref> redirectAndNote = ref -> {
                Ref now = redirect.apply(ref);
                if (now != null) {
                    read.add(now.array());
                    if (now.index() != member || !own.contains(now.array())) {
                        readElsewhere.add(now.array());
                    }
                }
                return now;
            };
            for (int p = 0; p < batch.positions(); p++) {
                batch.node(m, p).redirectRefs(redirectAndNote);
            }
        }
    }

    private BytecodeKernel(DoubleSupplier random) {
        this.random = random;
    }

    /** The local variable of each parameter of {@code method}, then the first free one. */
    private static int[] parameterLocals(Method method) {
        Class<?>[] types = method.getParameterTypes();
        int[] locals = new int[types.length + 1];
        int next = 1;
        for (int i = 0; i < types.length; i++) {
            locals[i] = next;
            next += types[i] == double.class || types[i] == long.class ? 2 : 1;
        }
        locals[types.length] = next;
        return locals;
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
                if (connection.target() instanceof InstancePort receiver && !receiver.doesNothing()) {
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
            List<Instance> first = smallPostOrder(children[i]);
            List<List<Instance>> run = null;
            if (first != null && batchable(children[i], first)) {
                run = new ArrayList<>();
                run.add(first);
                while (j < children.length) {
                    List<Instance> next = smallPostOrder(children[j]);
                    if (next == null || !sameShape(first, next) || !batchable(children[j], next)) {
                        break;
                    }
                    run.add(next);
                    j++;
                }
            }
            if (j - i >= MIN_BATCH && compilesAlone(first)) {
                Batch batch = new Batch(Arrays.asList(children).subList(i, j), run);
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

    /** The subtree of {@code member} in post-order, or null when it has more than MAX_NODES instances. */
    private static List<Instance> smallPostOrder(Instance member) {
        if (count(member, MAX_NODES + 1) > MAX_NODES) {
            return null;
        }
        List<Instance> nodes = new ArrayList<>(4);
        postOrder(member, nodes);
        return nodes;
    }

    /**
     * Whether a member (its subtree {@code nodes} in post-order, at most MAX_NODES) can be batched at all: no
     * regimes, RK4 or actions run on received events.
     */
    private boolean batchable(Instance member, List<Instance> nodes) {
        for (Instance above = member.parent; above != null; above = above.parent) {
            if (above.hasKineticSchemes()) {
                return false; // a kinetic scheme holds Refs into its states and edges that are not redirected
            }
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
     * Whether two members (their subtrees in post-order) generate the same code: instances of the same kinds (or
     * kinds that only keep time) in the same tree shape, with requirements and selects reading the same places
     * (inside the member by position, outside it by identity).
     */
    private static boolean sameShape(List<Instance> as, List<Instance> bs) {
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
                && kind.stateSlots.length == 0 && noExposureIsSet(kind) && kind.regimes.length == 0;
    }

    private static boolean noExposureIsSet(Kind kind) {
        for (int source : kind.exposureSources) {
            if (source >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether one member's subtree (post-order) compiles (no unsupported construct) into a JIT-able method. */
    private boolean compilesAlone(List<Instance> nodes) {
        try {
            Layout layout = new Layout();
            collectArrays(nodes, new PlainStorage(layout, random));
            GeneratedClass.Built code = generate(nodes, new PlainStorage(layout, random));
            return code.codeBytes() <= GeneratedClass.JIT_LIMIT && maxLocals(nodes, layout) <= MAX_LOCALS;
        } catch (ExpressionEmitter.Unsupported e) {
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
        /** Instances at each post-order position of a member's subtree. */
        final int positions;
        /** nodes[m * positions + p]: member m's instance at post-order position p. */
        final Instance[] nodes;
        double[][][] varColumns;
        double[][][] exposedColumns;

        /** {@code subtrees}: each member's subtree in post-order. */
        Batch(List<Instance> members, List<List<Instance>> subtrees) {
            this.members = List.copyOf(members);
            this.positions = subtrees.get(0).size();
            this.nodes = new Instance[members.size() * positions];
            for (int m = 0; m < members.size(); m++) {
                for (int p = 0; p < positions; p++) {
                    nodes[m * positions + p] = subtrees.get(m).get(p);
                }
            }
        }

        int positions() {
            return positions;
        }

        Instance node(int member, int position) {
            return nodes[member * positions + position];
        }

        /** Member 0's subtree in post-order. */
        List<Instance> first() {
            return Arrays.asList(nodes).subList(0, positions);
        }

        /** Moves the state into columns; {@code moved} learns where each {@code referenced} array went. */
        void moveStateToColumns(Map<double[], Location> moved, Set<double[]> referenced) {
            int n = members.size();
            int positions = positions();
            java.util.function.IntConsumer unpacker = this::unpack;
            varColumns = new double[positions][][];
            exposedColumns = new double[positions][][];
            for (int p = 0; p < positions; p++) {
                varColumns[p] = new double[node(0, p).vars.length][n];
                exposedColumns[p] = new double[node(0, p).exposed.length][n];
                for (int m = 0; m < n; m++) {
                    Instance node = node(m, p);
                    for (int s = 0; s < node.vars.length; s++) {
                        varColumns[p][s][m] = node.vars[s];
                    }
                    for (int s = 0; s < node.exposed.length; s++) {
                        exposedColumns[p][s][m] = node.exposed[s];
                    }
                    if (referenced.contains(node.vars)) {
                        moved.put(node.vars, new Location(varColumns[p], m));
                    }
                    if (referenced.contains(node.exposed)) {
                        moved.put(node.exposed, new Location(exposedColumns[p], m));
                    }
                    node.stateLivesElsewhere(unpacker, m);
                }
            }
        }

        /** Every column of the batch. */
        Set<double[]> columns() {
            Set<double[]> columns = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int p = 0; p < positions; p++) {
                columns.addAll(Arrays.asList(varColumns[p]));
                columns.addAll(Arrays.asList(exposedColumns[p]));
            }
            return columns;
        }

        /** Copies member m's state back into its instances' own arrays (for error reports). */
        void unpack(int m) {
            for (int p = 0; p < positions; p++) {
                Instance node = node(m, p);
                node.restoreArrays();
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
        List<Instance> first = batch.first();
        Map<Instance, Integer> positions = new IdentityHashMap<>();
        for (int p = 0; p < first.size(); p++) {
            positions.put(first.get(p), p);
        }
        Set<double[]> columns = batch.columns();
        Layout layout = new Layout();
        GeneratedClass.Built code;
        BatchStorage storage;
        try {
            BatchStorage arraysOnly = new BatchStorage(layout, random, batch, positions, columns, read, false, null,
                    null);
            collectArrays(first, arraysOnly);
            storage = new BatchStorage(layout, random, batch, positions, columns, read, true, readElsewhere,
                    arraysOnly.writes);
            code = generate(first, storage);
            if (code.codeBytes() > GeneratedClass.JIT_LIMIT) {
                storage = new BatchStorage(layout, random, batch, positions, columns, read, false, null, null);
                code = generate(first, storage);
            }
        } catch (ExpressionEmitter.Unsupported e) {
            throw new IllegalStateException("a planned batch did not compile: " + e.getMessage());
        }
        CompiledSubtree step = definer.instance(CompiledSubtree.class, code);
        double[][] arrays = layout.arrays.toArray(double[][]::new);
        IntConsumer[] emitters = emitters(batch.nodes);
        DoubleConsumer[] failures = failures(batch.nodes);
        int members = batch.members.size();
        batch.members.get(0).useCompiled(step, arrays, emitters, failures, members);
        if (independentMembers(code, storage)) {
            splittable.add(new Splittable(batch.members.get(0), step, arrays, emitters, failures, batch.nodes,
                    members, code.codeBytes()));
        }
    }

    /**
     * Whether the members of a batch can step in any order, or at once, and still write what stepping them in order
     * writes: they draw no random numbers (one generator serves the whole run, in order), no member reads another's
     * row, and nothing they read can change while they step, which only events they send could do: so no member
     * reads from an instance that receives events with actions (events are sent after the step, in member order,
     * when members step apart; see {@link SplitBatch}).
     */
    private boolean independentMembers(GeneratedClass.Built code, BatchStorage storage) {
        for (Object constant : code.classData()) {
            if (constant == random) {
                return false;
            }
        }
        if (storage.readsOtherMembers) {
            return false;
        }
        for (Instance receiver : activeReceivers) {
            if (storage.readsOutside.contains(receiver.vars) || storage.readsOutside.contains(receiver.exposed)) {
                return false;
            }
        }
        return true;
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
        GeneratedClass.Built code;
        try {
            collectArrays(nodes, new PlainStorage(layout, random));
            if (FIRST_FREE + layout.arrays.size() > MAX_LOCALS - 40) {
                return false;
            }
            code = generate(nodes, new PlainStorage(layout, random));
        } catch (ExpressionEmitter.Unsupported e) {
            return false;
        }
        if (code.codeBytes() > GeneratedClass.JIT_LIMIT || maxLocals(nodes, layout) > MAX_LOCALS) {
            return false;
        }
        Instance[] all = nodes.toArray(Instance[]::new);
        root.useCompiled(definer.instance(CompiledSubtree.class, code), layout.arrays.toArray(double[][]::new),
                emitters(all), failures(all), 1);
        compiledRoots++;
        return true;
    }

    /** What each node's generated EventOuts call (null for nodes without out ports). */
    private static IntConsumer[] emitters(Instance[] nodes) {
        IntConsumer[] emitters = new IntConsumer[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            if (!nodes[i].kind.outPorts.isEmpty()) {
                emitters[i] = nodes[i]::emit;
            }
        }
        return emitters;
    }

    /** What each node's generated finiteness check calls (null for nodes without state variables). */
    private static DoubleConsumer[] failures(Instance[] nodes) {
        DoubleConsumer[] failures = new DoubleConsumer[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i].kind.stateSlots.length > 0) {
                failures[i] = nodes[i]::failedFinite;
            }
        }
        return failures;
    }

    /** The local variables the step of {@code nodes} uses: parameters, one per array, two per rate. */
    private static int maxLocals(List<Instance> nodes, Layout layout) {
        int rates = 0;
        for (Instance node : nodes) {
            rates = Math.max(rates, node.kind.rateSlots.length);
        }
        return FIRST_FREE + layout.arrays.size() + 2 * rates;
    }

    /**
     * Emits the step of {@code nodes} (post-order) through {@code storage} only to collect the arrays it touches
     * into the storage's layout; the code is thrown away.
     */
    private static void collectArrays(List<Instance> nodes, Storage storage) throws ExpressionEmitter.Unsupported {
        int temps = FIRST_FREE + MAX_LOCALS; // beyond any array local, whatever the layout becomes
        for (int j = 0; j < nodes.size(); j++) {
            new StepEmitter(storage, nodes.get(j), j, temps).emit();
        }
    }

    /**
     * The step of {@code nodes} (post-order) through {@code storage}, whose layout already holds every array it
     * touches (see {@link #collectArrays}): the prologue loads each into a local.
     */
    private static GeneratedClass.Built generate(List<Instance> nodes, Storage storage)
            throws ExpressionEmitter.Unsupported {
        storage.prologue();
        int temps = FIRST_FREE + storage.layout().arrays.size();
        int rates = 0;
        for (Instance node : nodes) {
            rates = Math.max(rates, node.kind.rateSlots.length);
        }
        storage.freeLocalsFrom(temps + 2 * rates);
        for (int j = 0; j < nodes.size(); j++) {
            new StepEmitter(storage, nodes.get(j), j, temps).emit();
        }
        storage.epilogue();
        storage.generated().code().visitInsn(Opcodes.RETURN);
        return storage.generated().finish();
    }

    /** The arrays the code touches, each loaded once into a local variable. */
    static final class Layout {
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
    abstract static class Storage {
        private final GeneratedClass generated = new GeneratedClass(CompiledSubtree.class);
        private final Layout layout;
        private final DoubleSupplier random;

        Storage(Layout layout, DoubleSupplier random) {
            this.layout = layout;
            this.random = random;
        }

        GeneratedClass generated() {
            return generated;
        }

        MethodVisitor code() {
            return generated.code();
        }

        Layout layout() {
            return layout;
        }

        DoubleSupplier random() {
            return random;
        }

        void prologue() {
            for (int k = 0; k < layout.arrays.size(); k++) {
                code().visitVarInsn(Opcodes.ALOAD, ARRAYS);
                GeneratedClass.pushInt(code(), k);
                code().visitInsn(Opcodes.AALOAD);
                code().visitVarInsn(Opcodes.ASTORE, FIRST_FREE + k);
            }
        }

        void epilogue() {
        }

        /** Pushes array and index of a node's variable ({@code exposed}: its exposure snapshot). */
        abstract void address(Instance node, boolean exposed, int slot);

        /** Local variables from {@code first} on are free for the storage's own use. */
        void freeLocalsFrom(int first) {
        }

        /** Pushes a node's variable ({@code exposed}: its exposure snapshot). */
        void load(Instance node, boolean exposed, int slot) {
            address(node, exposed, slot);
            code().visitInsn(Opcodes.DALOAD);
        }

        /** Sets a node's variable ({@code exposed}: its exposure snapshot) to what {@code value} pushes. */
        void store(Instance node, boolean exposed, int slot, Emission value) throws ExpressionEmitter.Unsupported {
            address(node, exposed, slot);
            value.run();
            code().visitInsn(Opcodes.DASTORE);
        }

        /** A hint that the variable is about to be read on several paths: the storage may fetch it now. */
        void hold(Instance node, boolean exposed, int slot) {
        }

        /** Pushes the value a Ref reads. */
        void read(Ref ref) {
            code().visitVarInsn(Opcodes.ALOAD, layout.local(ref.array()));
            GeneratedClass.pushInt(code(), ref.index());
            code().visitInsn(Opcodes.DALOAD);
        }

        /** Pushes the callback in parameter {@code parameter} (an array) of the node at post-order {@code position}. */
        abstract void callback(int parameter, int position);

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
        PlainStorage(Layout layout, DoubleSupplier random) {
            super(layout, random);
        }

        @Override
        void address(Instance node, boolean exposed, int slot) {
            code().visitVarInsn(Opcodes.ALOAD, layout().local(exposed ? node.exposed : node.vars));
            GeneratedClass.pushInt(code(), slot);
        }

        @Override
        void callback(int parameter, int position) {
            code().visitVarInsn(Opcodes.ALOAD, parameter);
            GeneratedClass.pushInt(code(), position);
            code().visitInsn(Opcodes.AALOAD);
        }
    }

    /**
     * Member 0's code, run for every member: columns indexed by the member number. Within a member's step each column
     * the code reads or writes on every path is held in a local variable: read from its column at most once, written
     * back once at the end (and before any callback, which may look at the columns), and not at all when the step
     * writes it before anything reads it and no Ref outside the member reads it. A column the step never writes and
     * whose members all hold the same value becomes a constant.
     */
    private static final class BatchStorage extends Storage {
        private final boolean holdInLocals;
        private final Batch batch;
        private final Map<Instance, Integer> positions;
        private final Set<double[]> columns;
        private final Set<double[]> read;
        /** Columns some Ref other than a member's own reads of its own row reads; null: every column. */
        private final Set<double[]> readElsewhere;
        /** Columns the step writes (learnt by a first emission); null: not known, so none is a constant. */
        private final Set<double[]> written;
        private final Label top = new Label();
        private final Label end = new Label();
        /** Arrays outside the batch's columns that the code reads (requirements and selects). */
        final Set<double[]> readsOutside = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Whether a member reads another member's row (then members depend on each other's order). */
        boolean readsOtherMembers;
        /** Every column this code writes. */
        final Set<double[]> writes = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<double[], Integer> held = new IdentityHashMap<>();
        private final Set<double[]> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<double[]> touched = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<double[]> writtenFirst = Collections.newSetFromMap(new IdentityHashMap<>());
        private int nextLocal = Integer.MAX_VALUE;
        private int loopJumps;

        BatchStorage(Layout layout, DoubleSupplier random, Batch batch, Map<Instance, Integer> positions,
                Set<double[]> columns, Set<double[]> read, boolean holdInLocals,
                Set<double[]> readElsewhere, Set<double[]> written) {
            super(layout, random);
            this.holdInLocals = holdInLocals;
            this.batch = batch;
            this.positions = positions;
            this.columns = columns;
            this.read = read;
            this.readElsewhere = readElsewhere;
            this.written = written;
        }

        @Override
        void prologue() {
            super.prologue();
            MethodVisitor code = code();
            code.visitLabel(top);
            code.visitVarInsn(Opcodes.ILOAD, MEMBER);
            code.visitVarInsn(Opcodes.ILOAD, MEMBERS_END);
            code.visitJumpInsn(Opcodes.IF_ICMPGE, end);
            loopJumps = generated().openJumps();
        }

        @Override
        void freeLocalsFrom(int first) {
            nextLocal = first;
        }

        @Override
        void epilogue() {
            for (Map.Entry<double[], Integer> entry : held.entrySet()) {
                double[] column = entry.getKey();
                if (changed.contains(column)
                        && !(writtenFirst.contains(column) && readElsewhere != null && !readElsewhere.contains(column))) {
                    writeBack(column, entry.getValue());
                }
            }
            MethodVisitor code = code();
            code.visitIincInsn(MEMBER, 1);
            code.visitJumpInsn(Opcodes.GOTO, top);
            code.visitLabel(end);
        }

        /** In a batch nothing but Refs reads a member's state, so t need only be stored where a Ref reads it. */
        @Override
        boolean storesTime(Instance node) {
            return read.contains(batch.varColumns[positions.get(node)][node.kind.tSlot]);
        }

        /** Only Refs read exposure snapshots; a column no Ref reads need not be kept. */
        @Override
        boolean storesExposure(Instance node, int exposure) {
            return read.contains(batch.exposedColumns[positions.get(node)][exposure]);
        }

        private double[] column(Instance node, boolean exposed, int slot) {
            return (exposed ? batch.exposedColumns : batch.varColumns)[positions.get(node)][slot];
        }

        @Override
        void address(Instance node, boolean exposed, int slot) {
            double[] column = column(node, exposed, slot);
            code().visitVarInsn(Opcodes.ALOAD, layout().local(column));
            code().visitVarInsn(Opcodes.ILOAD, MEMBER);
        }

        @Override
        void load(Instance node, boolean exposed, int slot) {
            loadColumn(column(node, exposed, slot));
        }

        @Override
        void hold(Instance node, boolean exposed, int slot) {
            double[] column = column(node, exposed, slot);
            if (!held.containsKey(column) && constant(column) == null && holdable()) {
                loadColumn(column);
                code().visitInsn(Opcodes.POP2);
            }
        }

        private void loadColumn(double[] column) {
            MethodVisitor code = code();
            touched.add(column);
            Integer local = held.get(column);
            if (local != null) {
                code.visitVarInsn(Opcodes.DLOAD, local);
                return;
            }
            Double constant = constant(column);
            if (constant != null) {
                GeneratedClass.pushDouble(code, constant);
                return;
            }
            code.visitVarInsn(Opcodes.ALOAD, layout().local(column));
            code.visitVarInsn(Opcodes.ILOAD, MEMBER);
            code.visitInsn(Opcodes.DALOAD);
            if (holdable()) {
                code.visitInsn(Opcodes.DUP2);
                code.visitVarInsn(Opcodes.DSTORE, hold(column));
            }
        }

        @Override
        void store(Instance node, boolean exposed, int slot, Emission value) throws ExpressionEmitter.Unsupported {
            double[] column = column(node, exposed, slot);
            writes.add(column);
            layout().local(column);
            Integer local = held.get(column);
            if (local == null && !holdable()) {
                address(node, exposed, slot);
                value.run();
                touched.add(column);
                code().visitInsn(Opcodes.DASTORE);
                return;
            }
            value.run();
            if (local == null) {
                local = hold(column);
                if (!touched.contains(column)) {
                    writtenFirst.add(column);
                }
            }
            touched.add(column);
            changed.add(column);
            code().visitVarInsn(Opcodes.DSTORE, local);
        }

        /** Whether a column met now may be held in a local: only where every path passes and locals are left. */
        private boolean holdable() {
            return holdInLocals && generated().openJumps() == loopJumps && nextLocal <= MAX_LOCALS - 2;
        }

        private int hold(double[] column) {
            int local = nextLocal;
            nextLocal += 2;
            held.put(column, local);
            return local;
        }

        /** The value of a column the step never writes when every member holds the same (bit for bit). */
        private Double constant(double[] column) {
            if (written == null || written.contains(column) || column.length == 0) {
                return null;
            }
            long bits = Double.doubleToRawLongBits(column[0]);
            for (double value : column) {
                if (Double.doubleToRawLongBits(value) != bits) {
                    return null;
                }
            }
            return column[0];
        }

        private void writeBack(double[] column, int local) {
            MethodVisitor code = code();
            code.visitVarInsn(Opcodes.ALOAD, layout().local(column));
            code.visitVarInsn(Opcodes.ILOAD, MEMBER);
            code.visitVarInsn(Opcodes.DLOAD, local);
            code.visitInsn(Opcodes.DASTORE);
        }

        /** Writes every held column changed so far back, so code outside the step sees the member's current state. */
        private void writeBackChanged() {
            for (Map.Entry<double[], Integer> entry : held.entrySet()) {
                if (changed.contains(entry.getKey())) {
                    writeBack(entry.getKey(), entry.getValue());
                }
            }
        }

        @Override
        void read(Ref ref) {
            if (columns.contains(ref.array()) && ref.index() == 0) {
                loadColumn(ref.array());
            } else {
                if (columns.contains(ref.array())) {
                    readsOtherMembers = true;
                    writeBackChanged(); // another member's row: this member's may be among them
                } else {
                    readsOutside.add(ref.array());
                }
                super.read(ref);
            }
        }

        @Override
        void callback(int parameter, int position) {
            writeBackChanged();
            MethodVisitor code = code();
            code.visitVarInsn(Opcodes.ALOAD, parameter);
            code.visitVarInsn(Opcodes.ILOAD, MEMBER);
            GeneratedClass.pushInt(code, positions.size());
            code.visitInsn(Opcodes.IMUL);
            GeneratedClass.pushInt(code, position);
            code.visitInsn(Opcodes.IADD);
            code.visitInsn(Opcodes.AALOAD);
        }
    }
}
