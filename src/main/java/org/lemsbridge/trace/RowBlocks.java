package org.lemsbridge.trace;

import java.io.Closeable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The rows of a trace file, parsed ahead on a thread of their own in blocks of rows, so that reading two files and
 * comparing them keeps two cores busy while holding only a few blocks of each.
 */
public final class RowBlocks implements Closeable {

    private static final int VALUES_PER_BLOCK = 1 << 16;
    private static final int BLOCKS_AHEAD = 3;

    private final TraceRows rows;
    private final int width;
    private final BlockingQueue<Block> filled = new ArrayBlockingQueue<>(BLOCKS_AHEAD + 2);
    private final BlockingQueue<Block> empty = new ArrayBlockingQueue<>(BLOCKS_AHEAD + 2);
    private final Thread reader;
    private Block current;
    private int position;
    private int offset;

    private RowBlocks(TraceRows rows) {
        this.rows = rows;
        this.width = rows.width();
        int rowsPerBlock = Math.max(1, VALUES_PER_BLOCK / width);
        for (int i = 0; i < BLOCKS_AHEAD + 1; i++) {
            empty.add(new Block(new double[rowsPerBlock * width]));
        }
        reader = new Thread(this::readAll, "lemsbridge-read-" + rows.layout().source());
        reader.setDaemon(true);
    }

    /** Starts parsing {@code rows} ahead; closing this closes them. */
    public static RowBlocks of(TraceRows rows) {
        RowBlocks blocks = new RowBlocks(rows);
        blocks.reader.start();
        return blocks;
    }

    public TraceLayout layout() {
        return rows.layout();
    }

    /** Moves to the next row; false at the end of the file. A bad row is thrown here, as the reader found it. */
    public boolean next() {
        if (current != null && position + 1 < current.rows) {
            position++;
            offset += width;
            return true;
        }
        if (current != null) {
            if (current.rows < 0) {
                return false;
            }
            empty.add(current);
        }
        current = take();
        if (current.failure != null) {
            Throwable failure = current.failure;
            current = Block.END;
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) failure;
        }
        if (current.rows <= 0) {
            current = Block.END;
            return false;
        }
        position = 0;
        offset = 0;
        return true;
    }

    /** The value of column {@code index} (0 is time) in the current row. */
    public double value(int index) {
        return current.values[offset + index];
    }

    /** Rows held from the current one on (at least 1 while there is a current row), for {@link #copyColumn}. */
    public int rowsAhead() {
        return current.rows - position;
    }

    /**
     * Copies column {@code index} (0 is time) of the current row and the {@code count - 1} rows after it
     * ({@code count <= rowsAhead()}) into {@code into[0, count)}.
     */
    public void copyColumn(int index, int count, double[] into) {
        double[] values = current.values;
        for (int k = 0, at = offset + index; k < count; k++, at += width) {
            into[k] = values[at];
        }
    }

    /** Moves {@code count} rows on ({@code count <= rowsAhead()}); false at the end of the file. */
    public boolean advance(int count) {
        position += count - 1;
        offset += (count - 1) * width;
        return next();
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rows.close();
    }

    private Block take() {
        try {
            return filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + rows.layout().source(), e);
        }
    }

    private void readAll() {
        try {
            while (true) {
                Block block = empty.take();
                int capacity = block.values.length / width;
                int count = 0;
                while (count < capacity && rows.next(block.values, count * width)) {
                    count++;
                }
                block.rows = count;
                filled.put(block);
                if (count < capacity) {
                    filled.put(new Block(null));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed before the end: nobody reads on
        } catch (RuntimeException | Error e) {
            Block failed = new Block(null);
            failed.failure = e;
            try {
                filled.put(failed);
            } catch (InterruptedException closed) {
                // closed: nobody reads on
            }
        }
    }

    /** Rows of values, row after row; {@code rows} 0 or less marks the end. */
    private static final class Block {
        static final Block END = new Block(null);

        final double[] values;
        int rows = -1;
        Throwable failure;

        Block(double[] values) {
            this.values = values;
        }
    }
}
