package org.nn4j.io;

import java.io.IOException;

/**
 * The one exception nn-io throws for a model file that is not a valid nn4j model: malformed JSON, unknown keys,
 * an unknown type name, a wrong shape, a number that is not finite, a limit exceeded.
 *
 * <p>Its message always names the place in the document and what was expected versus found, for example:
 * <pre>
 *   layers[0].parameters.weights (line 12, column 20): expected 2×4, found 2×3
 *   layers[2].type (line 30, column 15): unknown layer type "swsh"; registered: dense, sigmoid
 * </pre>
 * Control characters from the file (and bidirectional formatting characters) appear escaped as
 * {@code \}{@code u001b}, so printing a message cannot act on a terminal.
 *
 * <p>It is an {@link IOException} so that one {@code catch (IOException e)} handles both a file that cannot be read
 * and a file that is not a model; catch this type first to tell them apart.
 */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Where in the document. */
    private final String path;
    /** The 1-based line, or -1. */
    private final long line;
    /** The 1-based column, or -1. */
    private final long column;
    /** What was expected and found. */
    private final String problem;

    /**
     * @param path where in the document, such as {@code layers[0].parameters.weights}; {@code $} for the document
     * @param line the 1-based line, or -1 if unknown
     * @param column the 1-based column, or -1 if unknown
     * @param problem what was expected and what was found
     *     (control characters in the path and the problem are escaped)
     */
    public ModelFormatException(String path, long line, long column, String problem) {
        super(format(ParserMessages.escape(path), line, column, ParserMessages.escape(problem)));
        this.path = ParserMessages.escape(path);
        this.line = line;
        this.column = column;
        this.problem = ParserMessages.escape(problem);
    }

    private static String format(String path, long line, long column, String problem) {
        String where = line > 0 ? " (line " + line + ", column " + column + ")" : "";
        return path + where + ": " + problem;
    }

    /** @return where in the document, such as {@code layers[0].parameters.weights}, or {@code $} for the whole */
    public String path() {
        return path;
    }

    /** @return the 1-based line of the problem, or -1 if unknown */
    public long line() {
        return line;
    }

    /** @return the 1-based column of the problem, or -1 if unknown */
    public long column() {
        return column;
    }

    /** @return what was expected and what was found, without the location */
    public String problem() {
        return problem;
    }
}
