package org.nn4j.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Reads one token at a time from Jackson's streaming parser and turns every surprise into a
 * {@link ModelFormatException} that names the path, the line and column, and what was expected versus found.
 * No recursion and no tree: memory is bounded by the limits, and nesting that the format does not allow is
 * rejected at its first bracket.
 */
final class JsonCursor {

    /** Handles one key of an object; the cursor has just read the key. */
    interface KeyHandler {
        void key(String key, String path) throws IOException;
    }

    private final JsonParser parser;
    private final ModelLimits limits;
    /** Tokens read so far, against {@link ModelLimits#maxTokens()}. */
    private long tokens;

    /** The file's encoding, for a message about bytes that are not text in it; null for a reader. */
    private final String encoding;

    JsonCursor(JsonParser parser, ModelLimits limits, String encoding) {
        this.parser = parser;
        this.limits = limits;
        this.encoding = encoding;
    }

    /** @return the limits this cursor's parser was made with */
    ModelLimits limits() {
        return limits;
    }

    /**
     * Reads the next token, counting it against {@link ModelLimits#maxTokens()} and checking that a number is at
     * most {@link ModelLimits#maxNumberLength()} characters long, sign, point and exponent included.
     */
    JsonToken next(String path) throws IOException {
        JsonToken t = guard(path, parser::nextToken);
        if (t == null) {
            return null;
        }
        if (++tokens > limits.maxTokens()) {
            throw fail(path, "exceeds the limit ModelLimits.maxTokens = " + limits.maxTokens()
                    + " tokens (keys, values and brackets) in one document");
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            int length = guard(path, parser::getStringLength);
            if (length > limits.maxNumberLength()) {
                throw fail(path, "exceeds the limit ModelLimits.maxNumberLength = " + limits.maxNumberLength()
                        + ": a number of " + length + " characters");
            }
        }
        return t;
    }

    /** A call into the parser; Jackson decodes strings and numbers lazily, so any call may find a flaw. */
    private interface ParserCall<T> {
        T call();
    }

    private <T> T guard(String path, ParserCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (JacksonIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw at(path, parser.currentLocation()).fail("the file is not valid " + (encoding == null ? "text"
                        : encoding + " text") + ": a byte sequence that is no character (nn4j files are UTF-8)");
            }
            throw e.getCause() != null ? e.getCause() : new IOException(e.getMessage(), e);
        } catch (StreamConstraintsException e) {
            throw place(path, e).fail("exceeds the limit " + limitName(e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw place(path, e).fail("malformed JSON: " + ParserMessages.plain(e.getOriginalMessage()));
        }
    }

    /** Where the parser failed; limit errors carry no location of their own, so take the parser's. */
    private Where place(String path, JacksonException e) {
        return at(path, e.getLocation() != null ? e.getLocation() : parser.currentLocation());
    }

    String text(String path) throws IOException {
        return guard(path, parser::getString);
    }

    String currentName(String path) throws IOException {
        return guard(path, parser::currentName);
    }

    private double doubleValue(String path) throws IOException {
        return guard(path, parser::getDoubleValue);
    }

    private long longValue(String path) throws IOException {
        return guard(path, parser::getLongValue);
    }

    private boolean isBigInteger(String path) throws IOException {
        return guard(path, parser::getNumberType) == JsonParser.NumberType.BIG_INTEGER;
    }

    /** The limit a parser constraint message is about, named as {@link ModelLimits} names it, with its value. */
    private String limitName(String message) {
        String m = String.valueOf(message).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("nesting")) {
            return "ModelLimits.maxNestingDepth = " + limits.maxNestingDepth() + " open arrays and objects";
        } else if (m.contains("number")) {
            return "ModelLimits.maxNumberLength = " + limits.maxNumberLength() + " characters in one number";
        } else if (m.contains("document")) {
            return "ModelLimits.maxDocumentLength = " + limits.maxDocumentLength() + " characters";
        } else if (m.contains("name")) {
            return "ModelLimits.maxNameLength = " + limits.maxNameLength() + " characters in one key";
        } else if (m.contains("string")) {
            return "ModelLimits.maxStringLength = " + limits.maxStringLength() + " characters in one string";
        }
        return "of the JSON parser";
    }

    private static Where at(String path, TokenStreamLocation location) {
        return location == null ? new Where(path, -1, -1)
                : new Where(path, location.getLineNr(), location.getColumnNr());
    }

    /** @return the place of the current token */
    Where where(String path) {
        return at(path, parser.currentTokenLocation());
    }

    ModelFormatException fail(String path, String problem) {
        return where(path).fail(problem);
    }

    ModelFormatException unexpected(String path, String expected, JsonToken found) throws IOException {
        return fail(path, "expected " + expected + ", found " + describe(found));
    }

    /** Reads an object, giving each key to the handler; rejects unknown, duplicate and missing keys. */
    Where readObject(String path, Collection<String> allowed, Collection<String> required, KeyHandler handler)
            throws IOException {
        JsonToken t = next(path);
        if (t != JsonToken.START_OBJECT) {
            throw unexpected(path, "an object", t);
        }
        return readObjectBody(path, allowed, required, handler);
    }

    /**
     * Reads an object whose keys are names chosen by a type (configuration, parameters, state), at most
     * {@code maxKeys} of them, each refused as soon as it is read if it is a duplicate or the check refuses it.
     *
     * @param limit how the bound is named in the message, such as {@code "of 64 keys in one configuration"}
     */
    Where readNamedObject(String path, int maxKeys, String limit, KeyHandler handler) throws IOException {
        JsonToken t = next(path);
        if (t != JsonToken.START_OBJECT) {
            throw unexpected(path, "an object", t);
        }
        Where start = where(path);
        Set<String> seen = new HashSet<>();
        while ((t = next(path)) != JsonToken.END_OBJECT) {
            if (t != JsonToken.PROPERTY_NAME) {
                throw unexpected(path, "a key or }", t);
            }
            String key = currentName(path);
            String keyPath = Where.child(path, key);
            if (seen.size() == maxKeys) {
                throw fail(keyPath, "exceeds the limit " + limit);
            }
            if (!seen.add(key)) {
                throw fail(keyPath, "duplicate key \"" + key + "\"");
            }
            handler.key(key, keyPath);
        }
        return start;
    }

    /** As {@link #readObject}, after its opening brace has been read. */
    Where readObjectBody(String path, Collection<String> allowed, Collection<String> required, KeyHandler handler)
            throws IOException {
        Where start = where(path);
        JsonToken t;
        Set<String> seen = new HashSet<>();
        while ((t = next(path)) != JsonToken.END_OBJECT) {
            if (t != JsonToken.PROPERTY_NAME) {
                throw unexpected(path, "a key or }", t);
            }
            String key = currentName(path);
            String keyPath = Where.child(path, key);
            if (!allowed.contains(key)) {
                throw fail(keyPath, "unknown key \"" + key + "\"; expected one of: " + String.join(", ", allowed));
            }
            if (!seen.add(key)) {
                throw fail(keyPath, "duplicate key \"" + key + "\"");
            }
            handler.key(key, keyPath);
        }
        for (String key : required) {
            if (!seen.contains(key)) {
                throw fail(path, "missing key \"" + key + "\"");
            }
        }
        return start;
    }

    String readString(String path) throws IOException {
        JsonToken t = next(path);
        if (t != JsonToken.VALUE_STRING) {
            throw unexpected(path, "a string", t);
        }
        return text(path);
    }

    boolean readBoolean(String path) throws IOException {
        JsonToken t = next(path);
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw unexpected(path, "true or false", t);
        }
        return t == JsonToken.VALUE_TRUE;
    }

    /** Reads an integer in {@code [min, max]}; sizes that overflow a long, fractions and text are rejected. */
    long readInteger(String path, long min, long max) throws IOException {
        return currentInteger(path, next(path), min, max);
    }

    /** Checks that the token just read is an integer in {@code [min, max]} and returns it. */
    long currentInteger(String path, JsonToken t, long min, long max) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw unexpected(path, "an integer from " + min + " to " + max, t);
        }
        if (isBigInteger(path)) {
            throw fail(path, "expected an integer from " + min + " to " + max + ", found " + text(path)
                    + " (overflows)");
        }
        long value = longValue(path);
        if (value < min || value > max) {
            throw fail(path, "expected an integer from " + min + " to " + max + ", found " + value);
        }
        return value;
    }

    double readFinite(String path) throws IOException {
        return finite(path, next(path));
    }

    /** Checks that the token just read is a finite number and returns it. */
    double finite(String path, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw unexpected(path, "a number", t);
        }
        double value = doubleValue(path);
        if (!Double.isFinite(value)) {
            throw fail(path, "expected a finite number, found " + text(path) + " (overflows a double)");
        }
        return value;
    }

    /** Reads a simple configuration value: a finite number, an integer, a string or a boolean. */
    Object readScalar(String path) throws IOException {
        JsonToken t = next(path);
        if (t == JsonToken.VALUE_STRING) {
            return text(path);
        } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        } else if (t == JsonToken.VALUE_NUMBER_INT) {
            if (isBigInteger(path)) {
                throw fail(path, "expected an integer that fits 64 bits, found " + text(path));
            }
            return longValue(path);
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return finite(path, t);
        }
        throw unexpected(path, "a number, string or boolean", t);
    }

    /** Requires the end of input after the model object. */
    void requireEnd() throws IOException {
        JsonToken t = next("$");
        if (t != null) {
            throw fail("$", "expected the end of the document after the model object, found " + describe(t));
        }
    }

    private String describe(JsonToken t) throws IOException {
        if (t == null) {
            return "the end of the document";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT -> "}";
            case END_ARRAY -> "]";
            case PROPERTY_NAME -> "the key \"" + shorten(currentName("$")) + "\"";
            case VALUE_STRING -> "the string \"" + shorten(text("$")) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shorten(text("$"));
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
