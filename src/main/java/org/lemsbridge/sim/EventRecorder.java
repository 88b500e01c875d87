package org.lemsbridge.sim;

import java.nio.file.Path;

import org.lemsbridge.files.Staging;
import org.lemsbridge.trace.EventFileWriter;
import org.lemsbridge.tree.EventTarget;

/** One EventOutputFile of a run: the events its selections receive go to an {@link EventFileWriter}. */
final class EventRecorder implements AutoCloseable {

    private final String id;
    private final EventFileWriter writer;

    EventRecorder(String id, Path target, String format, Staging staging) {
        this.id = id;
        this.writer = new EventFileWriter(target, format, staging);
    }

    /** Where the events of {@code selectionId} are delivered. */
    EventTarget recorderFor(String selectionId) {
        return () -> writer.record(selectionId);
    }

    void flush(double t) {
        writer.flush(t);
    }

    SimulationResult.WrittenFile finish() {
        return SimulationResult.WrittenFile.of(id, writer.finish());
    }

    @Override
    public void close() {
        writer.close();
    }
}
