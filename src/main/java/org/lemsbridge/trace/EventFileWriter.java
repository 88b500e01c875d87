package org.lemsbridge.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.files.FloatText;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.files.Staging;

/**
 * One event file in jLEMS's format: events are buffered as they are {@linkplain #record recorded} and written at the
 * step's recording point ({@link #flush}) stamped with {@code (float) t}, as {@code t TAB id} (TIME_ID) or
 * {@code id TAB t} (ID_TIME); other formats write nothing. {@link EventFile} reads them back.
 */
public final class EventFileWriter implements AutoCloseable {

    private final Path target;
    private final boolean idFirst;
    private final boolean writes;
    private final BufferedWriter out;
    private final List<String> pending = new ArrayList<>();
    private long events;

    public EventFileWriter(Path target, String format, Staging staging) {
        this.target = target;
        this.idFirst = "ID_TIME".equals(format);
        this.writes = "TIME_ID".equals(format) || idFirst;
        try {
            this.out = new BufferedWriter(new OutputStreamWriter(staging.open(target), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OutputFailure(target, e);
        }
    }

    /** An event of {@code selectionId} fired in this step. */
    public void record(String selectionId) {
        pending.add(selectionId);
    }

    /** Writes the step's events stamped with {@code t}. */
    public void flush(double t) {
        if (pending.isEmpty()) {
            return;
        }
        String time = FloatText.toString((float) t);
        try {
            for (String selection : pending) {
                if (writes) {
                    out.write(idFirst ? selection + "\t" + time + "\n" : time + "\t" + selection + "\n");
                    events++;
                }
            }
        } catch (IOException e) {
            throw new OutputFailure(target, e);
        }
        pending.clear();
    }

    public WrittenTrace finish() {
        try {
            out.close();
            return new WrittenTrace(target, null, events);
        } catch (IOException e) {
            throw new OutputFailure(target, e);
        }
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
