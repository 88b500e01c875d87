package org.lemsbridge.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One runtime instance: its variables and exposure snapshots, its children in jLEMS advance order, and the
 * bindings (requirements, selects, event wires) resolved once before the first step.
 */
final class Instance {

    private static final Instance[] NO_INSTANCES = new Instance[0];
    private static final Ref[] NO_REFS = new Ref[0];
    private static final Ref[][] NO_REF_LISTS = new Ref[0][];
    private static final double[] NO_DOUBLES = new double[0];
    private static final boolean[] NO_BOOLEANS = new boolean[0];
    private static final Connection[] NO_CONNECTIONS = new Connection[0];
    private static final Connection[][] NO_PORTS = new Connection[0][];
    private static final KineticSchemeRun[] NO_SCHEMES = new KineticSchemeRun[0];
    private static final String[] NO_NAMES = new String[0];

    final Kind kind;
    /** The component this is an instance of: its id, texts, attributes and location (its Kind may be shared). */
    final org.lemsbridge.lems.Component component;
    final Instance parent;
    final Engine engine;
    final String id;
    final String name;
    /** Variables by slot, and exposure snapshots; null while the state lives in a batch's columns (see below). */
    double[] vars;
    double[] exposed;

    /** Child (and ChildInstance) members in creation order; each is found by its name (the first of a name wins). */
    private List<Instance> singles = List.of();
    /** Children lists, attachment sets and the multi group, in the order they were first made. */
    private String[] groupNames = NO_NAMES;
    private List<Instance>[] groupMembers;
    /** What few instances have (tunnels, a multi group, RK4, kinetic schemes, generated code); null if none. */
    private Extras extras;
    int regime;
    boolean connected;
    /** jLEMS runs the OnStart list twice per pass for instances of a "consolidated" state type (§3.3). */
    boolean doubledOnStart;

    private Ref[] requirements = NO_REFS;
    private Ref[][] selectSources = NO_REF_LISTS;
    private double[] selectFallbacks = NO_DOUBLES;
    private boolean[] selectMultiply = NO_BOOLEANS;
    /** Connections per out port while the tree is wired (null: none); bind freezes them into {@link #wires}. */
    private List<Connection>[] outgoing;
    private Connection[][] wires;
    private Instance[] order = NO_INSTANCES;
    /** Set when this instance's state lives in a batch's columns; copies member {@link #batchMember} back. */
    private java.util.function.IntConsumer unpackState;
    private int batchMember;

    private static final class Extras {
        /** Tunnel peers: reachable by name in paths but not advanced as children. */
        Map<String, Instance> tunnels;
        String multiGroup;
        Ref[] liveRequirements = NO_REFS;
        Ref[][] liveSelectSources = NO_REF_LISTS;
        Rk4Group rk4;
        CompiledSubtree compiled;
        double[][] compiledArrays;
        java.util.function.IntConsumer[] emitters;
        java.util.function.DoubleConsumer[] failures;
        /** The children advance() steps: {@link #order}, or fewer when a run of them steps as one batch. */
        Instance[] stepOrder;
        KineticSchemeRun[] schemes = NO_SCHEMES;
    }

    private Extras extras() {
        if (extras == null) {
            extras = new Extras();
        }
        return extras;
    }

    Instance(Kind kind, org.lemsbridge.lems.Component component, Instance parent, Engine engine, String name) {
        this.kind = kind;
        this.component = component;
        this.parent = parent;
        this.engine = engine;
        this.id = component.id();
        this.name = name;
        this.vars = kind.initialVars.clone();
        this.exposed = new double[kind.exposureNames.length];
        this.regime = kind.initialRegime;
    }

    /** A name as other instances see it: exposure snapshot first, then a variable, then the parent's lookup. */
    Ref lookup(String variable) {
        Integer exposure = kind.exposureIndex.get(variable);
        if (exposure != null) {
            return new Ref(exposed, exposure);
        }
        int slot = kind.slotOf(variable);
        if (slot >= 0) {
            return new Ref(vars, slot);
        }
        return parent == null ? null : parent.lookup(variable);
    }

    /** Like {@link #lookup} but reading the variable behind an exposure (for RK4 stages inside one group). */
    Ref lookupLive(String variable) {
        Integer exposure = kind.exposureIndex.get(variable);
        if (exposure != null) {
            int source = kind.exposureSources[exposure];
            return source >= 0 ? new Ref(vars, source)
                    : new Ref(exposed, exposure);
        }
        int slot = kind.slotOf(variable);
        if (slot >= 0 && !isRequirement(slot)) {
            return new Ref(vars, slot);
        }
        return parent == null ? null : parent.lookupLive(variable);
    }

    private boolean isRequirement(int slot) {
        for (int requirement : kind.requirementSlots) {
            if (requirement == slot) {
                return true;
            }
        }
        return false;
    }

    /** Like {@link #lookup} but without climbing to the parent: what a recorder path's last name means. */
    Ref lookupOwn(String variable) {
        Integer exposure = kind.exposureIndex.get(variable);
        if (exposure != null) {
            return new Ref(exposed, exposure);
        }
        int slot = kind.slotOf(variable);
        return slot >= 0 ? new Ref(vars, slot) : null;
    }

    /** Event recorders join after bind(), so they are appended to the frozen wires. */
    void connectRecorder(int outPort, Connection connection) {
        connect(outPort, connection);
    }

    String path() {
        String here = name != null ? name : id != null ? id : kind.type.name();
        return parent == null ? here : parent.path() + "/" + here;
    }

    /** Adds a Child or ChildInstance member; paths find it by its {@link #name}. */
    void addSingle(Instance child) {
        if (singles.isEmpty()) {
            singles = new ArrayList<>(2);
        }
        singles.add(child);
    }

    /** The Child or ChildInstance member of that name (the first one), or null. */
    Instance single(String childName) {
        for (int i = 0; i < singles.size(); i++) {
            Instance s = singles.get(i);
            if (childName.equals(s.name)) {
                return s;
            }
        }
        return null;
    }

    List<Instance> singles() {
        return singles;
    }

    void addToGroup(String group, Instance member) {
        ensureGroup(group).add(member);
    }

    /** The members of a group, made empty if there is none of that name yet. */
    @SuppressWarnings("unchecked")
    List<Instance> ensureGroup(String group) {
        List<Instance> members = group(group);
        if (members == null) {
            int n = groupNames.length;
            groupNames = java.util.Arrays.copyOf(groupNames, n + 1);
            groupMembers = groupMembers == null ? new List[1] : java.util.Arrays.copyOf(groupMembers, n + 1);
            groupNames[n] = group;
            members = new ArrayList<>(1);
            groupMembers[n] = members;
        }
        return members;
    }

    /** The members of a group, or null. */
    List<Instance> group(String group) {
        for (int i = 0; i < groupNames.length; i++) {
            if (groupNames[i].equals(group)) {
                return groupMembers[i];
            }
        }
        return null;
    }

    int groupCount() {
        return groupNames.length;
    }

    /** The i-th group's members, groups in the order they were made. */
    List<Instance> groupAt(int i) {
        return groupMembers[i];
    }

    void addTunnel(String tunnel, Instance peer) {
        Extras x = extras();
        if (x.tunnels == null) {
            x.tunnels = new LinkedHashMap<>();
        }
        x.tunnels.put(tunnel, peer);
    }

    /** A child by Child name, list-member id, or id/name inside a group. */
    Instance findChild(String step) {
        Instance single = single(step);
        if (single != null) {
            return single;
        }
        for (int i = 0; i < singles.size(); i++) {
            Instance s = singles.get(i);
            if (step.equals(s.id)) {
                return s;
            }
        }
        Instance peer = extras == null || extras.tunnels == null ? null : extras.tunnels.get(step);
        if (peer != null) {
            return peer;
        }
        for (int g = 0; g < groupNames.length; g++) {
            for (int m = 0; m < groupMembers[g].size(); m++) {
                Instance member = groupMembers[g].get(m);
                if (step.equals(member.id) || step.equals(member.name)) {
                    return member;
                }
            }
        }
        return null;
    }

    List<Instance> multiMembers() {
        if (extras != null && extras.multiGroup != null) {
            return group(extras.multiGroup);
        }
        if (groupNames.length == 1) {
            return groupMembers[0];
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    void connect(int outPort, Connection connection) {
        if (wires != null) {
            Connection[] frozen = wires[outPort];
            Connection[] grown = java.util.Arrays.copyOf(frozen, frozen.length + 1);
            grown[frozen.length] = connection;
            wires[outPort] = grown;
            return;
        }
        if (outgoing == null) {
            outgoing = new List[kind.outPorts.size()];
        }
        if (outgoing[outPort] == null) {
            outgoing[outPort] = new ArrayList<>(1);
        }
        outgoing[outPort].add(connection);
    }

    void bind(Ref[] requirementRefs, Ref[][] selectRefs, double[] fallbacks, boolean[] multiply) {
        this.requirements = requirementRefs;
        this.selectSources = selectRefs;
        this.selectFallbacks = fallbacks;
        this.selectMultiply = multiply;
        int children = singles.size();
        for (int g = 0; g < groupNames.length; g++) {
            children += groupMembers[g].size();
        }
        if (children > 0) {
            Instance[] all = new Instance[children];
            int at = 0;
            for (int i = 0; i < singles.size(); i++) {
                Instance single = singles.get(i);
                all[at++] = single;
            }
            for (int g = 0; g < groupNames.length; g++) {
                for (int m = 0; m < groupMembers[g].size(); m++) {
                    Instance member = groupMembers[g].get(m);
                    all[at++] = member;
                }
            }
            this.order = all;
        }
        int ports = kind.outPorts.size();
        if (ports == 0) {
            this.wires = NO_PORTS;
        } else {
            this.wires = new Connection[ports][];
            for (int p = 0; p < ports; p++) {
                wires[p] = outgoing == null || outgoing[p] == null ? NO_CONNECTIONS : outgoing[p].toArray(NO_CONNECTIONS);
            }
        }
        this.outgoing = null;
    }

    /** Names the group MultiInstantiate fills (the members {@link #multiMembers} gives). */
    void multiGroup(String group) {
        extras().multiGroup = group;
    }

    void bindLive(Ref[] requirementRefs, Ref[][] selectRefs) {
        Extras x = extras();
        x.liveRequirements = requirementRefs;
        x.liveSelectSources = selectRefs;
    }

    void bindSchemes(KineticSchemeRun[] kineticSchemes) {
        extras().schemes = kineticSchemes;
    }

    void integrateWithRk4(Rk4Group group) {
        extras().rk4 = group;
    }

    boolean usesRk4() {
        return extras != null && extras.rk4 != null;
    }

    /** From now on this instance's whole subtree steps through generated code (see BytecodeKernel). */
    void useCompiled(CompiledSubtree code, double[][] arrays, java.util.function.IntConsumer[] emitters,
            java.util.function.DoubleConsumer[] failures) {
        Extras x = extras();
        x.compiled = code;
        x.compiledArrays = arrays;
        x.emitters = emitters;
        x.failures = failures;
    }

    Ref[] requirementRefs() {
        return requirements;
    }

    /** Children to step, replacing {@link #advanceOrder()} in advance() (initialization has already run). */
    void stepOnly(Instance[] children) {
        extras().stepOrder = children;
    }

    /**
     * This instance's state now lives in batch columns, at row {@code member}: its own arrays are dropped (every
     * Ref is pointed at the columns) and {@code unpack} copies the row back into new ones for an error report.
     */
    void stateLivesElsewhere(java.util.function.IntConsumer unpack, int member) {
        this.unpackState = unpack;
        this.batchMember = member;
        this.vars = null;
        this.exposed = null;
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

    Connection[][] wires() {
        return wires;
    }

    /** Points every requirement and select (live ones too) somewhere else, e.g. into a batch's columns. */
    void redirectRefs(java.util.function.UnaryOperator<Ref> redirect) {
        requirements = redirectAll(requirements, redirect);
        for (int i = 0; i < selectSources.length; i++) {
            selectSources[i] = redirectAll(selectSources[i], redirect);
        }
        if (extras != null) {
            extras.liveRequirements = redirectAll(extras.liveRequirements, redirect);
            Ref[][] liveSelectSources = extras.liveSelectSources;
            for (int i = 0; i < liveSelectSources.length; i++) {
                liveSelectSources[i] = redirectAll(liveSelectSources[i], redirect);
            }
        }
    }

    private static Ref[] redirectAll(Ref[] refs, java.util.function.UnaryOperator<Ref> redirect) {
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

    Ref[][] selectSourceRefs() {
        return selectSources;
    }

    double[] selectFallbackValues() {
        return selectFallbacks;
    }

    boolean[] selectMultiplies() {
        return selectMultiply;
    }

    Instance[] advanceOrder() {
        return order;
    }

    // ---- initialization (lems-semantics §3.3) ----

    void initialize() {
        initPass(false);
        for (Instance child : order) {
            child.initialize();
        }
        initPass(true);
        for (Instance child : order) {
            child.initialize();
        }
        initPass(true);
    }

    private void initPass(boolean withDerived) {
        vars[kind.tSlot] = engine.time;
        readRequirements();
        if (withDerived) {
            evaluateDerived();
        }
        for (int repeat = doubledOnStart ? 2 : 1; repeat > 0; repeat--) {
            for (CompiledAction[] block : kind.onStarts) {
                CompiledAction.runAll(block, this);
            }
        }
        if (regime >= 0) {
            for (CompiledAction[] block : kind.regimes[regime].onEntries()) {
                CompiledAction.runAll(block, this);
            }
        }
        syncExposures();
    }

    // ---- one step (lems-semantics §2.2 - §2.4) ----

    /**
     * This instance's part of a step, once its children have advanced (kinetic schemes, Euler, regime); the
     * simulator calls it for every instance of the schedule ({@link #collectSchedule}), children first.
     */
    void advanceOwn(double t, double dt) {
        Extras x = extras;
        if (x != null) {
            if (x.compiled != null) {
                x.compiled.step(x.compiledArrays, x.emitters, x.failures, t, dt);
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

    /** The children advance() steps: {@link #order}, or fewer when a run of them steps as one batch. */
    private Instance[] stepOrder() {
        return extras != null && extras.stepOrder != null ? extras.stepOrder : order;
    }

    boolean hasKineticSchemes() {
        return extras != null && extras.schemes.length > 0;
    }

    private void step(double t, double dt) {
        double[] v = vars;
        v[kind.tSlot] = t;
        readRequirements();
        evaluateDerived();
        int[] rateSlots = kind.rateSlots;
        Kind.Code code = kind.code;
        if (rateSlots.length > 0) {
            double[] scratch = kind.rateScratch;
            code.rates().evaluate(v, scratch);
            for (int i = 0; i < rateSlots.length; i++) {
                v[rateSlots[i]] = v[rateSlots[i]] + (dt * scratch[i]);
            }
        }
        BoolOp[] tests = code.tests();
        for (int i = 0; i < tests.length; i++) {
            if (tests[i].test(v)) {
                CompiledAction.runAll(kind.conditionActions[i], this);
            }
        }
        checkFinite(t);
        syncExposures();
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

    private void readRequirements() {
        readRequirements(requirements);
    }

    private void readRequirements(Ref[] refs) {
        int[] slots = kind.requirementSlots;
        for (int i = 0; i < refs.length; i++) {
            Ref ref = refs[i];
            vars[slots[i]] = ref.array()[ref.index()];
        }
    }

    private void evaluateDerived() {
        evaluateDerived(selectSources);
    }

    /** One RK4 stage: current time, live requirements and selects, all derived variables, then the rates. */
    void evaluateStage(double t, double[] rates, int offset) {
        vars[kind.tSlot] = t;
        readRequirements(extras.liveRequirements);
        evaluateDerived(extras.liveSelectSources);
        DoubleOp[] ops = kind.rateOps;
        for (int i = 0; i < ops.length; i++) {
            rates[offset + i] = ops[i].eval(vars);
        }
    }

    /** After an RK4 step: conditions on the new state, the finiteness check and the exposure snapshot. */
    void finishRk4Step(double t) {
        BoolOp[] tests = kind.conditionTests;
        for (int i = 0; i < tests.length; i++) {
            if (tests[i].test(vars)) {
                CompiledAction.runAll(kind.conditionActions[i], this);
            }
        }
        checkFinite(t);
        syncExposures();
    }

    private void evaluateDerived(Ref[][] sourcesBySelect) {
        double[] v = vars;
        Kind.SelectVariable[] selects = kind.selects;
        for (int i = 0; i < selects.length; i++) {
            Ref[] sources = sourcesBySelect[i];
            double value;
            if (sources == null) {
                value = selectFallbacks[i];
            } else if (selectMultiply[i]) {
                value = 1.0;
                for (Ref source : sources) {
                    value = value * source.array()[source.index()];
                }
            } else {
                value = 0.0;
                for (Ref source : sources) {
                    value = value + source.array()[source.index()];
                }
            }
            v[selects[i].slot()] = value;
        }
        kind.code.derived().evaluate(v);
    }

    private void syncExposures() {
        int[] sources = kind.exposureSources;
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] >= 0) {
                exposed[i] = vars[sources[i]];
            }
        }
    }

    void checkFinite(double t) {
        int[] slots = kind.stateSlots;
        for (int i = 0; i < slots.length; i++) {
            double x = vars[slots[i]];
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw new SimulationException("state variable " + kind.stateNames[i] + " of " + path() + " became "
                        + x + " at t = " + t + " s (step " + engine.stepIndex + ")",
                        "the model may be unstable at this time step; try a smaller step");
            }
        }
    }

    // ---- events and regimes ----

    void emit(int outPort) {
        Connection[] targets = wires != null ? wires[outPort]
                : outgoing == null || outgoing[outPort] == null ? NO_CONNECTIONS : outgoing[outPort].toArray(NO_CONNECTIONS);
        for (Connection connection : targets) {
            if (connection.delay() > 0) {
                engine.schedule(connection);
            } else {
                connection.target().receive();
            }
        }
    }

    /** jLEMS runs a main-level OnEvent only in types without Regimes; otherwise only the active regime's. */
    void receive(String port) {
        CompiledAction[][] blocks = kind.regimes.length > 0 ? null : kind.onEvents.get(port);
        if (blocks != null) {
            for (CompiledAction[] block : blocks) {
                CompiledAction.runAll(block, this);
            }
        }
        if (regime >= 0) {
            CompiledAction[][] regimeBlocks = kind.regimes[regime].onEvents().get(port);
            if (regimeBlocks != null) {
                for (CompiledAction[] block : regimeBlocks) {
                    CompiledAction.runAll(block, this);
                }
            }
        }
    }

    void enterRegime(int index) {
        regime = index;
        for (CompiledAction[] block : kind.regimes[index].onEntries()) {
            CompiledAction.runAll(block, this);
        }
    }
}
