package org.nn4j.core.data;

/**
 * A CSV file that cannot be read as a table of numbers: the message starts with {@code file:line:column} (line
 * and column counted from 1; column 0 when the whole line is at fault), then says what was wrong, such as
 * <pre>
 *   data.csv:17:3: column "petal_width": "abc" is not a number
 * </pre>
 */
public final class CsvFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The file's name as the user gave it. */
    private final String file;
    /** The line, from 1. */
    private final int line;
    /** The column, from 1, or 0 for the whole line. */
    private final int column;

    /**
     * @param file the file's name as the user gave it
     * @param line the line, from 1
     * @param column the column, from 1, or 0 for the whole line
     * @param problem what was wrong
     */
    public CsvFormatException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** @return the file's name */
    public String file() {
        return file;
    }

    /** @return the line, from 1 */
    public int line() {
        return line;
    }

    /** @return the column, from 1, or 0 when the whole line is at fault */
    public int column() {
        return column;
    }
}
