package org.lemsbridge.trace;

import java.nio.file.Path;

/**
 * A file a trace writer has staged.
 *
 * @param file    the {@code .dat} or event file
 * @param sidecar its JSON sidecar, or null (event files have none)
 * @param rows    the rows (or events) written
 */
public record WrittenTrace(Path file, Path sidecar, long rows) {
}
