package org.lemsbridge.trace;

import java.util.List;

/** The numbers of a delimited file before names are attached: column 0 is time. */
record RawTable(double[][] columns, int rows, List<String> header, TextFormat format) {

    int width() {
        return columns.length;
    }
}
