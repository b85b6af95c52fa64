package org.nn4j.io;

import java.util.regex.Pattern;

/**
 * Makes text from a file and from the JSON parser safe and plain for an error message: control characters are
 * escaped, so a type name cannot clear the screen or retitle the terminal, and the parser's advice about its own
 * settings is dropped, since the format does not allow what those settings would.
 */
final class ParserMessages {

    /** Advice such as {@code : enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow}. */
    private static final Pattern ADVICE = Pattern.compile(
            "[:;,]?\\s*\\(?(?:consider\\s+)?(?:enabl|disabl)(?:e|ing)\\s+`?[\\w.]*(?:Feature|Constraints)[\\w.()]*`?"
                    + "[^;)]*\\)?");
    /** A remark in brackets about a parser feature, such as {@code (... since Feature 'ALLOW_COMMENTS' not ...)}. */
    private static final Pattern ASIDE = Pattern.compile("\\s*\\([^()]*(?:Feature|Constraints)[^()]*\\)");
    /** A parser setting named elsewhere in a message, such as {@code StreamReadConstraints.getMaxNumberLength()}. */
    private static final Pattern SETTING = Pattern.compile(
            "`?(?:tools\\.jackson\\.[a-z.]*)?[A-Z][A-Za-z]*(?:Feature|Constraints)\\.[A-Za-z_]+(?:\\(\\))?`?");

    private ParserMessages() {
    }

    /**
     * @param message a message of the JSON parser
     * @return the message without advice about parser settings and without the settings' names
     */
    static String plain(String message) {
        String s = String.valueOf(message);
        String hint = s.contains("NON_NUMERIC_NUMBERS") ? " (JSON has no NaN or infinity; the format holds finite"
                + " numbers only)" : "";
        s = ASIDE.matcher(s).replaceAll("");
        s = ADVICE.matcher(s).replaceAll("");
        s = SETTING.matcher(s).replaceAll("a limit");
        return s.strip() + hint;
    }

    /**
     * @param text text that may come from a file
     * @return the text with every control character (C0, DEL, C1) and every bidirectional formatting character
     *     written as {@code \}{@code uXXXX}, so it prints as it is and cannot act on the terminal
     */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = Character.isISOControl(c) || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f' || c == '\u061c';
            if (unsafe && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (unsafe) {
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
