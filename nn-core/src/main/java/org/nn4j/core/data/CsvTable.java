package org.nn4j.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.nn4j.api.Matrix;

/**
 * A CSV file of numeric features and one label column, read strictly: a header line names the columns, every
 * further non-blank line has exactly as many fields, every field but the label is a decimal number (such as
 * {@code -1.5} or {@code 2e-3}; not {@code NaN}, {@code Infinity} or an empty field). Fields are separated by
 * commas and may be enclosed in double quotes ({@code ""} inside quotes is one quote); a quoted field cannot span
 * lines, and no line may be longer than {@link #MAX_LINE_LENGTH} characters. The first problem found is reported
 * as a {@link CsvFormatException} naming file, line and column.
 *
 * @param featureNames the feature columns' names, in file order
 * @param labelName the label column's name
 * @param features one row per data line, {@code n×features}
 * @param labels the label field of every data line, as written
 */
public record CsvTable(List<String> featureNames, String labelName, Matrix features, List<String> labels) {

    /** The longest line read, in characters: a file that is one endless line is refused, not buffered. */
    public static final int MAX_LINE_LENGTH = 1 << 20;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

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
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), labelColumn, labelled);
        }
    }

    private static CsvTable read(BufferedReader reader, String name, String labelColumn, boolean labelled)
            throws IOException {
        String headerLine = readLine(reader, name, 1);
        if (headerLine == null || headerLine.isBlank()) {
            throw new CsvFormatException(name, 1, 0, "expected a header line naming the columns");
        }
        List<String> header = fields(name, 1, headerLine);
        for (int c = 0; c < header.size(); c++) {
            if (header.indexOf(header.get(c)) != c) {
                throw new CsvFormatException(name, 1, c + 1, "the header names \"" + header.get(c)
                        + "\" twice; columns are matched by name, so each name must be unique");
            }
        }
        int label = labelled ? header.indexOf(labelColumn) : -1;
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
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        String text;
        int lineNumber = 1;
        while ((text = readLine(reader, name, lineNumber + 1)) != null) {
            lineNumber++;
            if (!text.isBlank()) {
                rows.add(row(name, lineNumber, header, label, fields(name, lineNumber, text), labels));
            }
        }
        if (rows.isEmpty()) {
            throw new CsvFormatException(name, lineNumber, 0, "no data lines after the header");
        }
        Matrix features = Matrix.zeros(rows.size(), featureNames.size());
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < featureNames.size(); j++) {
                features.set(i, j, rows.get(i)[j]);
            }
        }
        return new CsvTable(featureNames, labelColumn, features, labels);
    }

    /** One data line's features; its label, if it has one, is added to {@code labels}. */
    private static double[] row(String name, int lineNumber, List<String> header, int label, List<String> fields,
            List<String> labels) {
        if (fields.size() != header.size()) {
            throw new CsvFormatException(name, lineNumber, 0, "found " + fields.size()
                    + " fields, the header has " + header.size());
        }
        double[] row = new double[label < 0 ? header.size() : header.size() - 1];
        for (int c = 0, f = 0; c < fields.size(); c++) {
            String field = fields.get(c);
            if (c == label) {
                if (field.isEmpty()) {
                    throw new CsvFormatException(name, lineNumber, c + 1, "the label is empty");
                }
                labels.add(field);
                continue;
            }
            if (!NUMBER.matcher(field).matches()) {
                throw new CsvFormatException(name, lineNumber, c + 1, "column \"" + header.get(c) + "\": "
                        + (field.isEmpty() ? "empty field" : "\"" + field + "\" is not a number"));
            }
            double value = Double.parseDouble(field);
            if (!Double.isFinite(value)) {
                throw new CsvFormatException(name, lineNumber, c + 1, "column \"" + header.get(c) + "\": "
                        + field + " is too large for a double");
            }
            row[f++] = value;
        }
        return row;
    }

    /** Reads one line ending in \n, \r\n or the end of the file; {@code null} at the end. */
    private static String readLine(BufferedReader reader, String file, int line) throws IOException {
        StringBuilder text = new StringBuilder();
        int ch = reader.read();
        if (ch < 0) {
            return null;
        }
        while (ch >= 0 && ch != '\n') {
            if (text.length() == MAX_LINE_LENGTH) {
                throw new CsvFormatException(file, line, 0, "line longer than " + MAX_LINE_LENGTH + " characters");
            }
            text.append((char) ch);
            ch = reader.read();
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\r') {
            text.setLength(end - 1);
        }
        return text.toString();
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
