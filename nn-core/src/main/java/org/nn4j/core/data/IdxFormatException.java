package org.nn4j.core.data;

/**
 * An IDX file (the MNIST family's format) that cannot be read: the message starts with the file's name, then says
 * what was wrong, such as
 * <pre>
 *   train-images-idx3-ubyte.gz: truncated: the header declares 60000×28×28 = 47040000 bytes of data, found 1048576
 * </pre>
 */
public final class IdxFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The file's name as the user gave it. */
    private final String file;

    /**
     * @param file the file's name as the user gave it
     * @param problem what was wrong
     */
    public IdxFormatException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** @return the file's name */
    public String file() {
        return file;
    }
}
