package org.nn4j.io;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * The configuration of a layer, activation, loss or optimizer in a model file: named simple values (finite
 * doubles, integers, strings, booleans), such as Dense's {@code {"units": 4}} or SGD's {@code {"learningRate": 0.2}}.
 *
 * <p>A type registered in a {@link TypeRegistry} turns itself into a {@code Config} when saved and is created
 * from one when loaded; that is all a custom type needs, no JSON code. Keys are kept sorted, so files list them in
 * a stable order. The getters throw {@link IllegalArgumentException} naming the key for a missing or mistyped
 * value; the loader turns that into a {@link ModelFormatException} that names the place in the file.
 *
 * <p>Immutable. Integers are stored as {@code Long}, fractions as {@code Double}; {@link #getDouble} accepts
 * either, {@link #getInt} and {@link #getLong} only integers.
 */
public final class Config {

    private static final Config EMPTY = new Config(new TreeMap<>(), count -> { });

    private final Map<String, Object> values;
    private final LongConsumer allocationGuard;

    private Config(TreeMap<String, Object> values, LongConsumer allocationGuard) {
        this.values = Collections.unmodifiableMap(values);
        this.allocationGuard = allocationGuard;
    }

    /** @return the configuration with no values, for types that have nothing to configure */
    public static Config empty() {
        return EMPTY;
    }

    /**
     * @param key the name
     * @param value a finite {@code Double}, an integer ({@code Integer} or {@code Long}), a {@code String} or a
     *     {@code Boolean}
     * @return a configuration with one value
     */
    public static Config of(String key, Object value) {
        return builder().put(key, value).build();
    }

    /**
     * @param key1 the first name
     * @param value1 the first value
     * @param key2 the second name
     * @param value2 the second value
     * @return a configuration with two values
     */
    public static Config of(String key1, Object value1, String key2, Object value2) {
        return builder().put(key1, value1).put(key2, value2).build();
    }

    /** @return a builder for configurations with more values */
    public static Builder builder() {
        return new Builder();
    }

    /** The same values with an allocation guard installed, as the loader passes them to factories. */
    Config withAllocationGuard(LongConsumer guard) {
        return new Config(new TreeMap<>(values), guard);
    }

    /**
     * Declares how many numbers the object being created is about to allocate. While loading, the loader checks
     * the count against {@link ModelLimits#maxElements()} and fails cleanly before a hostile size can exhaust
     * memory; outside loading it does nothing. A layer factory that allocates from a configured size calls it first:
     * <pre>
     *   int units = config.getInt("units");
     *   config.reserve((long) inputSize * units + units);     // weights and bias
     *   return new Dense(inputSize, units);
     * </pre>
     *
     * @param elements the number of doubles the new object will hold; zero or negative counts are ignored
     * @throws IllegalArgumentException if the count is over the limit
     */
    public void reserve(long elements) {
        if (elements > 0) {
            allocationGuard.accept(elements);
        }
    }

    /** @return the keys in sorted order */
    public Set<String> keys() {
        return values.keySet();
    }

    /** @return the values by key, sorted by key (unmodifiable) */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * @param key the name
     * @return whether a value is present
     */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * @param key the name
     * @return the value as a double (integers are converted)
     * @throws IllegalArgumentException if the key is missing or not a number
     */
    public double getDouble(String key) {
        Object v = require(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(key, "a number", v);
    }

    /**
     * @param key the name
     * @return the value as a long
     * @throws IllegalArgumentException if the key is missing or not an integer
     */
    public long getLong(String key) {
        Object v = require(key);
        if (v instanceof Long n) {
            return n;
        }
        throw wrongType(key, "an integer", v);
    }

    /**
     * @param key the name
     * @return the value as an int
     * @throws IllegalArgumentException if the key is missing, not an integer or outside the int range
     */
    public int getInt(String key) {
        long v = getLong(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("configuration key \"" + key + "\": " + v + " is out of range for"
                    + " an int (at most " + Integer.MAX_VALUE + ")");
        }
        return (int) v;
    }

    /**
     * @param key the name
     * @return the string value
     * @throws IllegalArgumentException if the key is missing or not a string
     */
    public String getString(String key) {
        Object v = require(key);
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string", v);
    }

    /**
     * @param key the name
     * @return the boolean value
     * @throws IllegalArgumentException if the key is missing or not a boolean
     */
    public boolean getBoolean(String key) {
        Object v = require(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "true or false", v);
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing configuration key \"" + key + "\"");
        }
        return v;
    }

    private static IllegalArgumentException wrongType(String key, String expected, Object found) {
        String shown = found instanceof String s ? "\"" + s + "\"" : String.valueOf(found);
        return new IllegalArgumentException("configuration key \"" + key + "\": expected " + expected + ", found "
                + shown);
    }

    /** Equal when the keys and values are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** @return the values, like {@code {learningRate=0.2}} */
    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects values for a {@link Config}; keys must be distinct and non-blank. */
    public static final class Builder {

        private final TreeMap<String, Object> values = new TreeMap<>();

        private Builder() {
        }

        /**
         * @param key the name, not blank, not already present
         * @param value a finite {@code Double} or {@code Float}, an {@code Integer} or {@code Long}, a
         *     {@code String} or a {@code Boolean}
         * @return this builder
         * @throws IllegalArgumentException for a duplicate or blank key, a non-finite number or another type
         */
        public Builder put(String key, Object value) {
            Objects.requireNonNull(value, "value");
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("Config: key must not be blank");
            }
            if (values.containsKey(key)) {
                throw new IllegalArgumentException("Config: duplicate key \"" + key + "\"");
            }
            values.put(key, normalize(key, value));
            return this;
        }

        private static Object normalize(String key, Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("Config: \"" + key + "\" must be finite, got " + d);
                }
                return d;
            }
            if (value instanceof String text && !wellFormed(text)) {
                throw new IllegalArgumentException("Config: \"" + key + "\" holds an unpaired surrogate, which UTF-8"
                        + " cannot store");
            }
            if (value instanceof String || value instanceof Boolean) {
                return value;
            }
            throw new IllegalArgumentException("Config: \"" + key + "\" must be a number, string or boolean, got "
                    + value.getClass().getSimpleName());
        }

        private static boolean wellFormed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }

        /** @return the configuration */
        public Config build() {
            return new Config(new TreeMap<>(values), count -> { });
        }
    }
}
