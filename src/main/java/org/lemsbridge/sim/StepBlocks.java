package org.lemsbridge.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

import org.lemsbridge.error.Rethrow;
import org.lemsbridge.tree.Ref;

/**
 * Steps a run's split batches ahead of the rest of the step, up to {@link #STEPS} steps at a time, each piece of
 * consecutive members through all the steps of a block on one thread: the team meets once a block instead of once a
 * step. That writes what stepping in order writes when nothing the batches' members read changes outside their own
 * rows, nothing else reads their rows while they step, and no events flow: then each member's steps depend on nothing
 * but its own earlier steps. {@link #plan} checks exactly that and otherwise leaves the run to step split batches one
 * step at a time ({@link SplitBatch}). The rest of the schedule still steps one step at a time on the stepping thread,
 * after the batches' block; the batches' values the output files record are sampled after every step of the block
 * and replayed row by row. A member that fails is reported at its own step, in schedule and member order, as if the
 * run had stepped in order ({@link BlockedBatch}).
 */
final class StepBlocks implements StepTeam.Job {

    /** Steps in one block: the team meets once for them. */
    static final int STEPS = 64;
    /** The most members of one piece: its columns stay in the core's cache through the steps of a block. */
    static final int PIECE_MEMBERS = 2048;
    /** Pieces per thread at least: a thread that falls behind leaves its pieces to the others. */
    private static final int PIECES_PER_THREAD = 4;
    /** {@code -Dlemsbridge.threads.blocks=false} keeps split batches stepping one step at a time (for comparison). */
    static final String PROPERTY = "lemsbridge.threads.blocks";

    private final StepTeam team;
    private final BlockChoice choice;
    /** The thread that steps the run: it times the pieces it steps (see {@link BlockChoice}). */
    private final Thread stepper = Thread.currentThread();
    private long ownNanos;
    private long ownMembers;
    private final long members;
    private final List<BlockedBatch> batches;
    private final Piece[] pieces;
    private final double[] times = new double[STEPS];
    /** Recorded values of the batches after each step of the block: row j at j * sampled. */
    private final double[] samples;
    /** What the output files read: the sampled values of the step they write. */
    private final double[] replay;
    private final Ref[] sampledSources;
    private int steps;
    private long first = Long.MAX_VALUE;
    private long next = 1;
    /** The step the stepping thread is completing. */
    private long current;
    private double dt;

    /** Members from to to of a batch, stepped through a whole block on one thread, and the values recorded of them. */
    private static final class Piece {
        final BlockedBatch batch;
        final int from;
        final int to;
        final double[][] sampleArrays;
        final int[] sampleIndexes;
        final int[] sampleSlots;
        /** The block's step in which the piece stopped (a member failed or threw), or -1; set by the thread. */
        int failedStep = -1;
        int failedNode;
        Throwable thrown;

        Piece(BlockedBatch batch, int from, int to, List<int[]> samples, double[][] sampleArrays) {
            this.batch = batch;
            this.from = from;
            this.to = to;
            this.sampleArrays = sampleArrays;
            this.sampleIndexes = new int[samples.size()];
            this.sampleSlots = new int[samples.size()];
            for (int s = 0; s < samples.size(); s++) {
                sampleIndexes[s] = samples.get(s)[0];
                sampleSlots[s] = samples.get(s)[1];
            }
        }
    }

    /** What a member's failure callback throws in a block: which node failed, reported later at its step. */
    private static final class MemberFailed extends RuntimeException {
        final int node;

        MemberFailed(int node) {
            super(null, null, false, false);
            this.node = node;
        }
    }

    private StepBlocks(StepTeam team, BlockChoice choice, List<BytecodeKernel.Splittable> split,
            List<OutputRecorder> writers) {
        this.team = team;
        this.choice = choice;
        Map<double[], BytecodeKernel.Splittable> owners = new IdentityHashMap<>();
        for (BytecodeKernel.Splittable batch : split) {
            for (double[] array : batch.arrays()) {
                owners.put(array, batch);
            }
        }
        Map<Ref, Integer> slots = new HashMap<>();
        List<Ref> sampled = new ArrayList<>();
        for (OutputRecorder writer : writers) {
            writer.forEachSource(ref -> {
                if (owners.containsKey(ref.array()) && !slots.containsKey(ref)) {
                    slots.put(ref, sampled.size());
                    sampled.add(ref);
                }
            });
        }
        this.sampledSources = sampled.toArray(Ref[]::new);
        this.samples = new double[STEPS * sampledSources.length];
        this.replay = new double[sampledSources.length];
        this.batches = new ArrayList<>();
        List<Piece> all = new ArrayList<>();
        for (BytecodeKernel.Splittable batch : split) {
            BlockedBatch blocked = new BlockedBatch(batch, this);
            batches.add(blocked);
            int count = pieceCount(batch.members(), team.threads());
            for (int p = 0; p < count; p++) {
                int from = (int) ((long) batch.members() * p / count);
                int to = (int) ((long) batch.members() * (p + 1) / count);
                List<int[]> samples = new ArrayList<>();
                List<double[]> arrays = new ArrayList<>();
                for (int s = 0; s < sampledSources.length; s++) {
                    Ref ref = sampledSources[s];
                    if (owners.get(ref.array()) == batch && ref.index() >= from && ref.index() < to) {
                        samples.add(new int[] {ref.index(), s});
                        arrays.add(ref.array());
                    }
                }
                all.add(new Piece(blocked, from, to, samples, arrays.toArray(double[][]::new)));
            }
            batch.first().stepSplit(blocked);
        }
        this.pieces = all.toArray(Piece[]::new);
        long total = 0;
        for (BytecodeKernel.Splittable batch : split) {
            total += batch.members();
        }
        this.members = total;
        for (OutputRecorder writer : writers) {
            writer.redirect(ref -> {
                Integer slot = slots.get(ref);
                return slot == null ? ref : new Ref(replay, slot);
            });
        }
    }

    private static int pieceCount(int members, int threads) {
        int byCache = (members + PIECE_MEMBERS - 1) / PIECE_MEMBERS;
        return Math.min(members, Math.max(threads * PIECES_PER_THREAD, byCache));
    }

    /**
     * Blocks for the run if it can step its split batches ahead (see the class comment), else null. {@code split}:
     * the batches {@link BatchThreads} split over {@code team} (null: none); {@code schedule}: what the stepping
     * thread steps each step; {@code automatic}: threads chosen automatically, so a block steps on the team while
     * that gains ({@link BlockChoice}), else always on the team.
     */
    static StepBlocks plan(Instance root, Instance[] schedule, List<BytecodeKernel.Splittable> split, StepTeam team,
            boolean automatic, List<OutputRecorder> writers, List<EventRecorder> eventWriters, Engine engine) {
        if (team == null || !Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || !eventWriters.isEmpty()
                || !engine.idle()) {
            return null;
        }
        List<BytecodeKernel.Splittable> stepped = new ArrayList<>();
        for (BytecodeKernel.Splittable batch : split) {
            if (batch.first().stepsSplit()) {
                if (!batch.readsOwnRowsOnly()) {
                    return null;
                }
                stepped.add(batch);
            }
        }
        if (stepped.isEmpty()) {
            return null;
        }
        Set<double[]> columns = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Instance> firsts = Collections.newSetFromMap(new IdentityHashMap<>());
        for (BytecodeKernel.Splittable batch : stepped) {
            Collections.addAll(columns, batch.arrays());
            firsts.add(batch.first());
        }
        for (Instance entry : schedule) {
            if (!firsts.contains(entry) && entry.stepReadsAnyOf(columns)) {
                return null;
            }
        }
        if (!root.sendsOnlyToNothing()) {
            return null;
        }
        return new StepBlocks(team, automatic ? BlockChoice.timed() : BlockChoice.always(),
                stepped, writers);
    }

    /**
     * Called at the start of step {@code k} (time {@code t}) of {@code n}: when step k begins a new block, steps every
     * batch through the block's steps (k to at most k + STEPS - 1) on the team.
     */
    void reach(long k, double t, double dt, long n) {
        current = k;
        if (k < next) {
            return;
        }
        steps = (int) Math.min(STEPS, n - k + 1);
        first = k;
        next = k + steps;
        this.dt = dt;
        times[0] = t;
        for (int j = 1; j < steps; j++) {
            times[j] = times[j - 1] + dt;
        }
        if (choice.together()) {
            ownNanos = 0;
            ownMembers = 0;
            long start = System.nanoTime();
            team.run(this, t, dt);
            choice.steppedTogether(System.nanoTime() - start, ownNanos, ownMembers, members);
        } else {
            for (Piece piece : pieces) {
                stepPiece(piece);
            }
            choice.steppedAlone();
        }
        for (BlockedBatch batch : batches) {
            batch.clearFailure();
        }
        for (Piece piece : pieces) {
            if (piece.failedStep >= 0) {
                piece.batch.noteFailure(piece);
            }
        }
    }

    /** Sets what the output files read to the batches' values after step {@code k}. */
    void replay(long k) {
        if (k < first) {
            for (int s = 0; s < replay.length; s++) {
                replay[s] = sampledSources[s].get();
            }
            return;
        }
        System.arraycopy(samples, (int) (k - first) * replay.length, replay, 0, replay.length);
    }

    /** The block's step the stepping thread is completing (0 for the block's first). */
    int stepInBlock() {
        return (int) (current - first);
    }

    @Override
    public int chunks() {
        return pieces.length;
    }

    @Override
    public void runChunk(int chunk, double t, double ignored) {
        if (Thread.currentThread() == stepper) {
            long start = System.nanoTime();
            stepPiece(pieces[chunk]);
            ownNanos += System.nanoTime() - start;
            ownMembers += pieces[chunk].to - pieces[chunk].from;
        } else {
            stepPiece(pieces[chunk]);
        }
    }

    private void stepPiece(Piece piece) {
        BlockedBatch batch = piece.batch;
        piece.failedStep = -1;
        piece.thrown = null;
        int width = replay.length;
        for (int j = 0; j < steps; j++) {
            try {
                batch.code.step(batch.arrays, batch.emitters, batch.reporting, times[j], dt, piece.from, piece.to);
            } catch (MemberFailed failed) {
                piece.failedStep = j;
                piece.failedNode = failed.node;
                return;
            } catch (RuntimeException | Error thrown) {
                piece.failedStep = j;
                piece.thrown = thrown;
                return;
            }
            int[] indexes = piece.sampleIndexes;
            for (int s = 0; s < indexes.length; s++) {
                samples[j * width + piece.sampleSlots[s]] = piece.sampleArrays[s][indexes[s]];
            }
        }
    }

    /**
     * A batch stepped in blocks: its first member's step in the schedule does nothing but report the first failure
     * of the block's step now being completed, in member order, as stepping in order would have at that point.
     */
    static final class BlockedBatch implements SplitStep {
        final CompiledSubtree code;
        final double[][] arrays;
        final IntConsumer[] emitters;
        /** Callbacks of the members' failures in a block: they only note the member (see {@link MemberFailed}). */
        final DoubleConsumer[] reporting;
        private final DoubleConsumer[] failures;
        /** What sending does in a run stepped in blocks (see {@link #plan}). */
        private static final IntConsumer NOTHING = port -> { };
        private final StepBlocks blocks;
        /** The piece whose failure the block's steps report, or null. */
        private Piece failed;

        BlockedBatch(BytecodeKernel.Splittable batch, StepBlocks blocks) {
            this.code = batch.code();
            this.arrays = batch.arrays();
            this.emitters = new IntConsumer[batch.emitters().length];
            Arrays.fill(emitters, NOTHING);
            this.failures = batch.failures();
            this.blocks = blocks;
            this.reporting = new DoubleConsumer[failures.length];
            for (int i = 0; i < reporting.length; i++) {
                int node = i;
                reporting[i] = time -> {
                    throw new MemberFailed(node);
                };
            }
        }

        void clearFailure() {
            failed = null;
        }

        /**
         * Notes a piece that stopped; offered in member order, the one kept is the first piece of the earliest
         * failing step.
         */
        void noteFailure(Piece piece) {
            if (failed == null || piece.failedStep < failed.failedStep) {
                failed = piece;
            }
        }

        @Override
        public void step(double t, double dt) {
            if (failed == null || blocks.stepInBlock() != failed.failedStep) {
                return;
            }
            if (failed.thrown != null) {
                throw Rethrow.unchecked(failed.thrown);
            }
            failures[failed.failedNode].accept(t);
            throw new IllegalStateException("member " + failed.failedNode + " failed in a block but not in order");
        }
    }
}
