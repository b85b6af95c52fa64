package org.nn4j.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nn4j.api.Matrix;

/**
 * A CSV file of numeric features and one label column, read strictly: a header line names the columns, every
 * further non-blank line has exactly as many fields, every field but the label is a decimal number (such as
 * {@code -1.5} or {@code 2e-3}; not {@code NaN}, {@code Infinity} or an empty field). Fields are separated by
 * commas and may be enclosed in double quotes ({@code ""} inside quotes is one quote); a quoted field cannot span
 * lines, and no line may be longer than {@link #MAX_LINE_LENGTH} characters. The first problem found is reported
 * as a {@link CsvFormatException} naming file, line and column.
 *
 * <p><b>Memory and speed.</b> A regular file is read twice: a first pass over its bytes counts the data lines, so
 * that the feature matrix is allocated once at its final size (8 bytes per value, no other copy); the second parses
 * each number straight from the line's characters ({@code CsvNumbers}, no regular expression and no string per
 * field). A stream, or a pipe, is read once into an array that grows and is copied once at the end. Each distinct
 * label is kept as one string. Figures: docs/reliability.md, CSV input.
 *
 * @param featureNames the feature columns' names, in file order
 * @param labelName the label column's name
 * @param features one row per data line, {@code n×features}
 * @param labels the label field of every data line, as written
 */
public record CsvTable(List<String> featureNames, String labelName, Matrix features, List<String> labels) {

    /** The longest line read, in characters: a file that is one endless line is refused, not buffered. */
    public static final int MAX_LINE_LENGTH = 1 << 20;

    /**
     * Copies the lists.
     *
     * @param featureNames the feature columns' names, in file order
     * @param labelName the label column's name
     * @param features one row per data line, {@code n×features}
     * @param labels the label field of every data line, as written
     */
    public CsvTable {
        featureNames = List.copyOf(featureNames);
        labels = List.copyOf(labels);
        Objects.requireNonNull(labelName, "labelName");
    }

    /**
     * Reads a file as UTF-8.
     *
     * @param file the CSV file
     * @param labelColumn the header name of the label column
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws CsvFormatException if its contents are not a table as described above
     */
    public static CsvTable read(Path file, String labelColumn) throws IOException {
        return read(file, Objects.requireNonNull(labelColumn, "labelColumn"), true);
    }

    /**
     * Reads a file of features only, such as new samples to predict: every column must be a number, and the
     * table's {@code labelName} is empty and its {@code labels} list too.
     *
     * @param file the CSV file
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws CsvFormatException if its contents are not a table of numbers with a header
     */
    public static CsvTable readFeatures(Path file) throws IOException {
        return read(file, "", false);
    }

    /**
     * Reads a table from a stream that is already open, such as standard input; the caller closes it.
     *
     * @param reader the text
     * @param name what messages call the source, such as {@code <stdin>}
     * @param labelColumn the header name of the label column, or {@code null} for a table of features only
     * @return the table
     * @throws IOException if the stream cannot be read
     * @throws CsvFormatException if its contents are not a table
     */
    public static CsvTable read(BufferedReader reader, String name, String labelColumn) throws IOException {
        return read(reader, name, labelColumn == null ? "" : labelColumn, labelColumn != null);
    }

    private static CsvTable read(Path file, String labelColumn, boolean labelled) throws IOException {
        // Only a regular file can be read twice: a pipe (such as bash's <(...)) is read once, as a stream.
        boolean regular = Files.isRegularFile(file);
        if (regular) {
            refuseWideEncodings(file);
        }
        int dataLines = regular ? countDataLines(file) : -1;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // With no data line the stream path reports it (after checking the header); Matrix has no 0-row form.
            CsvTable table = read(reader, file.toString(), labelColumn, labelled, dataLines <= 0 ? -1 : dataLines);
            if (dataLines > 0 && table.features().rows() != dataLines) {
                throw new IOException(file + ": the file changed while it was being read");
            }
            return table;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CsvFormatException(file.toString(), 0, 0, "the file is not UTF-8 text (" + e.getMessage()
                    + "): CSV files are read as UTF-8; convert it first, e.g. with iconv -t UTF-8");
        }
    }

    /**
     * Refuses a file in UTF-16 or UTF-32 (a byte-order mark, or a zero byte among the first four, which UTF-8 text
     * never has), by name, instead of failing later with a decoder's cryptic "Input length = 1".
     */
    private static void refuseWideEncodings(Path file) throws IOException {
        byte[] start = new byte[4];
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, 4);
        }
        boolean utf16Mark = n >= 2 && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)
                || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF));
        boolean zeroByte = false;
        for (int i = 0; i < n; i++) {
            zeroByte |= start[i] == 0;
        }
        if (utf16Mark || zeroByte) {
            throw new CsvFormatException(file.toString(), 1, 0, "the file looks like UTF-16 or UTF-32 text"
                    + " (a byte-order mark or zero bytes at its start); CSV files are read as UTF-8: convert it"
                    + " first, e.g. with iconv -f UTF-16 -t UTF-8");
        }
    }

    private static CsvTable read(BufferedReader reader, String name, String labelColumn, boolean labelled)
            throws IOException {
        return read(reader, name, labelColumn, labelled, -1);
    }

    /**
     * Reads the header, then every data line straight into the values of one matrix: with {@code dataLines}
     * known (a file, counted first) the matrix is allocated once at its final size, 8 bytes per value; from a
     * stream it grows and is copied once at the end.
     */
    private static CsvTable read(BufferedReader reader, String name, String labelColumn, boolean labelled,
            int dataLines) throws IOException {
        CsvLines lines = new CsvLines(reader, name, MAX_LINE_LENGTH);
        if (!lines.next(1) || lines.blank()) {
            throw new CsvFormatException(name, 1, 0, "expected a header line naming the columns");
        }
        List<String> header = new ArrayList<>(fields(name, 1, lines.text()));
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));                 // a UTF-8 byte-order mark is not a name
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            if (columns.putIfAbsent(header.get(c), c) != null) {
                throw new CsvFormatException(name, 1, c + 1, "the header names \"" + header.get(c)
                        + "\" twice; columns are matched by name, so each name must be unique");
            }
        }
        int label = labelled ? columns.getOrDefault(labelColumn, -1) : -1;
        if (labelled && label < 0) {
            throw new CsvFormatException(name, 1, 0, "no column named \"" + labelColumn + "\"; the header has "
                    + header);
        }
        if (labelled && header.size() < 2) {
            throw new CsvFormatException(name, 1, 0, "need at least one feature column besides the label");
        }
        List<String> featureNames = new ArrayList<>(header);
        if (labelled) {
            featureNames.remove(label);
        }
        Rows rows = new Rows(name, header, label, dataLines);
        int lineNumber = 1;
        while (lines.next(lineNumber + 1)) {
            lineNumber++;
            if (!lines.blank()) {
                rows.add(lineNumber, lines);
            }
        }
        if (rows.count == 0) {
            throw new CsvFormatException(name, lineNumber, 0, "no data lines after the header");
        }
        return new CsvTable(featureNames, labelColumn, rows.features(), rows.labels);
    }

    /**
     * Counts the lines after the first that hold a character other than a space or a control character: the rows
     * the second pass will read. Bytes suffice, because in UTF-8 a byte below 0x21 is always such a character.
     */
    private static int countDataLines(Path file) throws IOException {
        long count = 0;
        boolean header = true;
        boolean content = false;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        count += !header && content ? 1 : 0;
                        header = false;
                        content = false;
                    } else if ((b & 0xff) > ' ') {
                        content = true;
                    }
                }
            }
        }
        count += !header && content ? 1 : 0;
        if (count > Integer.MAX_VALUE - 8) {
            throw new CsvFormatException(file.toString(), 0, 0, "more than " + (Integer.MAX_VALUE - 8)
                    + " data lines");
        }
        return (int) count;
    }

    /** The data lines read so far: their features in one array, row after row, and their labels. */
    private static final class Rows {
        private final String name;
        private final List<String> header;
        private final int label;
        private final int width;
        private final boolean sized;
        /** Each distinct label once, so that a million rows of ten classes hold ten strings. */
        private final Map<String, String> distinct = new HashMap<>();
        private final List<String> labels = new ArrayList<>();
        private final Matrix matrix;
        private double[] values;
        private int count;

        Rows(String name, List<String> header, int label, int dataLines) {
            this.name = name;
            this.header = header;
            this.label = label;
            this.width = label < 0 ? header.size() : header.size() - 1;
            this.sized = dataLines >= 0;
            this.matrix = sized ? Matrix.zeros(dataLines, width) : null;
            this.values = sized ? null : new double[16 * width];
        }

        void add(int lineNumber, CsvLines lines) {
            if (sized && count == matrix.rows()) {
                throw new CsvFormatException(name, lineNumber, 0, "the file changed while it was being read");
            }
            if (!sized && (long) (count + 1) * width > values.length) {
                long grown = Math.min((long) Integer.MAX_VALUE - 8, values.length * 2L);
                if ((long) (count + 1) * width > grown) {
                    throw new CsvFormatException(name, lineNumber, 0, "more values than one matrix can hold");
                }
                values = Arrays.copyOf(values, (int) grown);
            }
            int base = count * width;
            char[] text = lines.line;
            int n = lines.length;
            int commas = 0;
            for (int i = 0; i < n; i++) {
                if (text[i] == '"') {
                    quotedLine(lineNumber, fields(name, lineNumber, lines.text()), base);
                    count++;
                    return;
                }
                commas += text[i] == ',' ? 1 : 0;
            }
            if (commas + 1 != header.size()) {
                throw wrongFieldCount(lineNumber, commas + 1);
            }
            int feature = 0;
            int start = 0;
            for (int column = 0; column < header.size(); column++) {
                int end = start;
                while (end < n && text[end] != ',') {
                    end++;
                }
                int from = start;
                int to = end;
                while (from < to && text[from] <= ' ') {
                    from++;
                }
                while (to > from && text[to - 1] <= ' ') {
                    to--;
                }
                if (column == label) {
                    addLabel(lineNumber, column, new String(text, from, to - from));
                } else {
                    store(base + feature++, lineNumber, column, CsvNumbers.parse(text, from, to), text, from, to);
                }
                start = end + 1;
            }
            count++;
        }

        /** A line with quotes goes the slow way: split by {@link CsvTable#fields}, then parsed field by field. */
        private void quotedLine(int lineNumber, List<String> fields, int base) {
            if (fields.size() != header.size()) {
                throw wrongFieldCount(lineNumber, fields.size());
            }
            for (int c = 0, f = 0; c < fields.size(); c++) {
                String field = fields.get(c);
                if (c == label) {
                    addLabel(lineNumber, c, field);
                } else {
                    char[] chars = field.toCharArray();
                    store(base + f++, lineNumber, c, CsvNumbers.parse(chars, 0, chars.length), chars, 0,
                            chars.length);
                }
            }
        }

        private void store(int index, int lineNumber, int column, double value, char[] text, int from, int to) {
            if (Double.isNaN(value)) {
                throw new CsvFormatException(name, lineNumber, column + 1, "column \"" + header.get(column) + "\": "
                        + (from == to ? "empty field" : "\"" + new String(text, from, to - from) + "\" is not a number"));
            }
            if (Double.isInfinite(value)) {
                throw new CsvFormatException(name, lineNumber, column + 1, "column \"" + header.get(column) + "\": "
                        + new String(text, from, to - from) + " is too large for a double");
            }
            if (sized) {
                matrix.setFlat(index, value);
            } else {
                values[index] = value;
            }
        }

        private void addLabel(int lineNumber, int column, String field) {
            if (field.isEmpty()) {
                throw new CsvFormatException(name, lineNumber, column + 1, "the label is empty");
            }
            labels.add(distinct.computeIfAbsent(field, f -> f));
        }

        private CsvFormatException wrongFieldCount(int lineNumber, int fields) {
            return new CsvFormatException(name, lineNumber, 0, "found " + fields + " fields, the header has "
                    + header.size());
        }

        Matrix features() {
            if (sized) {
                return count == matrix.rows() ? matrix : matrix.selectRows(firstRows(count));
            }
            return Matrix.fromRowMajor(count, width, count * width == values.length ? values
                    : Arrays.copyOf(values, count * width));
        }

        private static int[] firstRows(int n) {
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            return rows;
        }
    }

    /** Splits one line into trimmed fields, honouring double quotes. */
    static List<String> fields(String file, int line, String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int quoteStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                quoteStart = fields.size() + 1;
            } else if (ch == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new CsvFormatException(file, line, quoteStart, "a quote opened in this field is never closed");
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
