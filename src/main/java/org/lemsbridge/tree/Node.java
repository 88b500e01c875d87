package org.lemsbridge.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lemsbridge.lems.Component;

/**
 * One instance of the tree as {@link TreeBuilder} builds it: its component and compiled {@link Kind}, where it hangs
 * (its parent and {@link Role}), its children in jLEMS's order, its event wires, its variables and exposure
 * snapshots, and, once the tree is wired, its bindings: what each requirement and select reads ({@link Read}).
 * {@link Initialisation} runs on it; the simulator then takes its state and bindings into its own runtime form.
 */
public final class Node implements ActionTarget {

    /** How an instance hangs under its parent. */
    public enum Role {
        /** the root of the tree */
        ROOT,
        /** a {@code <Child>} component, under its Child name */
        CHILD,
        /** made by a ChildInstance, under the last step of its reference */
        CHILD_INSTANCE,
        /** a nested component in a {@code <Children>} list */
        LIST_MEMBER,
        /** made by MultiInstantiate, under its index */
        MULTI_MEMBER,
        /** made by an EventConnection receiver or a Tunnel, in an Attachments set */
        ATTACHMENT
    }

    /** The name of the group MultiInstantiate fills: no name written in a model can be it. */
    static final String MULTI_GROUP = "\u0000multi";

    private static final Node[] NO_NODES = new Node[0];
    private static final Read[] NO_READS = new Read[0];
    private static final Ref[] NO_REFS = new Ref[0];
    private static final Ref[][] NO_REF_LISTS = new Ref[0][];
    private static final Read[][] NO_READ_LISTS = new Read[0][];
    private static final String[] NO_NAMES = new String[0];
    private static final SchemeBinding[] NO_SCHEMES = new SchemeBinding[0];

    private final InstanceTree tree;
    private final Kind kind;
    private final Component component;
    private final Node parent;
    private final Role role;
    private final String name;
    private final double[] vars;
    private final double[] exposed;
    /** jLEMS runs the OnStart list twice per pass for instances of a "consolidated" state type (§3.3). */
    private final boolean doubledOnStart;
    private int regime;
    /** Set once its structure's connections have been made (the builder visits some nodes twice). */
    boolean connected;

    /** Child and ChildInstance members in creation order; each is found by its name (the first of a name wins). */
    private List<Node> singles = List.of();
    /** Children lists, attachment sets and the multi group, in the order they were first made. */
    private String[] groupNames = NO_NAMES;
    private List<Node>[] groupMembers;
    /** Whether MultiInstantiate fills the group {@link #MULTI_GROUP}. */
    private boolean multi;
    /** Tunnel peers: reachable by name in paths but not advanced as children. */
    private Map<String, Node> tunnels;
    /** Connections per out port (null: none yet). */
    private List<Connection>[] outgoing;

    private Node[] order = NO_NODES;
    /** What it reads once the tree is bound; null while it reads nothing (most instances of a large network). */
    private Bindings bindings;

    /** A node's requirements, selects and kinetic schemes as {@link Binder} binds them. */
    private static final class Bindings {
        Read[] requirements = NO_READS;
        Ref[] requirementRefs = NO_REFS;
        Read[][] selects = NO_READ_LISTS;
        Ref[][] selectRefs = NO_REF_LISTS;
        double[] selectFallbacks;
        boolean[] selectMultiply;
        Read[] liveRequirements;
        Read[][] liveSelects;
        SchemeBinding[] schemes = NO_SCHEMES;

        Bindings(Kind kind) {
            selectFallbacks = kind.zeroFallbacks;
            selectMultiply = kind.selectMultiply;
        }
    }

    Node(InstanceTree tree, Kind kind, Component component, Node parent, Role role, String name,
            boolean doubledOnStart) {
        this.tree = tree;
        this.kind = kind;
        this.component = component;
        this.parent = parent;
        this.role = role;
        this.name = name;
        this.doubledOnStart = doubledOnStart;
        this.vars = kind.initialVars.clone();
        this.exposed = new double[kind.exposureNames.length];
        this.regime = kind.initialRegime;
    }

    public Kind kind() {
        return kind;
    }

    /** The component this is an instance of: its id, texts, attributes and location (its Kind may be shared). */
    public Component component() {
        return component;
    }

    public Node parent() {
        return parent;
    }

    public Role role() {
        return role;
    }

    /** The name it has under its parent (Child name, index, ...), or null. */
    public String name() {
        return name;
    }

    public String id() {
        return component.id();
    }

    @Override
    public double[] vars() {
        return vars;
    }

    public double[] exposed() {
        return exposed;
    }

    /** The active regime, or -1. */
    public int regime() {
        return regime;
    }

    /** The path of this instance from the root, for messages ({@code net1/izpop/0}). */
    public String path() {
        String here = name != null ? name : id() != null ? id() : kind.type.name();
        return parent == null ? here : parent.path() + "/" + here;
    }

    // ---- lookups (lems-semantics §1) ----

    /** A name as other instances see it: exposure snapshot first, then a variable, then the parent's lookup. */
    public Read lookup(String variable) {
        for (Node at = this; at != null; at = at.parent) {
            Read own = at.own(this, variable);
            if (own != null) {
                return own;
            }
        }
        return null;
    }

    /** Like {@link #lookup} but without climbing to the parent: what a recorder path's last name means. */
    public Read lookupOwn(String variable) {
        return own(this, variable);
    }

    private Read own(Node from, String variable) {
        Integer exposure = kind.exposureIndex.get(variable);
        if (exposure != null) {
            return new Read(from, this, true, exposure);
        }
        int slot = kind.slotOf(variable);
        return slot >= 0 ? new Read(from, this, false, slot) : null;
    }

    /** Like {@link #lookup} but reading the variable behind an exposure (for RK4 stages inside one group). */
    Read lookupLive(String variable) {
        for (Node at = this; at != null; at = at.parent) {
            Integer exposure = at.kind.exposureIndex.get(variable);
            if (exposure != null) {
                int source = at.kind.exposureSources[exposure];
                return source >= 0 ? new Read(this, at, false, source) : new Read(this, at, true, exposure);
            }
            int slot = at.kind.slotOf(variable);
            if (slot >= 0 && !at.isRequirement(slot)) {
                return new Read(this, at, false, slot);
            }
        }
        return null;
    }

    private boolean isRequirement(int slot) {
        for (int requirement : kind.requirementSlots) {
            if (requirement == slot) {
                return true;
            }
        }
        return false;
    }

    // ---- children ----

    void addSingle(Node child) {
        if (singles.isEmpty()) {
            singles = new ArrayList<>(2);
        }
        singles.add(child);
    }

    /** The Child or ChildInstance member of that name (the first one), or null. */
    public Node single(String childName) {
        for (int i = 0; i < singles.size(); i++) {
            Node s = singles.get(i);
            if (childName.equals(s.name)) {
                return s;
            }
        }
        return null;
    }

    /** Child and ChildInstance members in creation order. */
    public List<Node> singles() {
        return singles;
    }

    void addToGroup(String group, Node member) {
        ensureGroup(group).add(member);
    }

    /** The members of a group, made empty if there is none of that name yet. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Node> ensureGroup(String group) {
        List<Node> members = group(group);
        if (members == null) {
            int n = groupNames.length;
            groupNames = Arrays.copyOf(groupNames, n + 1);
            groupMembers = groupMembers == null ? new List[1] : Arrays.copyOf(groupMembers, n + 1);
            groupNames[n] = group;
            members = new ArrayList<>(1);
            groupMembers[n] = members;
        }
        return members;
    }

    /** The members of a Children list, Attachments set or the MultiInstantiate group, or null. */
    public List<Node> group(String group) {
        for (int i = 0; i < groupNames.length; i++) {
            if (groupNames[i].equals(group)) {
                return groupMembers[i];
            }
        }
        return null;
    }

    /** The groups' names in the order they were made. */
    public List<String> groupNames() {
        return List.of(groupNames);
    }

    /** Every child: the singles, then each group's members, groups in the order they were made. */
    List<Node> children() {
        int count = singles.size();
        for (int g = 0; g < groupNames.length; g++) {
            count += groupMembers[g].size();
        }
        if (count == 0) {
            return List.of();
        }
        List<Node> all = new ArrayList<>(count);
        all.addAll(singles);
        for (int g = 0; g < groupNames.length; g++) {
            all.addAll(groupMembers[g]);
        }
        return all;
    }

    void addTunnel(String tunnel, Node peer) {
        if (tunnels == null) {
            tunnels = new LinkedHashMap<>();
        }
        tunnels.put(tunnel, peer);
    }

    /** A child by Child name, list-member id, tunnel name, or id/name inside a group. */
    public Node findChild(String step) {
        Node single = single(step);
        if (single != null) {
            return single;
        }
        for (int i = 0; i < singles.size(); i++) {
            Node s = singles.get(i);
            if (step.equals(s.id())) {
                return s;
            }
        }
        Node peer = tunnels == null ? null : tunnels.get(step);
        if (peer != null) {
            return peer;
        }
        for (int g = 0; g < groupNames.length; g++) {
            for (int m = 0; m < groupMembers[g].size(); m++) {
                Node member = groupMembers[g].get(m);
                if (step.equals(member.id()) || step.equals(member.name)) {
                    return member;
                }
            }
        }
        return null;
    }

    /** From now on {@link #multiMembers} gives the group {@link #MULTI_GROUP}, which MultiInstantiate fills. */
    void multiGroup() {
        multi = true;
    }

    /** The members {@code [i]} picks: the MultiInstantiate group, else the only group; null if neither. */
    public List<Node> multiMembers() {
        if (multi) {
            return group(MULTI_GROUP);
        }
        if (groupNames.length == 1) {
            return groupMembers[0];
        }
        return null;
    }

    // ---- events ----

    @SuppressWarnings({"unchecked", "rawtypes"})
    public void connect(int outPort, Connection connection) {
        if (outgoing == null) {
            outgoing = new List[kind.outPorts.size()];
        }
        if (outgoing[outPort] == null) {
            outgoing[outPort] = new ArrayList<>(1);
        }
        outgoing[outPort].add(connection);
    }

    /** The connections of an out port, in the order they were made. */
    public List<Connection> connections(int outPort) {
        return outgoing == null || outgoing[outPort] == null ? List.of() : outgoing[outPort];
    }

    /** An event sent during initialisation: delivered now, or after its delay once the steps run. */
    @Override
    public void emit(int outPort) {
        for (Connection connection : List.copyOf(connections(outPort))) {
            if (connection.delay() > 0) {
                tree.sentWithDelay(connection);
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

    // ---- bindings, made once the tree is wired (see Binder) ----

    void bind(Read[] requirementReads, Read[][] selectReads, double[] fallbacks, boolean[] multiply) {
        if (requirementReads.length > 0 || selectReads.length > 0 || fallbacks != kind.zeroFallbacks
                || multiply != kind.selectMultiply) {
            Bindings b = bindings();
            b.requirements = requirementReads;
            b.requirementRefs = refs(requirementReads);
            b.selects = selectReads;
            b.selectRefs = selectReads.length == 0 ? NO_REF_LISTS : new Ref[selectReads.length][];
            for (int i = 0; i < selectReads.length; i++) {
                b.selectRefs[i] = selectReads[i] == null ? null : refs(selectReads[i]);
            }
            b.selectFallbacks = fallbacks;
            b.selectMultiply = multiply;
        }
        List<Node> all = children();
        this.order = all.isEmpty() ? NO_NODES : all.toArray(NO_NODES);
    }

    private Bindings bindings() {
        if (bindings == null) {
            bindings = new Bindings(kind);
        }
        return bindings;
    }

    static Ref[] refs(Read[] reads) {
        if (reads.length == 0) {
            return NO_REFS;
        }
        Ref[] refs = new Ref[reads.length];
        for (int i = 0; i < reads.length; i++) {
            refs[i] = reads[i].ref();
        }
        return refs;
    }

    void bindLive(Read[] requirementReads, Read[][] selectReads) {
        Bindings b = bindings();
        b.liveRequirements = requirementReads;
        b.liveSelects = selectReads;
    }

    void bindSchemes(SchemeBinding[] kineticSchemes) {
        bindings().schemes = kineticSchemes;
    }

    /** The children in jLEMS's advance order (lems-semantics §2.2). */
    public Node[] advanceOrder() {
        return order;
    }

    /** What each requirement reads (from the parent's lookup). */
    public Read[] requirements() {
        return bindings == null ? NO_READS : bindings.requirements;
    }

    public Ref[] requirementRefs() {
        return bindings == null ? NO_REFS : bindings.requirementRefs;
    }

    /** What each select reads, in fold order; null where it found nothing and falls back. */
    public Read[][] selects() {
        return bindings == null ? NO_READ_LISTS : bindings.selects;
    }

    public Ref[][] selectRefs() {
        return bindings == null ? NO_REF_LISTS : bindings.selectRefs;
    }

    /** The value of each select that found nothing. */
    public double[] selectFallbacks() {
        return bindings == null ? kind.zeroFallbacks : bindings.selectFallbacks;
    }

    /** Whether each select multiplies (reduce="multiply") rather than adds. */
    public boolean[] selectMultiplies() {
        return bindings == null ? kind.selectMultiply : bindings.selectMultiply;
    }

    /** Whether this node's Dynamics integrates its subtree as one system (simultaneous="true", by RK4). */
    public boolean simultaneous() {
        return kind.type.dynamics() != null && kind.type.dynamics().simultaneous();
    }

    /** In an RK4 group: what each requirement reads live (the variables behind exposures); null elsewhere. */
    public Read[] liveRequirements() {
        return bindings == null ? null : bindings.liveRequirements;
    }

    /** In an RK4 group: what each select reads live; null elsewhere. */
    public Read[][] liveSelects() {
        return bindings == null ? null : bindings.liveSelects;
    }

    public SchemeBinding[] kineticSchemes() {
        return bindings == null ? NO_SCHEMES : bindings.schemes;
    }

    // ---- one initialisation pass (lems-semantics §3.3) ----

    /** Requirements, then (with derived) selects and derived variables, OnStart blocks, regime entry, exposures. */
    void initialisationPass(boolean withDerived) {
        vars[kind.tSlot] = 0.0;
        kind.readRequirements(vars, requirementRefs());
        if (withDerived) {
            kind.foldSelects(vars, selectRefs(), selectFallbacks(), selectMultiplies());
            kind.interpreted.derived().evaluate(vars);
        }
        for (int repeat = doubledOnStart ? 2 : 1; repeat > 0; repeat--) {
            for (CompiledAction[] block : kind.onStarts) {
                CompiledAction.runAll(block, this);
            }
        }
        if (regime >= 0) {
            kind.runOnEntries(regime, this);
        }
        kind.syncExposures(vars, exposed);
    }
}
