package org.nn4j.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nn4j.core.data.CsvTable;

/**
 * Reads the {@code --data} CSV of a command: a file, or standard input when the path is {@code -} (as in
 * {@code cat iris.csv | nn4j predict --model m.json --data - --label species}).
 */
public final class CsvInput {

    /** The name messages give standard input. */
    public static final String STANDARD_INPUT = "<stdin>";

    private CsvInput() {
    }

    /**
     * @param data the path as given, or {@code -}
     * @param label the label column, or {@code null} for features only
     * @param in standard input
     * @return the table
     * @throws IOException if the file cannot be read; a missing file says so in words
     * @throws org.nn4j.core.data.CsvFormatException if the text is not a table
     */
    public static CsvTable read(Path data, String label, InputStream in) throws IOException {
        if (isStandardInput(data)) {
            // Standard input is the caller's to close: the reader is deliberately left open.
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return CsvTable.read(reader, STANDARD_INPUT, label);
        }
        try {
            return label == null ? CsvTable.readFeatures(data) : CsvTable.read(data, label);
        } catch (NoSuchFileException e) {
            throw new IOException("--data " + data + ": no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("--data " + data + ": cannot read (permission denied)", e);
        }
    }

    /**
     * @param data a path as given
     * @return whether it is {@code -}, standard input
     */
    public static boolean isStandardInput(Path data) {
        return data.toString().equals("-");
    }

    /**
     * @param data a path as given
     * @return what messages call it
     */
    public static String name(Path data) {
        return isStandardInput(data) ? STANDARD_INPUT : data.toString();
    }
}
