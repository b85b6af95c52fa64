package org.nn4j.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a model file as text. The format is UTF-8 JSON; a file in UTF-16 or UTF-32 (as some editors on Windows
 * save) is recognised by its byte-order mark or by the zero bytes around its first character (JSON starts with an
 * ASCII character) and decoded, and a byte-order mark is skipped in every encoding. Bytes that are not valid in the
 * file's encoding are a format error ({@link JsonCursor} reports them with their place), never replaced silently.
 */
final class ModelText {

    /** A file's text and the encoding it was read in, for messages. */
    record Opened(Reader reader, String encoding) {
    }

    private ModelText() {
    }

    /**
     * @param file the model file
     * @return a reader of its characters (the caller closes it)
     * @throws IOException if the file cannot be opened or its first bytes cannot be read
     */
    static Opened open(Path file) throws IOException {
        return open(Files.newInputStream(file));
    }

    /**
     * @param bytes the bytes of a model document (closed with the reader, or here if their start cannot be read)
     * @return a reader of its characters (the caller closes it)
     * @throws IOException if the first bytes cannot be read
     */
    static Opened open(InputStream bytes) throws IOException {
        InputStream in = new BufferedInputStream(bytes, 1 << 16);
        try {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            Charset charset = detect(head);
            int bom = bomLength(head, charset);
            in.skipNBytes(bom);
            return new Opened(new InputStreamReader(in, charset.newDecoder()), charset.name());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The encoding the first four bytes show: a byte-order mark, or zeros around an ASCII first character. */
    static Charset detect(byte[] head) {
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        int b2 = head.length > 2 ? head[2] & 0xff : -1;
        int b3 = head.length > 3 ? head[3] & 0xff : -1;
        if (b0 == 0 && b1 == 0 && (b2 == 0xfe && b3 == 0xff || b2 == 0 && b3 > 0)) {
            return Charset.forName("UTF-32BE");
        }
        if ((b0 == 0xff && b1 == 0xfe || b0 > 0 && b1 == 0) && b2 == 0 && b3 == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b0 == 0xfe && b1 == 0xff || b0 == 0 && b1 > 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 == 0xff && b1 == 0xfe || b0 > 0 && b1 == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return StandardCharsets.UTF_8;
    }

    private static int bomLength(byte[] head, Charset charset) {
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        int b2 = head.length > 2 ? head[2] & 0xff : -1;
        return switch (charset.name()) {
            case "UTF-8" -> b0 == 0xef && b1 == 0xbb && b2 == 0xbf ? 3 : 0;
            case "UTF-16BE" -> b0 == 0xfe && b1 == 0xff ? 2 : 0;
            case "UTF-16LE" -> b0 == 0xff && b1 == 0xfe ? 2 : 0;
            case "UTF-32BE" -> b0 == 0 && b1 == 0 && b2 == 0xfe ? 4 : 0;
            default -> b0 == 0xff && b1 == 0xfe ? 4 : 0;
        };
    }

    /**
     * @param in characters that may start with a byte-order mark (U+FEFF)
     * @return the same characters without it
     * @throws IOException if reading the first character fails
     */
    static Reader withoutBom(Reader in) throws IOException {
        PushbackReader pushback = new PushbackReader(in, 1);
        int first = pushback.read();
        if (first >= 0 && first != '\ufeff') {
            pushback.unread(first);
        }
        return pushback;
    }
}
