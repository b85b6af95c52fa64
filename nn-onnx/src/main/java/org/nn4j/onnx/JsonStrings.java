package org.nn4j.onnx;

import java.util.List;

/** Writes a list of strings as a JSON array, for the model's metadata (RFC 8259, section 7: strings). */
final class JsonStrings {

    private JsonStrings() {
    }

    /** {@code ["a", "b"]} with quotes, backslashes and control characters escaped. */
    static String array(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ", ").append('"');
            for (char c : values.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }
}
