package org.nn4j.io;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.layers.Dropout;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.ClipByGlobalNorm;

/**
 * Writes the seed corpus of {@link ModelFormatFuzzTest}: valid files the project saves (a model, a checkpoint, a
 * model with layer state, an image-shaped input and a clipped Adam) and variants that reach the loader's error
 * paths. The seeds named {@code v1-*} were written by the version-1 writer and are kept as they are, so the fuzzer
 * also mutates version-1 files. Run from the repository root after {@code test-compile}:
 * <pre>
 *   ./mvnw -q -pl nn-io -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp "nn-io/target/test-classes:nn-io/target/classes:$(cat nn-io/target/cp.txt)" org.nn4j.io.FuzzSeeds \
 *       nn-io/src/test/resources/org/nn4j/io/ModelFormatFuzzTestInputs/load
 * </pre>
 * The files are committed; the fuzzer mutates them.
 */
public final class FuzzSeeds {

    private FuzzSeeds() {
    }

    /**
     * @param args the corpus directory
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path directory = Files.createDirectories(Path.of(args[0]));
        ModelFormat format = ModelFormat.standard();
        Sequential model = Models.xor();
        model.fit(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), Matrix.columnVector(0, 1, 1, 0),
                TrainingConfig.builder().epochs(3).build());
        String valid = format.toJson(model);
        StringWriter checkpoint = new StringWriter();
        format.saveCheckpoint(model, TrainingState.of(model, 3), checkpoint);

        Map<String, String> seeds = new LinkedHashMap<>();
        seeds.put("valid-model", valid);
        seeds.put("valid-checkpoint", checkpoint.toString());
        seeds.put("truncated-half", valid.substring(0, valid.length() / 2));
        seeds.put("truncated-end", valid.substring(0, valid.length() - 2));
        seeds.put("unknown-layer-type", valid.replaceFirst("\"sigmoid\"", "\"swsh\""));
        seeds.put("class-name-type", valid.replaceFirst("\"dense\"", "\"java.lang.Runtime\""));
        seeds.put("number-overflow", valid.replaceFirst("(-?\\d+\\.\\d+)", "1e999"));
        seeds.put("version-3", valid.replaceFirst("\"version\" ?: ?2", "\"version\": 3"));
        seeds.put("deep-nesting", "[".repeat(5000));
        seeds.put("empty-object", "{}");
        seeds.put("not-json", "nn4j");
        seeds.put("checkpoint-negative-epochs", checkpoint.toString().replaceFirst("\"epochsCompleted\" ?: ?3",
                "\"epochsCompleted\": -3"));
        Matrix images = Matrix.of(new double[][] {{0, 3, 1, 2}, {1, 0, 2, 5}, {4, 1, 0, 0}, {2, 2, 2, 1}});
        Sequential stateful = Sequential.builder().input(1, 2, 2).layer(Standardize.adaptedTo(images))
                .dense(3).activation(new Sigmoid()).layer(new Dropout(0.25)).dense(2)
                .loss(new SoftmaxCrossEntropy()).optimizer(new ClipByGlobalNorm(new Adam(0.1), 0.5)).seed(1).build();
        stateful.fit(images, Matrix.of(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}}),
                TrainingConfig.builder().epochs(2).build());
        String statefulJson = format.toJson(stateful);
        seeds.put("valid-stateful-model", statefulJson);
        seeds.put("state-wrong-shape", statefulJson.replaceFirst("\"mean\": \\[\n          \\[",
                "\"mean\": [\n          [1.0, "));
        seeds.put("input-shape-one-axis", statefulJson.replaceFirst("\\[1, 2, 2\\]", "[4]"));
        seeds.put("wrapper-key-misspelt", statefulJson.replaceFirst("\"optimizer\": \\{\n      \"type\": \"adam\"",
                "\"wrapped\": {\n      \"type\": \"adam\""));
        for (Map.Entry<String, String> seed : seeds.entrySet()) {
            Files.writeString(directory.resolve(seed.getKey()), seed.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + seeds.size() + " seeds to " + directory);
    }
}
