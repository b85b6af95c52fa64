package org.nn4j.examples.playground;

import java.util.List;
import java.util.Map;

/**
 * Writes the little JSON the playground sends: strings, numbers, lists and maps. Only writing is needed (the page
 * sends plain URL parameters), so a few lines do instead of a JSON library.
 */
final class Json {

    private Json() {
    }

    /**
     * @param text any text
     * @return it as a JSON string, quoted and escaped
     */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * @param value a number
     * @return its shortest exact decimal form ({@link Double#toString}), or {@code null} for NaN and infinities
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /**
     * @param values strings
     * @return a JSON list of them
     */
    static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(string(values.get(i)));
        }
        return out.append(']').toString();
    }

    /**
     * @param values names and their string values, in order
     * @return a JSON object of them
     */
    static String object(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((name, value) -> out.append(out.length() == 1 ? "" : ",").append(string(name)).append(':')
                .append(string(value)));
        return out.append('}').toString();
    }
}
