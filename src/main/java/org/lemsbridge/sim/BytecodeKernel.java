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

import org.objectweb.asm.Opcodes;
import org.lemsbridge.lems.Dynamics;
import org.lemsbridge.tree.Connection;
import org.lemsbridge.tree.Kind;
import org.lemsbridge.sim.Storage.Layout;
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
    static final int MAX_LOCALS = 250;
    /** {@code -Dlemsbridge.batch.parts=false}: every batch's step in one loop over its members. */
    static final String PARTS_PROPERTY = "lemsbridge.batch.parts";
    // the local variables of CompiledSubtree.step, in the order of its parameters, then the batch loop's
    private static final int[] PARAMETERS = parameterLocals(GeneratedClass.singleMethod(CompiledSubtree.class));
    static final int ARRAYS = PARAMETERS[0];
    static final int EMITTERS = PARAMETERS[1];
    static final int FAILURES = PARAMETERS[2];
    static final int TIME = PARAMETERS[3];
    static final int STEP = PARAMETERS[4];
    /** A batch's loop counter: it starts as the parameter {@code from}. */
    static final int MEMBER = PARAMETERS[5];
    static final int MEMBERS_END = PARAMETERS[6];
    static final int FIRST_FREE = PARAMETERS[7];

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
     * m * positions + p), its number of members, the size of one member's step in bytes of code, and whether a
     * member reads nothing but its own row of {@code arrays} (then nothing stepped elsewhere can change what it reads).
     */
    record Splittable(Instance first, CompiledSubtree code, double[][] arrays, IntConsumer[] emitters,
            DoubleConsumer[] failures, Instance[] nodes, int members, int memberCodeBytes, boolean readsOwnRowsOnly,
            boolean inParts) {
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
        Map<double[], Batch.Location> moved = new IdentityHashMap<>(referenced.size());
        for (Batch batch : kernel.batches) {
            batch.moveStateToColumns(moved, referenced);
        }
        UnaryOperator<Ref> redirect = ref -> {
            Batch.Location at = ref == null ? null : moved.get(ref.array());
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

    private void compileBatch(Batch batch) {
        List<Instance> first = batch.first();
        Layout layout = new Layout();
        GeneratedClass.Built code = null;
        BatchStorage storage = null;
        try {
            BatchStorage arraysOnly = BatchStorage.direct(layout, random, batch, read);
            collectArrays(first, arraysOnly);
            if (splitsIntoParts(first)) {
                BatchStorage parts = BatchStorage.splitting(layout, random, batch, read, readElsewhere,
                        arraysOnly.writes);
                GeneratedClass.Built partsCode = generate(first, parts);
                if (partsCode.codeBytes() <= GeneratedClass.JIT_LIMIT && independentMembers(partsCode, parts)) {
                    storage = parts;
                    code = partsCode;
                }
            }
            if (code == null) {
                storage = BatchStorage.holding(layout, random, batch, read, readElsewhere, arraysOnly.writes);
                code = generate(first, storage);
            }
            if (code.codeBytes() > GeneratedClass.JIT_LIMIT) {
                storage = BatchStorage.direct(layout, random, batch, read);
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
                    members, code.codeBytes(), storage.readsOutside.isEmpty(), storage.splitsIntoLoops()));
        }
    }

    /**
     * Whether a batch's step is written as one loop per part ({@link BatchStorage#splitting}), given members that
     * are independent: when some node has rates (an update worth a loop of its own) and at most one node sends
     * events, so events still go out in member order. {@code -Dlemsbridge.batch.parts=false} keeps one loop.
     */
    private static boolean splitsIntoParts(List<Instance> nodes) {
        if (!Boolean.parseBoolean(System.getProperty(PARTS_PROPERTY, "true"))) {
            return false;
        }
        boolean rates = false;
        int sending = 0;
        for (Instance node : nodes) {
            rates |= node.kind.rateSlots.length > 0;
            if (sendsEvents(node.kind)) {
                sending++;
            }
        }
        return rates && sending <= 1;
    }

    private static boolean sendsEvents(Kind kind) {
        Dynamics dynamics = kind.type.dynamics();
        if (dynamics == null) {
            return false;
        }
        for (Dynamics.OnCondition condition : dynamics.onConditions()) {
            for (Dynamics.Action action : condition.actions()) {
                if (action instanceof Dynamics.EventOut) {
                    return true;
                }
            }
        }
        return false;
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
        storage.freeLocalsFrom(maxLocals(nodes, storage.layout()));
        storage.prologue();
        int temps = FIRST_FREE + storage.layout().arrays.size();
        List<StepEmitter> steps = new ArrayList<>();
        for (int j = 0; j < nodes.size(); j++) {
            StepEmitter step = new StepEmitter(storage, nodes.get(j), j, temps);
            step.emit();
            steps.add(step);
        }
        if (storage.splitsIntoLoops()) {
            storage.cut();
            for (StepEmitter step : steps) {
                step.checkFinite();
            }
        }
        storage.epilogue();
        storage.generated().code().visitInsn(Opcodes.RETURN);
        return storage.generated().finish();
    }
}
