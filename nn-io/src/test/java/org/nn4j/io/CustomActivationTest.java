package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Activation;
import org.nn4j.api.Matrix;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Sgd;

/** Custom activations registered by name (one plain, one configured) are saved and loaded like built-ins. */
class CustomActivationTest {

    /** softsign(x) = x / (1 + |x|), softsign'(x) = 1 / (1 + |x|)². */
    static final class Softsign implements Activation {
        @Override
        public double apply(double x) {
            return x / (1 + Math.abs(x));
        }

        @Override
        public double derivative(double x, double y) {
            double d = 1 + Math.abs(x);
            return 1 / (d * d);
        }
    }

    /** swish(x) = x · σ(βx), with β configured. */
    static final class Swish implements Activation {
        private final double beta;

        Swish(double beta) {
            this.beta = beta;
        }

        double beta() {
            return beta;
        }

        @Override
        public double apply(double x) {
            return x / (1 + Math.exp(-beta * x));
        }

        @Override
        public double derivative(double x, double y) {
            double s = 1 / (1 + Math.exp(-beta * x));
            return s + beta * x * s * (1 - s);
        }
    }

    private static final TypeRegistry REGISTRY = TypeRegistry.builder()
            .activation("softsign", Softsign.class, Softsign::new)
            .activation("swish", Swish.class, s -> Config.of("beta", s.beta()), c -> new Swish(c.getDouble("beta")))
            .build();

    @TempDir
    Path directory;

    private static Sequential model() {
        return Sequential.builder().input(3)
                .dense(5).activation(new Softsign())
                .dense(2).activation(new Swish(1.5))
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.05)).seed(7).build();
    }

    @Test
    void customActivationsRoundTripThroughAFile() throws IOException {
        ModelFormat format = ModelFormat.of(REGISTRY);
        Sequential model = model();
        Path file = directory.resolve("custom.json");
        format.save(model, file);
        String json = java.nio.file.Files.readString(file);
        assertTrue(json.contains("\"type\": \"softsign\""), json);
        assertTrue(json.contains("\"type\": \"swish\",\n      \"config\": {\n        \"beta\": 1.5\n      }"), json);
        assertEquals(java.util.List.of(), SchemaValidation.errors(json));

        Sequential loaded = format.load(file);
        Matrix x = Matrix.of(new double[][] {{0.5, -1, 2}, {3, 0, -0.25}});
        assertEquals(model.predict(x), loaded.predict(x));
        assertEquals(1.5, ((Swish) ((org.nn4j.core.layers.ActivationLayer) loaded.layers().get(3)).activation()).beta());
        assertEquals(json, format.toJson(loaded));
    }

    @Test
    void withoutTheRegistrationSavingAndLoadingSayWhatIsMissing() {
        IllegalArgumentException save = assertThrows(IllegalArgumentException.class,
                () -> ModelFormat.standard().toJson(model()));
        assertTrue(save.getMessage().contains("is not registered"), save.getMessage());

        String json = ModelFormat.of(REGISTRY).toJson(model());
        ModelFormatException load = assertThrows(ModelFormatException.class,
                () -> ModelFormat.standard().load(new StringReader(json)));
        assertEquals("layers[1].type", load.path());
        assertTrue(load.getMessage().contains("unknown layer type \"softsign\"; registered: dense, "),
                load.getMessage());
    }

    /** Identity that carries a label, to round-trip strings that need escaping. */
    static final class Labelled implements Activation {
        private final String label;
        private final boolean on;

        Labelled(String label, boolean on) {
            this.label = label;
            this.on = on;
        }

        @Override
        public double apply(double x) {
            return x;
        }

        @Override
        public double derivative(double x, double y) {
            return 1;
        }
    }

    @Test
    void configurationStringsAndBooleansRoundTrip() throws IOException {
        String label = "quote \" backslash \\ newline \n tab \t bell \u0007 é 😀 </script>";
        ModelFormat format = ModelFormat.of(TypeRegistry.builder()
                .activation("labelled", Labelled.class, a -> Config.of("label", a.label, "on", a.on),
                        c -> new Labelled(c.getString("label"), c.getBoolean("on")))
                .build());
        Sequential model = Sequential.builder().input(1).dense(1).activation(new Labelled(label, true))
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build();
        String json = format.toJson(model);
        Labelled loaded = (Labelled) ((org.nn4j.core.layers.ActivationLayer) format.load(new StringReader(json))
                .layers().get(1)).activation();
        assertEquals(label, loaded.label);
        assertTrue(loaded.on);
        assertEquals(java.util.List.of(), SchemaValidation.errors(json));
    }

    @Test
    void aMissingOrUnknownConfigurationKeyIsNamed() {
        String json = ModelFormat.of(REGISTRY).toJson(model());
        ModelFormatException missing = assertThrows(ModelFormatException.class, () -> ModelFormat.of(REGISTRY)
                .load(new StringReader(json.replace("\"beta\": 1.5", "\"gamma\": 1.5"))));
        assertTrue(missing.getMessage().contains("missing configuration key \"beta\""), missing.getMessage());
        ModelFormatException extra = assertThrows(ModelFormatException.class, () -> ModelFormat.of(REGISTRY)
                .load(new StringReader(json.replace("\"beta\": 1.5", "\"beta\": 1.5, \"gamma\": 2"))));
        assertEquals("layers[3].config.gamma", extra.path());
    }
}
