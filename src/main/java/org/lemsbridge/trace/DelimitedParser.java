package org.lemsbridge.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * Streams a delimited numeric file into column arrays, line by line from a reusable byte buffer, without building
 * a String per field. Blank lines and lines starting with {@code #} are skipped; an optional header is recognised
 * on the first data line when one of its fields is not a number; a UTF-8 byte order mark is skipped.
 *
 * <p>What is not a trace is refused with its position and without quoting it: control bytes (NUL and the like),
 * a line longer than {@link #MAX_LINE_BYTES}, more rows than an array holds. A field that is not a number is quoted
 * only when it is a short run of printable ASCII.
 */
final class DelimitedParser {

    /** The longest line read: a row of 100 000 columns of jLEMS's widest numbers is about 1.6 MB. */
    static final int MAX_LINE_BYTES = 16 << 20;
    /** The most rows a column array holds. */
    static final int MAX_ROWS = Integer.MAX_VALUE - 16;
    private static final int MAX_QUOTED = 16;
    private static final int INITIAL_BUFFER = 1 << 18;

    private final InputStream in;
    private final String fileName;
    private final long expectedBytes;
    private long dataBytes;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int start;
    private int limit;
    private boolean eof;
    private int lineNumber;

    private TextFormat format;
    private PlainRowParser plainRows;
    private List<String> header;
    private int width;
    private long rows;
    private double[] target;
    private int targetOffset;

    /** {@code expectedBytes}: the length of the text if known (0 otherwise), used only to size the columns. */
    DelimitedParser(InputStream in, String fileName, long expectedBytes) {
        this.in = in;
        this.fileName = fileName;
        this.expectedBytes = expectedBytes;
    }

    /** Reads the whole file into column arrays. */
    RawTable parse() throws IOException {
        double[] row = start();
        GrowableColumns columns = new GrowableColumns(width);
        do {
            if (columns.isFull()) {
                columns.grow(expectedRows(columns.rows()));
            }
            columns.addRow(row);
        } while (next(row));
        return new RawTable(columns.finish(), columns.rows(), header, format);
    }

    /**
     * Reads up to the first data row, which tells the format, the header (if any) and the width; returns that row (a
     * new array of {@link #width()} values, time first).
     *
     * @throws BadInputException when the file holds no data row, or what is read is not a trace
     */
    double[] start() throws IOException {
        if (!nextDataRow()) {
            throw new BadInputException(new SourceLocation(fileName, Math.max(1, lineNumber), 1),
                    "no data rows in trace file");
        }
        return target.clone();
    }

    /** Reads the next data row into {@code row} (of {@link #width()} values); false at the end of the file. */
    boolean next(double[] row) throws IOException {
        return next(row, 0);
    }

    /** Reads the next data row into {@code values} from {@code offset} on; false at the end of the file. */
    boolean next(double[] values, int offset) throws IOException {
        target = values;
        targetOffset = offset;
        return nextDataRow();
    }

    /** The number of fields of every row, time included; known after {@link #start()}. */
    int width() {
        return width;
    }

    /** The header's fields, or null when the file has none; known after {@link #start()}. */
    List<String> header() {
        return header;
    }

    TextFormat format() {
        return format;
    }

    /** Parses the next data line into {@code target} (allocated when the width becomes known). */
    private boolean nextDataRow() throws IOException {
        if (plainRows != null && nextPlainRow()) {
            return true;
        }
        int[] bounds = new int[2];
        while (nextLine(bounds)) {
            int from = bounds[0];
            int to = bounds[1];
            if (to > from && buffer[to - 1] == '\r') {
                to--;
            }
            if (lineNumber == 1 && startsWithByteOrderMark(from, to)) {
                from += 3;
            }
            if (isBlankOrComment(from, to)) {
                continue;
            }
            if (format == null) {
                String text = new String(buffer, from, to - from, StandardCharsets.UTF_8);
                format = TextFormat.detect(text);
                List<String> fields = splitText(text);
                if (fields.isEmpty()) {
                    throw error(1, "not a trace file: the first line that is not blank holds no fields");
                }
                width = fields.size();
                plainRows = new PlainRowParser(format, width);
                target = new double[width];
                targetOffset = 0;
                if (!allNumbers(fields)) {
                    header = fields;
                    continue;
                }
            }
            if (rows >= MAX_ROWS) {
                throw error(1, "more than " + MAX_ROWS + " rows: larger than any trace lemsbridge reads");
            }
            parseRow(from, to, target, targetOffset);
            rows++;
            dataBytes += bounds[1] - bounds[0] + 1;
            return true;
        }
        return false;
    }

    /**
     * Reads the next line when it is a plain row of numbers, reading on while it runs past the buffer; false (nothing
     * consumed) when it is not, or is the last line without a newline, for the careful way to read it.
     */
    private boolean nextPlainRow() throws IOException {
        while (rows < MAX_ROWS) {
            int newline = plainRows.parse(buffer, start, limit, target, targetOffset);
            if (newline >= 0) {
                dataBytes += newline - start + 1;
                start = newline + 1;
                lineNumber++;
                rows++;
                return true;
            }
            boolean lineFillsBuffer = start == 0 && limit == buffer.length && buffer.length >= MAX_LINE_BYTES;
            if (newline == PlainRowParser.SLOW || eof || lineFillsBuffer) {
                return false;
            }
            fill();
        }
        return false;
    }

    /**
     * The capacity to grow to: twice the rows so far at first; once 4096 rows show the average row length, the rows a
     * text of the known length holds (3% spare), but always at least an eighth more.
     */
    private int expectedRows(int rows) {
        if (expectedBytes <= 0 || rows < 4096) {
            return (int) Math.min(MAX_ROWS, 2L * rows);
        }
        double estimate = 1.03 * expectedBytes / ((double) dataBytes / rows) + 16;
        return (int) Math.min(MAX_ROWS, Math.max(rows + rows / 8.0, estimate));
    }

    private void parseRow(int from, int to, double[] row, int offset) {
        int field = 0;
        int i = from;
        while (true) {
            if (format == TextFormat.WHITESPACE || format == TextFormat.CSV) {
                while (i < to && (buffer[i] == ' ' || buffer[i] == '\t')) {
                    i++;
                }
            }
            if (i >= to) {
                break;
            }
            int fieldStart = i;
            int fieldEnd = scanField(i, to);
            int next = fieldEnd;
            if (format == TextFormat.CSV) {
                while (fieldEnd > fieldStart && buffer[fieldEnd - 1] == ' ') {
                    fieldEnd--;
                }
            }
            if (fieldEnd == fieldStart) {
                throw error(fieldStart - from + 1, "empty field " + (field + 1));
            }
            if (field >= width) {
                throw error(fieldStart - from + 1,
                        "row has more than " + width + " fields (expected " + width + " like the " + widthSource() + ")");
            }
            double value;
            try {
                value = DecimalParser.parse(buffer, fieldStart, fieldEnd);
            } catch (NumberFormatException e) {
                throw error(fieldStart - from + 1, "field " + (field + 1) + " is not a number"
                        + excerpt(fieldStart, fieldEnd));
            }
            row[offset + field] = value;
            field++;
            i = next;
            if (i < to && format != TextFormat.WHITESPACE) {
                i++; // the delimiter; a delimiter at the end of the line (jLEMS trailing tab) ends the row
            }
        }
        if (field != width) {
            throw error(to - from + 1, "row has " + field + " fields but the " + widthSource() + " has " + width);
        }
    }

    /** {@code : '1.x5'} for a short run of printable ASCII; otherwise only its length, never its bytes. */
    private String excerpt(int from, int to) {
        boolean printable = to - from <= MAX_QUOTED;
        for (int i = from; i < to && printable; i++) {
            printable = buffer[i] > ' ' && buffer[i] < 0x7f && buffer[i] != '\'';
        }
        return printable ? ": '" + new String(buffer, from, to - from, StandardCharsets.US_ASCII) + "'"
                : " (" + (to - from) + " bytes)";
    }

    private boolean startsWithByteOrderMark(int from, int to) {
        return to - from >= 3 && buffer[from] == (byte) 0xEF && buffer[from + 1] == (byte) 0xBB
                && buffer[from + 2] == (byte) 0xBF;
    }

    private String widthSource() {
        return header == null ? "first row" : "header";
    }

    private int scanField(int i, int to) {
        switch (format) {
            case TAB:
                while (i < to && buffer[i] != '\t') {
                    i++;
                }
                return i;
            case CSV:
                while (i < to && buffer[i] != ',') {
                    i++;
                }
                return i;
            default:
                while (i < to && buffer[i] != ' ' && buffer[i] != '\t') {
                    i++;
                }
                return i;
        }
    }

    private BadInputException error(int column, String message) {
        return new BadInputException(new SourceLocation(fileName, lineNumber, column), message);
    }

    private boolean isBlankOrComment(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buffer[i];
            if (b == '#') {
                return true;
            }
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private List<String> splitText(String line) {
        String[] parts;
        switch (format) {
            case TAB -> parts = line.split("\t");
            case CSV -> parts = line.split(",");
            default -> parts = line.trim().split("[ \t]+");
        }
        List<String> fields = new ArrayList<>();
        for (String part : parts) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty() || format == TextFormat.CSV) {
                fields.add(unquote(trimmed));
            }
        }
        while (!fields.isEmpty() && fields.get(fields.size() - 1).isEmpty()) {
            fields.remove(fields.size() - 1);
        }
        return fields;
    }

    private static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }

    private static boolean allNumbers(List<String> fields) {
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            try {
                DecimalParser.parse(bytes, 0, bytes.length);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** Finds the next line; its bytes are {@code buffer[bounds[0], bounds[1])} without the newline. */
    private boolean nextLine(int[] bounds) throws IOException {
        int scanFrom = start;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                byte b = buffer[i];
                if (b < ' ' && b >= 0) {
                    if (b == '\n') {
                        bounds[0] = start;
                        bounds[1] = i;
                        start = i + 1;
                        lineNumber++;
                        return true;
                    }
                    if (b != '\t' && b != '\r') {
                        throw new BadInputException(new SourceLocation(fileName, lineNumber + 1, i - start + 1),
                                String.format("not a trace file: control byte 0x%02X", b));
                    }
                }
            }
            if (eof) {
                if (start < limit) {
                    bounds[0] = start;
                    bounds[1] = limit;
                    start = limit;
                    lineNumber++;
                    return true;
                }
                return false;
            }
            int pending = limit - start;
            scanFrom = pending;
            fill();
        }
    }

    private void fill() throws IOException {
        int pending = limit - start;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, pending);
        } else if (pending == buffer.length) {
            if (buffer.length >= MAX_LINE_BYTES) {
                throw new BadInputException(new SourceLocation(fileName, lineNumber + 1, 1), "not a trace file: line "
                        + (lineNumber + 1) + " is longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
            }
            buffer = Arrays.copyOf(buffer, Math.min(MAX_LINE_BYTES, buffer.length * 2));
        }
        start = 0;
        limit = pending;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    /** Column arrays that grow by doubling. */
    private static final class GrowableColumns {
        private final double[][] data;
        private int rows;

        GrowableColumns(int width) {
            data = new double[width][1024];
        }

        int width() {
            return data.length;
        }

        int rows() {
            return rows;
        }

        boolean isFull() {
            return rows == data[0].length;
        }

        void grow(int capacity) {
            for (int i = 0; i < data.length; i++) {
                data[i] = Arrays.copyOf(data[i], capacity);
            }
        }

        void addRow(double[] row) {
            for (int i = 0; i < data.length; i++) {
                data[i][rows] = row[i];
            }
            rows++;
        }

        double[][] finish() {
            double[][] trimmed = new double[data.length][];
            for (int i = 0; i < data.length; i++) {
                trimmed[i] = data[i].length == rows ? data[i] : Arrays.copyOf(data[i], rows);
                data[i] = null;
            }
            return trimmed;
        }
    }
}
