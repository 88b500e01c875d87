package org.lemsbridge.compare;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Numbers written once and read back once in the same order, kept in a temporary file (readable by its owner only,
 * deleted when closed) rather than in memory: the values the streaming compare's second pass needs, which parsing the
 * trace files again would take longer to get. Writing never fails: when the file cannot be written (a full disk) it is
 * given up, {@link #complete()} says so, and the caller gets the values another way.
 */
final class SpillFile implements Closeable {

    private static final int BUFFERED_VALUES = 1 << 15;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer bytes = ByteBuffer.allocateDirect(BUFFERED_VALUES * Double.BYTES)
            .order(ByteOrder.nativeOrder());
    private final DoubleBuffer values = bytes.asDoubleBuffer();
    private boolean reading;
    private boolean failed;

    private SpillFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** A new empty spill file in the temporary folder, or null when none can be made there. */
    static SpillFile tryCreate() {
        try {
            return create();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    static SpillFile create() throws IOException {
        Path file = Files.createTempFile("lemsbridge-compare-", ".tmp");
        try {
            return new SpillFile(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Appends {@code from[0, count)}, unless writing failed before. */
    void write(double[] from, int count) {
        for (int done = 0; done < count && !failed; ) {
            if (!values.hasRemaining()) {
                flush();
            }
            int n = Math.min(count - done, values.remaining());
            values.put(from, done, n);
            done += n;
        }
    }

    /** Ends writing; when {@link #complete()}, {@link #read} then gives the values from the first on. */
    void rewind() {
        flush();
        if (!failed) {
            try {
                channel.position(0);
            } catch (IOException e) {
                giveUp();
            }
        }
        reading = true;
        values.limit(0);
    }

    /** True when every value written is kept. */
    boolean complete() {
        return !failed;
    }

    /** The next {@code count} values written, into {@code into[0, count)}. */
    void read(double[] into, int count) {
        if (!reading || failed) {
            throw new IllegalStateException(failed ? "the values were not all kept" : "read before rewind");
        }
        for (int done = 0; done < count; ) {
            if (!values.hasRemaining()) {
                fill();
            }
            int n = Math.min(count - done, values.remaining());
            values.get(into, done, n);
            done += n;
        }
    }

    /** Where the values are kept (gone once closed). */
    Path file() {
        return file;
    }

    /** Deletes the file. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // what the file held was read already; the operating system's temporary folder cleaning takes the rest
        }
    }

    private void flush() {
        bytes.clear();
        bytes.limit(values.position() * Double.BYTES);
        try {
            while (bytes.hasRemaining() && !failed) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            giveUp();
        }
        values.clear();
    }

    /** Stops keeping values: the file goes (closing deletes it) and {@link #complete()} turns false. */
    private void giveUp() {
        failed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is given up either way
        }
    }

    private void fill() {
        bytes.clear();
        try {
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // until the buffer is full or the file ends
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = bytes.position() / Double.BYTES;
        if (count == 0) {
            throw new IllegalStateException("read past the values written");
        }
        values.clear();
        values.limit(count);
    }
}
