package org.nn4j.io;

/**
 * A place in a model document: the path of a value and the line and column where it starts, kept while reading so
 * that checks made later (shapes, type names) can still say where the problem is.
 *
 * @param path such as {@code layers[1].parameters.weights}, or {@code optimizer.state["m/layers[0].bias"]} for a
 *     key that is not a plain name; {@code $} for the document
 * @param line the 1-based line
 * @param column the 1-based column
 */
record Where(String path, long line, long column) {

    /**
     * @param problem what was expected and what was found
     * @return the exception to throw
     */
    ModelFormatException fail(String problem) {
        return new ModelFormatException(path, line, column, problem);
    }

    /**
     * @param key a key of the object at this place
     * @return the key's path
     */
    static String child(String path, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            return path + "[" + quote(key) + "]";
        }
        return path.equals("$") ? key : path + "." + key;
    }

    /** A key written after a dot; any other is written in brackets and quotes, {@code state["m/layers[0].bias"]}. */
    private static final java.util.regex.Pattern PLAIN_KEY = java.util.regex.Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*");

    /** A key as a JSON string: quotes and backslashes escaped (control characters are escaped in messages). */
    private static String quote(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * @param index an index into the array at this place
     * @return the element's path
     */
    static String index(String path, int index) {
        return path + "[" + index + "]";
    }
}
