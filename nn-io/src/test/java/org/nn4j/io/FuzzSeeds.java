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
        structureSeeds(seeds, valid, format.toJson(adam()));
        for (Map.Entry<String, String> seed : seeds.entrySet()) {
            Files.writeString(directory.resolve(seed.getKey()), seed.getValue(), StandardCharsets.UTF_8);
        }
        // Encodings other than UTF-8 (issue 15): the loader decodes these by their first bytes.
        Files.write(directory.resolve("structure-utf16le-bom"), ("\ufeff" + valid).getBytes(
                StandardCharsets.UTF_16LE));
        Files.write(directory.resolve("structure-utf32be"), valid.getBytes(java.nio.charset.Charset.forName(
                "UTF-32BE")));
        Files.write(directory.resolve("structure-utf8-bom"), ("\ufeff" + valid).getBytes(StandardCharsets.UTF_8));
        System.out.println("wrote " + (seeds.size() + 3) + " seeds to " + directory);
    }

    /** A 2-2-1 network after two epochs of Adam: its state holds m, v and step for every parameter. */
    private static Sequential adam() {
        Sequential model = Sequential.builder().input(2).dense(2)
                .activation(new org.nn4j.core.activations.Tanh()).dense(1)
                .loss(new org.nn4j.core.losses.MeanSquaredError()).optimizer(new Adam(0.01)).seed(7).build();
        model.fit(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), Matrix.columnVector(0, 1, 1, 0),
                TrainingConfig.builder().epochs(2).build());
        return model;
    }

    /**
     * Issue 15's structure-heavy seeds, small enough to mutate quickly: many layers, keys and names near the
     * structural limits, optimizer state that is wrong in each way the loader checks, text the loader must escape.
     */
    private static void structureSeeds(Map<String, String> seeds, String valid, String adam) {
        String head = "{\"format\": \"nn4j-model\", \"version\": 2, \"inputSize\": 2, ";
        String tail = "\"loss\": {\"type\": \"mse\"}, \"optimizer\": {\"type\": \"sgd\", \"config\":"
                + " {\"learningRate\": 0.1}}}";
        seeds.put("structure-many-layers", head + "\"layers\": [" + "{\"type\": \"relu\"},".repeat(300)
                + "{\"type\": \"relu\"}], " + tail);
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            keys.append(", \"k").append(i).append("\": ").append(i);
        }
        seeds.put("structure-config-keys", head + "\"layers\": [{\"type\": \"dense\", \"config\": {\"units\": 1"
                + keys + "}}], " + tail);
        seeds.put("structure-parameter-keys", head + "\"layers\": [{\"type\": \"relu\", \"parameters\": {"
                + keys.substring(2).replaceAll(": (\\d+)", ": [[$1]]") + "}}], " + tail);
        seeds.put("structure-names", valid.replaceFirst("\"inputSize\": 2,", "\"inputSize\": 2, \"featureNames\": ["
                + "\"a\", ".repeat(100) + "\"b\"],"));
        seeds.put("structure-state-valid-adam", adam);
        seeds.put("structure-state-unknown-keys", adam.replaceFirst("\"state\": \\{", "\"state\": {"
                + "\"m/garbage\": [[0]], \"m/layers[99].weights\": [[0]], \"step\": [[1]], "));
        seeds.put("structure-state-negative-v", adam.replaceFirst("(\"v/layers\\[2\\].bias\": \\[\n *\\[)",
                "$1-"));
        seeds.put("structure-state-fraction-step", adam.replaceFirst("(\"step/layers\\[0\\].weights\": \\[\n"
                + " *\\[)[0-9.]+", "$11.5"));
        seeds.put("structure-state-missing-v", adam.replaceFirst("\"v/layers\\[2\\].bias\"", "\"w/layers[2].bias\""));
        int layers = adam.indexOf("\"layers\":");
        int optimizer = adam.indexOf("\"optimizer\":");
        seeds.put("structure-optimizer-first", adam.substring(0, layers) + adam.substring(optimizer,
                adam.lastIndexOf('}')).stripTrailing() + ",\n  " + adam.substring(layers, optimizer).stripTrailing()
                .replaceAll(",$", "") + "\n}");
        seeds.put("structure-control-characters", valid.replaceFirst("\"sigmoid\"",
                "\"\\\\u001b]0;title\\\\u0007\\\\u202e\""));
        seeds.put("structure-number-41", head + "\"layers\": [{\"type\": \"relu\"}], " + tail.replace("0.1",
                "-0." + "1".repeat(38)));
    }
}
