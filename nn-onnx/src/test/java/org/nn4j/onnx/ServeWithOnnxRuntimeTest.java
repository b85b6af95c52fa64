package org.nn4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.data.Dataset;
import org.nn4j.core.data.TeachingSets;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.random.NumpyRandom;

/**
 * The README's serving code compiles (it is {@link ServeWithOnnxRuntime}), is the code the README shows, and serves
 * an exported classifier's probabilities as nn4j computes them.
 */
class ServeWithOnnxRuntimeTest {

    private static final String MARKER = "<!-- java: nn-onnx/src/test/java/org/nn4j/onnx/ServeWithOnnxRuntime.java -->";

    @TempDir
    Path dir;

    @Test
    void theReadmeCodeServesTheExportedModelsProbabilities() throws Exception {
        NumpyRandom random = new NumpyRandom(9);
        Dataset data = TeachingSets.spirals(60, 3, 0.1, random);
        Sequential model = Sequential.builder().input(2)
                .layer(Standardize.adaptedTo(data.inputs()))
                .dense(16).activation(new Relu())
                .dense(3)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.01)).random(random).build();
        model.fit(data.inputs(), data.targets(), TrainingConfig.builder().epochs(20).batchSize(16).build());
        Path onnx = dir.resolve("model.onnx");
        OnnxExport.write(model, onnx);

        double[][] rows = {{0.1, -0.4}, {0.7, 0.2}, {-0.9, 0.5}};
        double[][] served = ServeWithOnnxRuntime.probabilities(onnx.toString(), rows);
        Matrix expected = Softmax.probabilities(model.predict(Matrix.of(rows)));
        assertTrue(expected.minus(Matrix.of(served)).maxAbs() < 1e-12, () -> "served " + Matrix.of(served)
                + ", nn4j " + expected);
    }

    @Test
    void theReadmeShowsThatCode() throws IOException {
        Path root = Path.of(System.getProperty("nn4j.root.dir", ".."));
        List<String> readme = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
        int at = readme.indexOf(MARKER);
        assertTrue(at >= 0, "README.md has no block marked " + MARKER);
        assertEquals("```java", readme.get(at + 1));
        int end = readme.subList(at + 2, readme.size()).indexOf("```") + at + 2;
        List<String> shown = readme.subList(at + 2, end);

        List<String> source = Files.readAllLines(
                root.resolve("nn-onnx/src/test/java/org/nn4j/onnx/ServeWithOnnxRuntime.java"), StandardCharsets.UTF_8);
        int start = source.indexOf("    // README: serving starts") + 1;
        int stop = source.indexOf("    // README: serving ends");
        List<String> code = source.subList(start, stop).stream()
                .map(line -> line.startsWith("    ") ? line.substring(4) : line).toList();
        assertEquals(code, shown);
    }
}
