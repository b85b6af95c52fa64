package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;
import org.nn4j.core.model.Sequential;

/**
 * Every committed bad file (written by {@code bad/make_bad_files.py}, versions 1 and 2) is rejected with a
 * {@link ModelFormatException} whose message names the expected path and line and says what was wrong, as listed
 * in {@code bad/expected.tsv}.
 */
class MalformedFileTest {

    private static final Path BAD = directory();

    private static Path directory() {
        try {
            return Path.of(MalformedFileTest.class.getResource("bad/expected.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> table() throws IOException {
        return Files.readAllLines(BAD.resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t", 4))
                .map(cells -> Arguments.of(cells[0], cells[1], Long.parseLong(cells[2]), cells[3]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void badFileIsRejectedWithItsLocation(String file, String path, long line, String fragment) {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFormat.standard().load(BAD.resolve(file)));
        assertEquals(path, e.path(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(path + " (line " + line + ", column "), e.getMessage());
        assertTrue(e.problem().contains(fragment), () -> "expected \"" + fragment + "\" in: " + e.getMessage());
    }

    @Test
    void tableCoversEveryCommittedBadFileAndThereAreAtLeastThirty() throws IOException {
        Set<String> listed = table().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> files;
        try (Stream<Path> s = Files.list(BAD)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, listed);
        assertTrue(files.size() >= 30, "only " + files.size() + " bad files");
        System.out.println("MalformedFileTest: " + files.size() + " committed bad files");
    }

    @Test
    void theBasesOfTheBadFilesAreValid() throws IOException {
        // make_bad_files.py edits one of two valid documents; the edits, not the bases, must be what is wrong.
        String script = Files.readString(BAD.resolve("make_bad_files.py"));
        Sequential model = ModelFormat.standard().load(new StringReader(base(script, "VALID")));
        assertEquals(List.of("layers[0].weights", "layers[0].bias", "layers[2].weights", "layers[2].bias"),
                List.copyOf(model.parameters().keySet()));
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(model.parameters().get("layers[0].bias").value().get(0, 1)));

        String withState = base(script, "VALID_STATE");
        assertEquals(List.of(), SchemaValidation.errors(withState));
        Sequential standardized = ModelFormat.standard().load(new StringReader(withState));
        assertEquals(Shape.of(1, 1, 2), standardized.inputShape());
        assertEquals(List.of("layers[0].mean", "layers[0].deviation"), List.copyOf(standardized.state().keySet()));
        assertEquals(Matrix.of(new double[][] {{2.0, 0.125}}), standardized.state().get("layers[0].deviation"));
        assertEquals(withState, ModelFormat.standard().toJson(standardized));
    }

    private static String base(String script, String name) {
        int start = script.indexOf(name + " = \"\"\"") + name.length() + 6;
        return script.substring(start, script.indexOf("\"\"\"", start));
    }
}
