package org.nn4j.core.data;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Reads a text one line at a time into one reused character array, so that reading a line allocates nothing:
 * a line ends at {@code \n}, {@code \r\n} or the end of the text, and a line longer than the limit is refused as
 * soon as it passes the limit, never buffered whole.
 */
final class CsvLines {

    private final Reader reader;
    private final String file;
    private final int maxLength;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int end;
    /** The current line's characters are {@code line[0 … length)}. */
    char[] line = new char[256];
    /** The current line's length. */
    int length;

    CsvLines(Reader reader, String file, int maxLength) {
        this.reader = reader;
        this.file = file;
        this.maxLength = maxLength;
    }

    /**
     * Reads the next line into {@link #line} and {@link #length}.
     *
     * @param lineNumber the line's number, for the message if it is too long
     * @return false at the end of the text
     */
    boolean next(int lineNumber) throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == end) {
                end = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (end <= 0) {
                    end = 0;
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            append(start, position, lineNumber);
            if (position < end) {
                position++;
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return any;
    }

    private void append(int from, int to, int lineNumber) {
        int count = to - from;
        if (length + count > maxLength) {
            throw new CsvFormatException(file, lineNumber, 0, "line longer than " + maxLength + " characters");
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLength, Math.max(length + count, line.length * 2)));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    /** @return whether the current line holds nothing but spaces and control characters */
    boolean blank() {
        for (int i = 0; i < length; i++) {
            if (line[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    /** @return the current line as a string */
    String text() {
        return new String(line, 0, length);
    }
}
