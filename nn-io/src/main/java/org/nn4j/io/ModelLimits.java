package org.nn4j.io;

/**
 * The explicit limits the loader enforces, so that a hostile or broken file fails with the limit named instead of
 * exhausting memory or the stack.
 *
 * <pre>
 *   limit               default      counts
 *   maxDocumentLength   32 MiB       characters of the whole document
 *   maxNestingDepth     16           open arrays and objects at once (the format itself needs 6, and 11
 *                                    for optimizers wrapped 8 deep)
 *   maxNumberLength     40           characters of one number (a double needs at most 24)
 *   maxStringLength     1 000        characters of one string value (type names, configuration text)
 *   maxNameLength       256          characters of one key
 *   maxElements         4 000 000    numbers in all matrices of the file, and numbers that layer
 *                                    configurations ask to allocate (see {@link Config#reserve})
 *   maxLayers           10 000       layers in {@code "layers"}
 *   maxEntries          100 000      keys of one object, names of one list ({@code "featureNames"},
 *                                    {@code "classLabels"}); the optimizer state has up to 3 keys per parameter
 *   maxTokens           16 000 000   tokens of the whole document: keys, values, brackets (a matrix of n
 *                                    numbers in rows of c takes about n + 2n/c)
 * </pre>
 * Besides these, the format itself fixes small bounds: at most 64 keys in one {@code "config"},
 * {@code "parameters"} or layer {@code "state"} object, at most 8 optimizer state keys per parameter and 64 that
 * name no parameter, 8 axes of {@code "inputShape"} and 8 optimizers wrapped one in another. Every key is counted,
 * and a duplicate or over-long one refused, the moment it is read, so memory while loading follows the model the
 * file declares, not the size of the file.
 * A model with 1 million parameters takes about 20 MB of JSON; raise the limits with {@link #of} for larger
 * models you trust.
 *
 * @param maxDocumentLength the most characters in a document
 * @param maxNestingDepth the deepest nesting of arrays and objects
 * @param maxNumberLength the most characters in one number
 * @param maxStringLength the most characters in one string value
 * @param maxNameLength the most characters in one key
 * @param maxElements the most matrix elements read or allocated for one model
 * @param maxLayers the most layers in one model
 * @param maxEntries the most keys in one object and names in one list
 * @param maxTokens the most JSON tokens in one document
 */
public record ModelLimits(long maxDocumentLength, int maxNestingDepth, int maxNumberLength, int maxStringLength,
        int maxNameLength, long maxElements, int maxLayers, int maxEntries, long maxTokens) {

    /** The default of {@link #maxLayers()}. */
    static final int DEFAULT_MAX_LAYERS = 10_000;
    /** The default of {@link #maxEntries()}. */
    static final int DEFAULT_MAX_ENTRIES = 100_000;
    /** The default of {@link #maxTokens()}. */
    static final long DEFAULT_MAX_TOKENS = 16_000_000L;

    /**
     * Checks that every limit is positive.
     *
     * @param maxDocumentLength the most characters in a document
     * @param maxNestingDepth the deepest nesting, at least 8
     * @param maxNumberLength the most characters in one number, at least 24
     * @param maxStringLength the most characters in one string value
     * @param maxNameLength the most characters in one key
     * @param maxElements the most matrix elements read or allocated for one model
     * @param maxLayers the most layers in one model
     * @param maxEntries the most keys in one object and names in one list
     * @param maxTokens the most JSON tokens in one document
     */
    public ModelLimits {
        if (maxDocumentLength <= 0 || maxNestingDepth < 8 || maxNumberLength < 24 || maxStringLength <= 0
                || maxNameLength <= 0 || maxElements <= 0 || maxLayers <= 0 || maxEntries <= 0 || maxTokens <= 0) {
            throw new IllegalArgumentException("ModelLimits: every limit must be positive, nesting at least 8 and"
                    + " number length at least 24, got " + maxDocumentLength + ", " + maxNestingDepth + ", "
                    + maxNumberLength + ", " + maxStringLength + ", " + maxNameLength + ", " + maxElements + ", "
                    + maxLayers + ", " + maxEntries + ", " + maxTokens);
        }
    }

    /**
     * The limits of the first six kinds, with the defaults for layers, entries and tokens (the constructor of
     * nn4j versions before these three limits existed).
     *
     * @param maxDocumentLength the most characters in a document
     * @param maxNestingDepth the deepest nesting, at least 8
     * @param maxNumberLength the most characters in one number, at least 24
     * @param maxStringLength the most characters in one string value
     * @param maxNameLength the most characters in one key
     * @param maxElements the most matrix elements read or allocated for one model
     */
    public ModelLimits(long maxDocumentLength, int maxNestingDepth, int maxNumberLength, int maxStringLength,
            int maxNameLength, long maxElements) {
        this(maxDocumentLength, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength, maxElements,
                DEFAULT_MAX_LAYERS, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_TOKENS);
    }

    /** @return the defaults in the table above */
    public static ModelLimits defaults() {
        return new ModelLimits(32L << 20, 16, 40, 1_000, 256, 4_000_000L);
    }

    /**
     * @param maxDocumentLength the most characters in a document
     * @param maxElements the most matrix elements read or allocated for one model
     * @return the defaults with these two limits changed, for larger trusted models
     */
    public static ModelLimits of(long maxDocumentLength, long maxElements) {
        ModelLimits d = defaults();
        return new ModelLimits(maxDocumentLength, d.maxNestingDepth, d.maxNumberLength, d.maxStringLength,
                d.maxNameLength, maxElements, d.maxLayers, d.maxEntries, d.maxTokens);
    }
}
