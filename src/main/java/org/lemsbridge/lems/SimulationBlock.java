package org.lemsbridge.lems;

import java.util.List;

import org.lemsbridge.error.SourceLocation;

/** The {@code <Simulation>} block of a ComponentType: the names of the attributes that drive a run or an output. */
public record SimulationBlock(List<Run> runs, List<Record> records, List<EventRecord> eventRecords,
        List<DataDisplay> dataDisplays, List<DataWriter> dataWriters, List<EventWriter> eventWriters) {

    public SimulationBlock {
        runs = List.copyOf(runs);
        records = List.copyOf(records);
        eventRecords = List.copyOf(eventRecords);
        dataDisplays = List.copyOf(dataDisplays);
        dataWriters = List.copyOf(dataWriters);
        eventWriters = List.copyOf(eventWriters);
    }

    public static SimulationBlock empty() {
        return new SimulationBlock(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return runs.isEmpty() && records.isEmpty() && eventRecords.isEmpty() && dataDisplays.isEmpty()
                && dataWriters.isEmpty() && eventWriters.isEmpty();
    }

    public record Run(String component, String variable, String increment, String total, SourceLocation location) {
    }

    public record Record(String quantity, String timeScale, String scale, String color, SourceLocation location) {
    }

    public record EventRecord(String quantity, String eventPort, SourceLocation location) {
    }

    public record DataDisplay(String title, String dataRegion, SourceLocation location) {
    }

    public record DataWriter(String path, String fileName, SourceLocation location) {
    }

    public record EventWriter(String path, String fileName, String format, SourceLocation location) {
    }
}
