package org.lemsbridge.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.lemsbridge.files.FloatText;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.files.Staging;

/**
 * Streams one trace in jLEMS's {@code .dat} format (time then each column, every value as
 * {@code Float.toString((float) x)} followed by a TAB, lines ending in {@code \n}) to a file staged with its JSON
 * {@link Sidecar}, put in place together with every other output of the run when all are complete ({@link Staging}).
 * The stepping loop stores each row as float32 into a block; full blocks are formatted and written on the run's
 * {@link OutputThread}, and only three blocks per file exist, so memory does not grow with the run.
 */
public final class DatWriter implements AutoCloseable {

    /** Where a row's values (the columns after time) come from. */
    @FunctionalInterface
    public interface RowValues {
        /** Puts the current value of each column, in order, into {@code row} from index {@code at} on. */
        void copyTo(float[] row, int at);
    }

    /** Values per block of rows handed to the output thread; three blocks per file circulate. */
    private static final int BLOCK_VALUES = 1 << 14;
    private static final int BLOCKS = 3;

    private final Path target;
    private final Staging staging;
    private final List<Column> columns;
    private final RowValues values;
    private final String modelSource;
    private final OutputStream out;
    private final OutputThread outputThread;
    private final int width;
    private final int rowsPerBlock;
    private final BlockingQueue<float[]> freeBlocks = new ArrayBlockingQueue<>(BLOCKS);
    private int blocksMade;
    private float[] block;
    private int rowsInBlock;
    private Future<?> lastWrite;
    private volatile IOException failure;
    private long rows;
    /** Used only on the output thread: rows as ASCII bytes written in blocks. */
    private byte[] pending = new byte[1 << 16];
    private int used;

    /** {@code columns} are those after time; {@code modelSource} is what the sidecar names as the source. */
    public DatWriter(Path target, List<Column> columns, RowValues values, String modelSource,
            OutputThread outputThread, Staging staging) {
        this.target = target;
        this.columns = List.copyOf(columns);
        this.values = values;
        this.modelSource = modelSource;
        this.outputThread = outputThread;
        this.width = 1 + columns.size();
        this.rowsPerBlock = Math.max(1, BLOCK_VALUES / width);
        this.staging = staging;
        try {
            this.out = staging.open(target);
        } catch (IOException e) {
            throw new OutputFailure(target, e);
        }
    }

    /** Records the time and the current values as float32; the output thread formats them. */
    public void writeRow(double t) {
        if (block == null) {
            block = freeBlock();
        }
        int at = rowsInBlock * width;
        block[at] = (float) t;
        values.copyTo(block, at + 1);
        rows++;
        if (++rowsInBlock == rowsPerBlock) {
            handOver();
        }
    }

    private float[] freeBlock() {
        throwIfFailed();
        float[] free = freeBlocks.poll();
        if (free != null) {
            return free;
        }
        if (blocksMade < BLOCKS) {
            blocksMade++;
            return new float[rowsPerBlock * width];
        }
        try {
            return freeBlocks.take();
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private void handOver() {
        float[] full = block;
        int count = rowsInBlock;
        block = null;
        rowsInBlock = 0;
        lastWrite = outputThread.submit(() -> {
            try {
                if (failure == null) {
                    format(full, count);
                }
            } catch (IOException e) {
                failure = e;
            } finally {
                freeBlocks.offer(full);
            }
        });
    }

    /** FloatText writes exactly the characters of JDK 17's Float.toString, as bytes. */
    private void format(float[] values, int count) throws IOException {
        int longestRow = width * (FloatText.MAX_LENGTH + 1) + 1;
        for (int r = 0; r < count; r++) {
            if (used + longestRow > pending.length) {
                flushPending();
                if (longestRow > pending.length) {
                    pending = new byte[2 * longestRow];
                }
            }
            int base = r * width;
            for (int c = 0; c < width; c++) {
                used = FloatText.write(values[base + c], pending, used);
                pending[used++] = '\t';
            }
            pending[used++] = '\n';
        }
    }

    private void flushPending() throws IOException {
        out.write(pending, 0, used);
        used = 0;
    }

    private UncheckedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new UncheckedIOException("interrupted while writing " + target, new java.io.InterruptedIOException());
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new OutputFailure(target, failure);
        }
    }

    /** Writes what is left and the sidecar. */
    public WrittenTrace finish() {
        if (rowsInBlock > 0) {
            handOver();
        }
        try {
            if (lastWrite != null) {
                lastWrite.get();
            }
        } catch (InterruptedException e) {
            throw interrupted();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the output thread failed on " + target, e.getCause());
        }
        throwIfFailed();
        try {
            flushPending();
            out.close();
        } catch (IOException e) {
            throw new OutputFailure(target, e);
        }
        Path sidecar = target.resolveSibling(target.getFileName() + ".json");
        List<Column> all = new java.util.ArrayList<>(width);
        all.add(Column.time());
        all.addAll(columns);
        try {
            staging.writeString(sidecar, new Sidecar(all, modelSource, rows).json());
        } catch (IOException e) {
            throw new OutputFailure(sidecar, e);
        }
        return new WrittenTrace(target, sidecar, rows);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // cleaning up after a failed run
        }
    }
}
