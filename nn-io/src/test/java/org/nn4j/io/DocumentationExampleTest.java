package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;

/** The complete example in docs/model-format.md is valid, and is what the documented run produces. */
class DocumentationExampleTest {

    @Test
    void theFullExampleLoadsToTheBlogNetworkAfterTraining() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "model-format.md"));
        int start = doc.indexOf("```json\n{") + "```json\n".length();
        String json = doc.substring(start, doc.indexOf("```", start));
        assertEquals(java.util.List.of(), SchemaValidation.errors(json));

        Sequential documented = ModelFormat.standard().load(new StringReader(json));
        Sequential trained = Models.xor();
        trained.fit(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), Matrix.columnVector(0, 1, 1, 0), 1000);
        trained.parameters().forEach((path, p) ->
                assertEquals(p.value(), documented.parameters().get(path).value(), path));
    }
}
