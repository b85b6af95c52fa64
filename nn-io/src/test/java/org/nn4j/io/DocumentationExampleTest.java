package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Dropout;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.ClipByGlobalNorm;
import org.nn4j.core.optimizers.Sgd;

/** The complete examples in docs/model-format.md are valid, and are what the documented runs produce. */
class DocumentationExampleTest {

    /** The JSON blocks of the page that are complete documents, in order. */
    private static List<String> examples() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "model-format.md"));
        List<String> examples = new ArrayList<>();
        for (int at = doc.indexOf("```json\n{\n  \"format\""); at >= 0; at = doc.indexOf("```json\n{\n  \"format\"", at)) {
            int start = at + "```json\n".length();
            at = doc.indexOf("```", start);
            examples.add(doc.substring(start, at));
        }
        return examples;
    }

    @Test
    void theXorExampleLoadsToTheBlogNetworkAfterTraining() throws IOException {
        String json = examples().get(0);
        assertEquals(List.of(), SchemaValidation.errors(json));

        Sequential documented = ModelFormat.standard().load(new StringReader(json));
        Sequential trained = Models.xor();
        trained.fit(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), Matrix.columnVector(0, 1, 1, 0), 1000);
        trained.parameters().forEach((path, p) ->
                assertEquals(p.value(), documented.parameters().get(path).value(), path));
        assertEquals(json, ModelFormat.standard().toJson(trained));
    }

    @Test
    void theImageExampleIsWhatItsRunSaves() throws IOException {
        String json = examples().get(1);
        assertEquals(List.of(), SchemaValidation.errors(json));

        Matrix x = Matrix.of(new double[][] {{0, 3, 1, 2}, {1, 0, 2, 5}, {4, 1, 0, 0}, {2, 2, 2, 1}});
        Matrix y = Matrix.of(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
        Sequential model = Sequential.builder().input(1, 2, 2).layer(Standardize.adaptedTo(x)).layer(new Dropout(0.25))
                .dense(2).loss(new SoftmaxCrossEntropy()).optimizer(new ClipByGlobalNorm(new Sgd(0.1), 1.0)).seed(42)
                .build();
        model.fit(x, y, 10);
        assertEquals(json, ModelFormat.standard().toJson(model));
        assertEquals(json, ModelFormat.standard().toJson(ModelFormat.standard().load(new StringReader(json))));
    }
}
