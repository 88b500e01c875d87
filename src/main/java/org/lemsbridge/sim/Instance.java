package org.lemsbridge.sim;

import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.tree.ActionTarget;
import org.lemsbridge.tree.BoolOp;
import org.lemsbridge.tree.CompiledAction;
import org.lemsbridge.tree.Connection;
import org.lemsbridge.tree.DoubleOp;
import org.lemsbridge.tree.Kind;
import org.lemsbridge.tree.Ref;

/**
 * One instance as the step loop runs it ({@link FrozenTree} makes it from the tree's node once the tree is built,
 * bound and initialised): its compiled Kind, its variables and exposure snapshots, what its requirements and selects
 * read, its event wires and its children in advance order. The variables, the regime, and where the state lives
 * (its own arrays or a batch's columns) are all that change.
 */
final class Instance implements ActionTarget {

    private static final Instance[] NO_INSTANCES = new Instance[0];

    final Kind kind;
    final Instance parent;
    private final String name;
    /** Where the component this is an instance of is written (for messages). */
    private final SourceLocation place;
    private final Engine engine;
    /** Variables by slot, and exposure snapshots; null while the state lives in a batch's columns (see below). */
    double[] vars;
    double[] exposed;
    int regime;
    /** What runs the derived variables, rates and tests: the interpreter's, until generated code replaces it. */
    Kind.Code code;

    private Ref[] requirements;
    private final Ref[][] selectSources;
    private final double[] selectFallbacks;
    private final boolean[] selectMultiply;
    private Connection[][] wires;
    private Instance[] order = NO_INSTANCES;
    /** What few instances have (RK4, kinetic schemes, generated code, a batch's stepping); null if none. */
    private Extras extras;
    /** Set when this instance's state lives in a batch's columns; copies member {@link #batchMember} back. */
    private IntConsumer unpackState;
    private int batchMember;

    private static final class Extras {
        Ref[] liveRequirements;
        Ref[][] liveSelectSources;
        Rk4Group rk4;
        CompiledSubtree compiled;
        double[][] compiledArrays;
        IntConsumer[] emitters;
        DoubleConsumer[] failures;
        int members;
        SplitStep split;
        /** The children advance() steps: {@link #order}, or fewer when a run of them steps as one batch. */
        Instance[] stepOrder;
        KineticSchemeRun[] schemes = new KineticSchemeRun[0];
    }

    private Extras extras() {
        if (extras == null) {
            extras = new Extras();
        }
        return extras;
    }

    Instance(Kind kind, Instance parent, String name, SourceLocation place, Engine engine, double[] vars,
            double[] exposed, int regime, Ref[] requirements, Ref[][] selectSources, double[] selectFallbacks,
            boolean[] selectMultiply) {
        this.kind = kind;
        this.place = place;
        this.parent = parent;
        this.name = name;
        this.engine = engine;
        this.vars = vars;
        this.exposed = exposed;
        this.regime = regime;
        this.code = kind.interpreted;
        this.requirements = requirements;
        this.selectSources = selectSources;
        this.selectFallbacks = selectFallbacks;
        this.selectMultiply = selectMultiply;
    }

    void wire(Connection[][] outPorts, Instance[] children) {
        this.wires = outPorts;
        this.order = children.length == 0 ? NO_INSTANCES : children;
    }

    void bindLive(Ref[] liveRequirements, Ref[][] liveSelectSources) {
        Extras x = extras();
        x.liveRequirements = liveRequirements;
        x.liveSelectSources = liveSelectSources;
    }

    void bindSchemes(KineticSchemeRun[] kineticSchemes) {
        extras().schemes = kineticSchemes;
    }

    void integrateWithRk4(Rk4Group group) {
        extras().rk4 = group;
    }

    @Override
    public double[] vars() {
        return vars;
    }

    String path() {
        return parent == null ? name : parent.path() + "/" + name;
    }

    boolean usesRk4() {
        return extras != null && extras.rk4 != null;
    }

    boolean hasKineticSchemes() {
        return extras != null && extras.schemes.length > 0;
    }

    Ref[] requirementRefs() {
        return requirements;
    }

    Ref[][] selectSourceRefs() {
        return selectSources;
    }

    double[] selectFallbackValues() {
        return selectFallbacks;
    }

    boolean[] selectMultiplies() {
        return selectMultiply;
    }

    Connection[][] wires() {
        return wires;
    }

    Instance[] advanceOrder() {
        return order;
    }

    // ---- generated code and batches (see BytecodeKernel) ----

    /**
     * From now on this instance's whole subtree steps through generated code; {@code members}: the number of members
     * when it steps a batch of them (1 for a subtree).
     */
    void useCompiled(CompiledSubtree compiled, double[][] arrays, IntConsumer[] emitters, DoubleConsumer[] failures,
            int members) {
        Extras x = extras();
        x.compiled = compiled;
        x.compiledArrays = arrays;
        x.emitters = emitters;
        x.failures = failures;
        x.members = members;
    }

    /** From now on the batch this instance steps (see {@link #useCompiled}) steps in chunks on several threads. */
    void stepSplit(SplitStep split) {
        extras().split = split;
    }

    /** Whether the batch this instance steps is split over several threads (see {@link #stepSplit}). */
    boolean stepsSplit() {
        return extras != null && extras.split != null;
    }

    /**
     * Whether this schedule entry's step ({@link #advanceOwn}) may read any of {@code arrays}: generated code that
     * uses one of them, or a requirement or select pointing into one (of the whole subtree for an RK4 group).
     */
    boolean stepReadsAnyOf(Set<double[]> arrays) {
        if (extras != null && extras.compiled != null) {
            for (double[] array : extras.compiledArrays) {
                if (arrays.contains(array)) {
                    return true;
                }
            }
            return false;
        }
        if (pointsInto(requirements, arrays) || anyPointsInto(selectSources, arrays) || (extras != null
                && (pointsInto(extras.liveRequirements, arrays) || anyPointsInto(extras.liveSelectSources, arrays)))) {
            return true;
        }
        if (usesRk4()) {
            for (Instance child : order) {
                if (child.stepReadsAnyOf(arrays)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyPointsInto(Ref[][] groups, Set<double[]> arrays) {
        if (groups != null) {
            for (Ref[] refs : groups) {
                if (pointsInto(refs, arrays)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean pointsInto(Ref[] refs, Set<double[]> arrays) {
        if (refs != null) {
            for (Ref ref : refs) {
                if (ref != null && arrays.contains(ref.array())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether every event any instance of this subtree sends changes nothing: each connection reaches, without delay,
     * an in port that has no action (so sending may be skipped altogether).
     */
    boolean sendsOnlyToNothing() {
        if (wires != null) {
            for (Connection[] port : wires) {
                for (Connection connection : port) {
                    if (connection.delay() != 0 || !(connection.target() instanceof InstancePort receiver)
                            || !receiver.doesNothing()) {
                        return false;
                    }
                }
            }
        }
        for (Instance child : order) {
            if (!child.sendsOnlyToNothing()) {
                return false;
            }
        }
        return true;
    }

    /** Children to step, replacing {@link #advanceOrder()} (when a run of them steps as one batch). */
    void stepOnly(Instance[] children) {
        extras().stepOrder = children;
    }

    /**
     * This instance's state now lives in batch columns, at row {@code member}: its own arrays are dropped (every
     * Ref is pointed at the columns) and {@code unpack} copies the row back into new ones for an error report.
     */
    void stateLivesElsewhere(IntConsumer unpack, int member) {
        this.unpackState = unpack;
        this.batchMember = member;
        this.vars = null;
        this.exposed = null;
    }

    /** Whether this instance's state lives in a batch's columns (see {@link #stateLivesElsewhere}). */
    boolean inBatch() {
        return unpackState != null;
    }

    /** Arrays for a batched instance's state to be copied back into (see {@link #stateLivesElsewhere}). */
    void restoreArrays() {
        if (vars == null) {
            vars = new double[kind.initialVars.length];
            exposed = new double[kind.exposureNames.length];
        }
    }

    /** Generated code calls this when a state variable is not finite: reports it as the interpreter does. */
    void failedFinite(double t) {
        if (unpackState != null) {
            unpackState.accept(batchMember);
        }
        checkFinite(t);
    }

    /** Points every requirement and select (live ones too) somewhere else, e.g. into a batch's columns. */
    void redirectRefs(UnaryOperator<Ref> redirect) {
        requirements = redirectAll(requirements, redirect);
        for (int i = 0; i < selectSources.length; i++) {
            selectSources[i] = redirectAll(selectSources[i], redirect);
        }
        if (extras != null && extras.liveRequirements != null) {
            extras.liveRequirements = redirectAll(extras.liveRequirements, redirect);
            Ref[][] liveSelectSources = extras.liveSelectSources;
            for (int i = 0; i < liveSelectSources.length; i++) {
                liveSelectSources[i] = redirectAll(liveSelectSources[i], redirect);
            }
        }
    }

    private static Ref[] redirectAll(Ref[] refs, UnaryOperator<Ref> redirect) {
        if (refs == null) {
            return null;
        }
        Ref[] result = refs;
        for (int i = 0; i < refs.length; i++) {
            Ref to = redirect.apply(refs[i]);
            if (to != refs[i]) {
                if (result == refs) {
                    result = refs.clone();
                }
                result[i] = to;
            }
        }
        return result;
    }

    // ---- one step (lems-semantics §2.2 - §2.4) ----

    /**
     * This instance's part of a step, once its children have advanced (kinetic schemes, Euler, regime); the
     * simulator calls it for every instance of the schedule ({@link #collectSchedule}), children first.
     */
    void advanceOwn(double t, double dt) {
        Extras x = extras;
        if (x != null) {
            if (x.split != null) {
                x.split.step(t, dt);
                return;
            }
            if (x.compiled != null) {
                x.compiled.step(x.compiledArrays, x.emitters, x.failures, t, dt, 0, x.members);
                return;
            }
            if (x.rk4 != null) {
                x.rk4.advance(t, dt);
                return;
            }
            for (KineticSchemeRun scheme : x.schemes) {
                scheme.advance(dt);
            }
        }
        step(t, dt);
        if (regime >= 0) {
            regimeStep(dt);
            checkFinite(t);
        }
    }

    /** The instances in this subtree (itself included), counted up to {@code limit}. */
    int countUpTo(int limit) {
        int count = 1;
        for (Instance child : order) {
            if (count >= limit) {
                break;
            }
            count += child.countUpTo(limit - count);
        }
        return count;
    }

    /** The instances of this subtree in advance order (children first); an RK4 group stands for its subtree. */
    void collectSchedule(List<Instance> into) {
        if (extras != null && extras.compiled != null) {
            into.add(this); // its generated code steps the whole subtree (or batch)
            return;
        }
        if (!usesRk4()) {
            for (Instance child : stepOrder()) {
                child.collectSchedule(into);
            }
        }
        into.add(this);
    }

    /** Every instance whose step the interpreter still runs (not inside generated code), RK4 members included. */
    void collectInterpreted(List<Instance> into) {
        if (extras != null && extras.compiled != null) {
            return;
        }
        into.add(this);
        for (Instance child : usesRk4() ? order : stepOrder()) {
            child.collectInterpreted(into);
        }
    }

    private Instance[] stepOrder() {
        return extras != null && extras.stepOrder != null ? extras.stepOrder : order;
    }

    private void step(double t, double dt) {
        double[] v = vars;
        v[kind.tSlot] = t;
        kind.readRequirements(v, requirements);
        kind.foldSelects(v, selectSources, selectFallbacks, selectMultiply);
        Kind.Code run = code;
        run.derived().evaluate(v);
        int[] rateSlots = kind.rateSlots;
        if (rateSlots.length > 0) {
            double[] scratch = kind.rateScratch;
            run.rates().evaluate(v, scratch);
            for (int i = 0; i < rateSlots.length; i++) {
                v[rateSlots[i]] = v[rateSlots[i]] + (dt * scratch[i]);
            }
        }
        BoolOp[] tests = run.tests();
        for (int i = 0; i < tests.length; i++) {
            if (tests[i].test(v)) {
                CompiledAction.runAll(kind.conditionActions[i], this);
            }
        }
        checkFinite(t);
        kind.syncExposures(v, exposed);
    }

    private void regimeStep(double dt) {
        double[] v = vars;
        Kind.Regime active = kind.regimes[regime];
        int[] slots = active.rateSlots();
        DoubleOp[] rates = active.rates();
        for (int i = 0; i < slots.length; i++) {
            v[slots[i]] = v[slots[i]] + (dt * rates[i].eval(v));
        }
        BoolOp[] tests = active.tests();
        for (int i = 0; i < tests.length; i++) {
            if (tests[i].test(v)) {
                CompiledAction.runAll(active.conditionActions()[i], this);
            }
        }
    }

    /** One RK4 stage: current time, live requirements and selects, all derived variables, then the rates. */
    void evaluateStage(double t, double[] rates, int offset) {
        vars[kind.tSlot] = t;
        kind.readRequirements(vars, extras.liveRequirements);
        kind.foldSelects(vars, extras.liveSelectSources, selectFallbacks, selectMultiply);
        code.derived().evaluate(vars);
        DoubleOp[] ops = kind.rateOps;
        for (int i = 0; i < ops.length; i++) {
            rates[offset + i] = ops[i].eval(vars);
        }
    }

    /** After an RK4 step: conditions on the new state, the finiteness check and the exposure snapshot. */
    void finishRk4Step(double t) {
        BoolOp[] tests = code.tests();
        for (int i = 0; i < tests.length; i++) {
            if (tests[i].test(vars)) {
                CompiledAction.runAll(kind.conditionActions[i], this);
            }
        }
        checkFinite(t);
        kind.syncExposures(vars, exposed);
    }

    void checkFinite(double t) {
        int[] slots = kind.stateSlots;
        for (int i = 0; i < slots.length; i++) {
            double x = vars[slots[i]];
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw new SimulationException(kind.stateNames[i], path(), x, t, engine.stepIndex, place);
            }
        }
    }

    // ---- events and regimes ----

    @Override
    public void emit(int outPort) {
        for (Connection connection : wires[outPort]) {
            if (connection.delay() > 0) {
                engine.schedule(connection);
            } else {
                connection.target().receive();
            }
        }
    }

    void receive(String port) {
        kind.receive(port, regime, this);
    }

    @Override
    public void enterRegime(int index) {
        regime = index;
        kind.runOnEntries(index, this);
    }
}
