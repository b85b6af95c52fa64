package org.nn4j.io;

/**
 * A place in a model document: the path of a value and the line and column where it starts, kept while reading so
 * that checks made later (shapes, type names) can still say where the problem is.
 *
 * @param path such as {@code layers[1].parameters.weights}; {@code $} for the document
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
        return path.equals("$") ? key : path + "." + key;
    }

    /**
     * @param index an index into the array at this place
     * @return the element's path
     */
    static String index(String path, int index) {
        return path + "[" + index + "]";
    }
}
