package org.lemsbridge.compare.omv;

import java.util.List;

/** Where an OMV observable reads its data, relative to the OMT file's folder. */
public sealed interface DataSource {

    /** The path as written in the OMT. */
    String path();

    /**
     * A trace file read as numpy's {@code loadtxt(path, usecols=columns, skiprows=header) * scaling}, whose value
     * column gives spikes by {@code detection}.
     */
    record Trace(String path, int timeColumn, int valueColumn, int header, double timeScaling, double valueScaling,
                 SpikeDetection detection) implements DataSource {
    }

    /**
     * A spike-times file, one spike per line, in OMV's {@code format} ({@code ID_TIME}, {@code TIME_ID} or
     * {@code ID_TIME_NEST_DAT}, which skips three header lines), keeping the cell {@code ids} ({@code "*"}: all cells)
     * and multiplying times by {@code scaling}.
     */
    record SpikeTimesFile(String path, Format format, String ids, double scaling) implements DataSource {

        /** OMV's spike file formats. */
        public enum Format {
            ID_TIME, TIME_ID, ID_TIME_NEST_DAT;

            static List<String> names() {
                return java.util.Arrays.stream(values()).map(Enum::name).toList();
            }
        }

        /** Whether a cell id read from the file is one of {@code ids} (OMV compares numbers: 0 matches 0.0). */
        public boolean keeps(double id) {
            return ids.equals("*") || Double.parseDouble(ids) == id;
        }
    }
}
