package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, gap 7 (the loader's part): text from a file cannot act on a terminal, the number limit is exactly
 * {@code ModelLimits.maxNumberLength}, messages name no parser internals, and byte-order marks, UTF-16 and UTF-32
 * are read while bytes that are not text are a format error with their place.
 */
class LoaderMessagesTest {

    private static final String MODEL = "{\"format\": \"nn4j-model\", \"version\": 2, \"inputSize\": 2,\n"
            + " \"layers\": [{\"type\": \"relu\"}],\n \"loss\": {\"type\": \"mse\"},\n"
            + " \"optimizer\": {\"type\": \"sgd\", \"config\": {\"learningRate\": RATE}}}";

    @TempDir
    Path dir;

    private static ModelFormatException refused(String json) {
        return assertThrows(ModelFormatException.class, () -> ModelFormat.standard().load(new StringReader(json)));
    }

    @Test
    void controlCharactersOfATypeNameAreEscaped() {
        String json = MODEL.replace("RATE", "0.1").replace("\"relu\"", "\"\\u001b]0;owned\\u0007\\u001b[2J\\u202e\"");
        ModelFormatException e = refused(json);
        assertEquals("layers[0].type (line 2, column 22): unknown layer type \"\\u001b]0;owned\\u0007\\u001b[2J"
                + "\\u202e\"; registered: dense, softmax, standardize, dropout, flatten, conv2d, max-pool2d, batch-normalization, sigmoid, tanh, relu, leaky-relu,"
                + " identity, softplus", e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x202e), e.getMessage());
    }

    @Test
    void controlCharactersOfAKeyAreEscapedInThePath() {
        ModelFormatException e = refused(MODEL.replace("RATE", "0.1").replace("\"loss\"", "\"lo\\u001bss\""));
        assertEquals("$[\"lo\\u001bss\"]", e.path(), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), e.getMessage());
    }

    @Test
    void aNumberOfFortyCharactersIsReadAndOneOfFortyOneIsNot() throws IOException {
        String forty = "0." + "1".repeat(38);
        assertEquals(40, forty.length());
        ModelFormat.standard().load(new StringReader(MODEL.replace("RATE", forty)));
        String fortyOne = "-" + forty;
        ModelFormatException e = refused(MODEL.replace("RATE", fortyOne));
        assertEquals("optimizer.config.learningRate (line 4, column 58): exceeds the limit"
                + " ModelLimits.maxNumberLength = 40: a number of 41 characters", e.getMessage());
        ModelFormatException exponent = refused(MODEL.replace("RATE", "1" + "0".repeat(36) + "e-37"));
        assertTrue(exponent.getMessage().contains("a number of 41 characters"), exponent.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "-Infinity", "+1", "01", "'0.1'", "0.1 /* c */", "0x10", ".5", "1.", "0.1,"})
    void parserMessagesNameNoParserSettings(String value) {
        ModelFormatException e = refused(MODEL.replace("RATE", value));
        String m = e.getMessage();
        for (String internal : new String[] {"Feature", "Constraints", "jackson", "enable", "Source:"}) {
            assertFalse(m.toLowerCase(java.util.Locale.ROOT).contains(internal.toLowerCase(java.util.Locale.ROOT)),
                    m);
        }
        assertTrue(m.startsWith("optimizer.config") || m.startsWith("optimizer"), m);
    }

    @Test
    void aByteOrderMarkIsSkippedInAReaderAndAFile() throws IOException {
        String json = MODEL.replace("RATE", "0.1");
        ModelFormat.standard().load(new StringReader("\ufeff" + json));
        Path file = Files.write(dir.resolve("bom.json"), ("\ufeff" + json).getBytes(StandardCharsets.UTF_8));
        assertEquals(2, ModelFormat.standard().load(file).inputSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    void utf16AndUtf32FilesAreRead(String encoding) throws IOException {
        String json = MODEL.replace("RATE", "0.1").replace("\"relu\"", "\"relu\", \"config\": {}");
        for (String bom : new String[] {"", "\ufeff"}) {
            Path file = Files.write(dir.resolve(encoding + bom.length() + ".json"),
                    (bom + json).getBytes(Charset.forName(encoding)));
            assertEquals(2, ModelFormat.standard().load(file).inputSize(), encoding);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreAFormatErrorWithTheirPlace() throws IOException {
        byte[] latin1 = MODEL.replace("RATE", "0.1").replace("\"relu\"", "\"r\u00e9lu\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.json"), latin1);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFormat.standard().load(file));
        assertTrue(e.getMessage().contains("the file is not valid UTF-8 text"), e.getMessage());
        assertTrue(e.line() >= 1, e.getMessage());
        assertFalse(e.getMessage().contains("Input length"), e.getMessage());
    }
}
