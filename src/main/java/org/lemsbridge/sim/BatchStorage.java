package org.lemsbridge.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;

import org.lemsbridge.tree.Ref;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Member 0's code, run for every member: columns indexed by the member number. Within a member's step each column
 * the code reads or writes on every path is held in a local variable: read from its column at most once, written
 * back once at the end (and before any callback, which may look at the columns), and not at all when the step
 * writes it before anything reads it and no Ref outside the member reads it. A column the step never writes and
 * whose members all hold the same value becomes a constant.
 * <p>
 * Split into loops ({@link #splitting}), the code runs each part of the step for every member before the next part
 * ({@link #cut}): a part without branches, such as a node's rates and Euler update, is then a loop the JIT turns into
 * vector instructions. Each member still runs its own operations in the same order, so where members are independent
 * it computes the same bits.
 */
final class BatchStorage extends Storage {
    private final boolean holdInLocals;
    private final Batch batch;
    /** Member 0's nodes by post-order position. */
    private final Map<Instance, Integer> positions = new IdentityHashMap<>();
    private final Set<double[]> columns;
    private final Set<double[]> read;
    /** Columns some Ref other than a member's own reads of its own row reads. */
    private final Set<double[]> readElsewhere;
    /** Columns the step never writes and every member holds the same value in, with that value. */
    private final Map<double[], Double> constants;
    /** One loop over the members per part of the step (see {@link #cut}). */
    private final boolean splitting;
    private Label top = new Label();
    private Label end = new Label();
    private int firstHeldLocal;
    /** The code's size when the current loop began: a cut right after it adds no loop. */
    private int loopStart;
    /** Arrays outside the batch's columns that the code reads (requirements and selects). */
    final Set<double[]> readsOutside = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Whether a member reads another member's row (then members depend on each other's order). */
    boolean readsOtherMembers;
    /** Every column this code writes. */
    final Set<double[]> writes = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<double[], Integer> held = new IdentityHashMap<>();
    /** The held columns in the order they were first held, so the generated code is the same from run to run. */
    private final List<double[]> heldInOrder = new ArrayList<>();
    private final Set<double[]> changed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<double[]> touched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<double[]> writtenFirst = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nextLocal = Integer.MAX_VALUE;
    private int loopJumps;

    private BatchStorage(Layout layout, DoubleSupplier random, Batch batch, Set<double[]> read, boolean holdInLocals,
            Set<double[]> readElsewhere, Map<double[], Double> constants, boolean splitting) {
        super(layout, random);
        this.holdInLocals = holdInLocals;
        this.splitting = splitting;
        this.batch = batch;
        List<Instance> first = batch.first();
        for (int p = 0; p < first.size(); p++) {
            positions.put(first.get(p), p);
        }
        this.columns = batch.columns();
        this.read = read;
        this.readElsewhere = readElsewhere;
        this.constants = constants;
    }

    /** Code that reads and writes the columns where the step does ({@code read}: the arrays some Ref reads). */
    static BatchStorage direct(Layout layout, DoubleSupplier random, Batch batch, Set<double[]> read) {
        return new BatchStorage(layout, random, batch, read, false, Set.of(), Map.of(), false);
    }

    /**
     * Code that holds columns in local variables (see the class comment): {@code readElsewhere}, the arrays some Ref
     * other than a member's read of its own row reads; {@code written}, every column the step writes.
     */
    static BatchStorage holding(Layout layout, DoubleSupplier random, Batch batch, Set<double[]> read,
            Set<double[]> readElsewhere, Set<double[]> written) {
        return new BatchStorage(layout, random, batch, read, true, readElsewhere, batch.sameInEveryMember(written),
                false);
    }

    /**
     * Like {@link #holding}, with the step split into one loop per part ({@link #cut}): only for members that are
     * independent of each other within a step.
     */
    static BatchStorage splitting(Layout layout, DoubleSupplier random, Batch batch, Set<double[]> read,
            Set<double[]> readElsewhere, Set<double[]> written) {
        return new BatchStorage(layout, random, batch, read, true, readElsewhere, batch.sameInEveryMember(written),
                true);
    }

    @Override
    boolean splitsIntoLoops() {
        return splitting;
    }

    @Override
    void prologue() {
        if (splitting) {
            generated().beginPart();
        }
        super.prologue();
        openLoop();
    }

    private void openLoop() {
        MethodVisitor code = code();
        code.visitLabel(top);
        code.visitVarInsn(Opcodes.ILOAD, BytecodeKernel.MEMBER);
        code.visitVarInsn(Opcodes.ILOAD, BytecodeKernel.MEMBERS_END);
        code.visitJumpInsn(Opcodes.IF_ICMPGE, end);
        loopJumps = generated().openJumps();
        loopStart = generated().size();
    }

    private void closeLoop() {
        MethodVisitor code = code();
        code.visitIincInsn(BytecodeKernel.MEMBER, 1);
        code.visitJumpInsn(Opcodes.GOTO, top);
        code.visitLabel(end);
    }

    /**
     * Ends the loop of the step's part written so far and starts the next part, a method of its own with its own loop
     * over the members: what the part changed goes back to the columns, which the next part reads afresh.
     */
    @Override
    void cut() {
        if (!splitting || generated().size() == loopStart) {
            return;
        }
        if (generated().openJumps() != loopJumps) {
            throw new IllegalStateException("a step is cut only where every path passes");
        }
        writeBackChanged();
        closeLoop();
        held.clear();
        heldInOrder.clear();
        changed.clear();
        nextLocal = firstHeldLocal;
        top = new Label();
        end = new Label();
        generated().beginPart();
        super.prologue();
        openLoop();
    }

    @Override
    void freeLocalsFrom(int first) {
        firstHeldLocal = first;
        nextLocal = first;
    }

    @Override
    void epilogue() {
        for (double[] column : heldInOrder) {
            if (changed.contains(column) && !(writtenFirst.contains(column) && !readElsewhere.contains(column))) {
                writeBack(column, held.get(column));
            }
        }
        closeLoop();
        if (splitting) {
            generated().callParts();
        }
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
        code().visitVarInsn(Opcodes.ILOAD, BytecodeKernel.MEMBER);
    }

    @Override
    void load(Instance node, boolean exposed, int slot) {
        loadColumn(column(node, exposed, slot));
    }

    @Override
    void hold(Instance node, boolean exposed, int slot) {
        double[] column = column(node, exposed, slot);
        if (!held.containsKey(column) && !constants.containsKey(column) && holdable()) {
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
        Double constant = constants.get(column);
        if (constant != null) {
            GeneratedClass.pushDouble(code, constant);
            return;
        }
        code.visitVarInsn(Opcodes.ALOAD, layout().local(column));
        code.visitVarInsn(Opcodes.ILOAD, BytecodeKernel.MEMBER);
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
        return holdInLocals && generated().openJumps() == loopJumps && nextLocal <= BytecodeKernel.MAX_LOCALS - 2;
    }

    private int hold(double[] column) {
        int local = nextLocal;
        nextLocal += 2;
        held.put(column, local);
        heldInOrder.add(column);
        return local;
    }

    private void writeBack(double[] column, int local) {
        MethodVisitor code = code();
        code.visitVarInsn(Opcodes.ALOAD, layout().local(column));
        code.visitVarInsn(Opcodes.ILOAD, BytecodeKernel.MEMBER);
        code.visitVarInsn(Opcodes.DLOAD, local);
        code.visitInsn(Opcodes.DASTORE);
    }

    /** Writes every held column changed so far back, so code outside the step sees the member's current state. */
    private void writeBackChanged() {
        for (double[] column : heldInOrder) {
            if (changed.contains(column)) {
                writeBack(column, held.get(column));
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
        code.visitVarInsn(Opcodes.ILOAD, BytecodeKernel.MEMBER);
        GeneratedClass.pushInt(code, positions.size());
        code.visitInsn(Opcodes.IMUL);
        GeneratedClass.pushInt(code, position);
        code.visitInsn(Opcodes.IADD);
        code.visitInsn(Opcodes.AALOAD);
    }
}
