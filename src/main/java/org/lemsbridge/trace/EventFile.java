package org.lemsbridge.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;

/**
 * A LEMS EventOutputFile: one event per line, {@code time TAB id} (format {@code TIME_ID}) or {@code id TAB time}
 * ({@code ID_TIME}), times in seconds.
 *
 * @param events every event in file order
 */
public record EventFile(List<Event> events) {

    /** One event: when, and which EventSelection id emitted it. */
    public record Event(double time, String id) {
    }

    public EventFile {
        events = List.copyOf(events);
    }

    public static EventFile read(Path file, String format) {
        boolean idFirst = "ID_TIME".equals(format);
        if (!idFirst && !"TIME_ID".equals(format)) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "unknown event file format '" + format
                    + "'; LEMS writes TIME_ID or ID_TIME");
        }
        List<Event> events = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.trim().split("\\s+");
                if (fields.length != 2) {
                    throw new BadInputException(SourceLocation.of(file, lineNumber, 1), "an event line has two fields"
                            + " (" + format + "), this one has " + fields.length);
                }
                String timeText = idFirst ? fields[1] : fields[0];
                try {
                    events.add(new Event(Double.parseDouble(timeText), idFirst ? fields[0] : fields[1]));
                } catch (NumberFormatException e) {
                    throw new BadInputException(SourceLocation.of(file, lineNumber, idFirst ? fields[0].length() + 2
                            : 1), "the time of this event is not a number");
                }
            }
        } catch (IOException e) {
            throw IoFailure.cannotRead(file, e);
        }
        return new EventFile(events);
    }
}
