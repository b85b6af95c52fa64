package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import org.junit.jupiter.api.Test;

/**
 * Hostile sizes fail with the limit named, streaming: the 100 MB documents below are generated on the fly and
 * never held in memory, and nothing ends in an OutOfMemoryError or a StackOverflowError.
 */
class LimitsTest {

    private static final String HEAD = "{\"format\": \"nn4j-model\", \"version\": 1, \"inputSize\": 1, \"layers\": [";
    private static final long HUNDRED_MB = 100L << 20;

    /** The head, then the body repeated up to the given length: a document far larger than memory needs. */
    private static final class Repeating extends Reader {
        private final String head;
        private final String body;
        private final long length;
        private long position;

        Repeating(String head, String body, long length) {
            this.head = head;
            this.body = body;
            this.length = length;
        }

        @Override
        public int read(char[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = 0;
            while (n < count && position < length) {
                buffer[offset + n++] = position < head.length() ? head.charAt((int) position)
                        : body.charAt((int) ((position - head.length()) % body.length()));
                position++;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    private static ModelFormatException rejected(Reader in) {
        return assertThrows(ModelFormatException.class, () -> ModelFormat.standard().load(in));
    }

    private static void assertNames(ModelFormatException e, String limit) {
        assertTrue(e.getMessage().contains(limit), e.getMessage());
        System.out.println("LimitsTest: " + e.getMessage());
    }

    @Test
    void aHundredMegabyteArrayFailsAtTheElementLimit() {
        String head = HEAD + "{\"type\": \"dense\", \"config\": {\"units\": 1}, \"parameters\": {\"weights\": [[0.5";
        assertNames(rejected(new Repeating(head, ", 0.5", HUNDRED_MB)), "ModelLimits.maxElements = 4000000");
    }

    @Test
    void aHundredMegabyteArrayOfRowsFailsAtTheElementLimit() {
        String head = HEAD + "{\"type\": \"dense\", \"config\": {\"units\": 1}, \"parameters\": {\"weights\": [[0.5]";
        assertNames(rejected(new Repeating(head, ", [0.5]", HUNDRED_MB)), "ModelLimits.maxElements");
    }

    @Test
    void aHundredMegabyteDocumentOfWhitespaceFailsAtTheDocumentLimit() {
        assertNames(rejected(new Repeating("{", " ", HUNDRED_MB)), "ModelLimits.maxDocumentLength");
    }

    @Test
    void aHundredMegabyteStringFailsAtTheStringLimit() {
        assertNames(rejected(new Repeating(HEAD + "{\"type\": \"", "a", HUNDRED_MB)), "ModelLimits.maxStringLength");
    }

    @Test
    void aHundredMegabyteKeyFailsAtTheNameLimit() {
        assertNames(rejected(new Repeating("{\"", "k", HUNDRED_MB)), "ModelLimits.maxNameLength");
    }

    @Test
    void aMillionDigitNumberFailsAtTheNumberLimit() {
        String weights = HEAD + "{\"type\": \"dense\", \"config\": {\"units\": 1}, \"parameters\": {\"weights\": [[1";
        assertNames(rejected(new Repeating(weights, "0", 1_000_000 + weights.length())), "ModelLimits.maxNumberLength");
        String fraction = weights + ".";
        assertNames(rejected(new Repeating(fraction, "3", 1_000_000 + fraction.length())),
                "ModelLimits.maxNumberLength");
        String units = HEAD + "{\"type\": \"dense\", \"config\": {\"units\": 9";
        assertNames(rejected(new Repeating(units, "9", 1_000_000 + units.length())), "ModelLimits.maxNumberLength");
        String version = "{\"format\": \"nn4j-model\", \"version\": 1";
        assertNames(rejected(new Repeating(version, "0", 1_000_000 + version.length())),
                "ModelLimits.maxNumberLength");
    }

    @Test
    void aHundredThousandNestedBracketsFailAtTheFirstBracketTheFormatDoesNotAllow() {
        // The reader never recurses and knows the shape of the format, so it stops at the first bracket that
        // cannot be there, long before the nesting limit (16) that guards the parser itself.
        String[] heads = {"", HEAD,
            HEAD + "{\"type\": \"dense\", \"config\": {\"units\": 1}, \"parameters\": {\"weights\": ",
            HEAD + "{\"type\": \"dense\", \"config\": {\"units\": ",
            "{\"format\": "};
        for (String head : heads) {
            ModelFormatException e = rejected(new Repeating(head, "[", head.length() + 100_000));
            assertTrue(e.getMessage().contains("found an array"), e.getMessage());
            System.out.println("LimitsTest: " + e.getMessage());
        }
    }

    @Test
    void optimizersWrappedAHundredThousandDeepFailAtTheNinthWrappedOne() {
        String head = "{\"format\": \"nn4j-model\", \"version\": 2, \"optimizer\": ";
        ModelFormatException e = rejected(new Repeating(head, "{\"type\": \"clip-by-global-norm\", \"optimizer\": ",
                head.length() + 5_000_000));
        assertTrue(e.getMessage().startsWith("optimizer" + ".optimizer".repeat(9) + " (line 1, column "), e.getMessage());
        assertTrue(e.getMessage().endsWith("expected at most 8 optimizers wrapped one in another, found more"),
                e.getMessage());
    }

    @Test
    void theNestingLimitGuardsTheParser() {
        // A document that is only brackets inside an unknown key is still stopped at the key; the nesting limit is
        // what a tree-building parser would hit, and is set all the same.
        assertTrue(ModelLimits.defaults().maxNestingDepth() == 16);
        ModelFormatException e = rejected(new Repeating("{\"format\": \"nn4j-model\", \"version\": 1, \"x\": ",
                "[", 100_000));
        assertTrue(e.getMessage().contains("unknown key \"x\""), e.getMessage());
    }

    @Test
    void aLayerAskingForBillionsOfWeightsFailsBeforeAllocating() {
        String json = HEAD + "{\"type\": \"dense\", \"config\": {\"units\": 2147483647}}, {\"type\": \"dense\","
                + " \"config\": {\"units\": 2147483647}}], \"loss\": {\"type\": \"mse\"}, \"optimizer\": {\"type\":"
                + " \"sgd\", \"config\": {\"learningRate\": 0.1}}}";
        assertNames(rejected(new java.io.StringReader(json)), "ModelLimits.maxElements");
    }
}
