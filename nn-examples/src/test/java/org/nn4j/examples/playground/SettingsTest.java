package org.nn4j.examples.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings.Parsed parse(String... pairs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return Settings.parse(parameters);
    }

    @Test
    void theIssuesExampleUrlSetsTheBlogsNetworkWithALargerStep() {
        Settings.Parsed parsed = Settings.parse(Exchanges.parameters(
                "dataset=xor&hidden=4&activation=sigmoid&rate=2&seed=42&autostart=1"));
        assertEquals(List.of(), parsed.notes());
        Settings s = parsed.settings();
        assertEquals("xor", s.dataset());
        assertEquals(List.of(4), s.hidden());
        assertEquals("sigmoid", s.activation());
        assertEquals(2.0, s.rate());
        assertEquals(42, s.seed());
        assertEquals("mse", s.loss());
        assertEquals("sgd", s.optimizer());
        assertEquals(0, s.batch());
    }

    @Test
    void noParametersGiveTheDefaults() {
        assertEquals(new Settings.Parsed(Settings.DEFAULTS, List.of()), parse());
    }

    @Test
    void everySettingRoundTripsThroughItsParameters() {
        Settings s = new Settings("spirals", 300, 0.25, 20, List.of(8, 6, 3), "tanh", "bce", "adam", 0.03, 16, 7,
                500, 1000, 30);
        assertEquals(new Settings.Parsed(s, List.of()), Settings.parse(s.toParameters()));
    }

    @Test
    void valuesAboveTheCapsAreClampedWithANoteEach() {
        Settings.Parsed parsed = parse("hidden", "50,3,2,2,2,2,2,2", "rate", "100", "points", "99999", "noise", "3",
                "split", "95", "batch", "5000", "seed", "99999999999", "epochs", "2000000000", "speed", "1000000",
                "updates", "500");
        Settings s = parsed.settings();
        assertEquals(List.of(8, 3, 2, 2, 2, 2), s.hidden());
        assertEquals(Limits.MAX_RATE, s.rate());
        assertEquals(Limits.MAX_POINTS, s.points());
        assertEquals(Limits.MAX_NOISE, s.noise());
        assertEquals(Limits.MAX_SPLIT, s.split());
        assertEquals(Limits.MAX_BATCH, s.batch());
        assertEquals(Limits.MAX_SEED, s.seed());
        assertEquals(Limits.MAX_EPOCHS, s.epochs());
        assertEquals(Limits.MAX_SPEED, s.speed());
        assertEquals(Limits.MAX_UPDATES, s.updates());
        assertEquals(List.of(
                "points: at most 1000 points; 99999 became 1000",
                "noise: at most 0.5; 3 became 0.5",
                "split: at most 90 percent; 95 became 90",
                "hidden: at most 6 hidden layers; the last 2 were left out",
                "hidden: at most 8 neurons per layer; 50 became 8",
                "rate: at most 10.0; 100 became 10.0",
                "batch: at most 1000 samples; 5000 became 1000",
                "seed: at most 4294967295; 99999999999 became 4294967295",
                "epochs: at most 1000000 epochs; 2000000000 became 1000000",
                "speed: at most 100000 epochs per second; 1000000 became 100000",
                "updates: at most 30 updates per second; 500 became 30"), parsed.notes());
    }

    @Test
    void valuesBelowTheCapsAreRaised() {
        Settings.Parsed parsed = parse("hidden", "0,4", "rate", "-1", "points", "3", "speed", "0");
        assertEquals(List.of(1, 4), parsed.settings().hidden());
        assertEquals(Limits.MIN_RATE, parsed.settings().rate());
        assertEquals(Limits.MIN_POINTS, parsed.settings().points());
        assertEquals(1, parsed.settings().speed());
        assertEquals(List.of("points: at least 10 points; 3 became 10",
                "hidden: at least 1 neuron per layer; 0 became 1",
                "rate: at least 1.0E-6; -1 became 1.0E-6",
                "speed: at least 1 epochs per second; 0 became 1"), parsed.notes());
    }

    @Test
    void badValuesKeepTheDefaultAndSaySo() {
        Settings.Parsed parsed = parse("rate", "fast", "seed", "4.5", "hidden", "4;4", "activation", "swish",
                "noise", "NaN", "dataset", "moons", "colour", "red", "loss", "x".repeat(200));
        assertEquals(Settings.DEFAULTS, parsed.settings());
        assertEquals(List.of(
                "dataset: \"moons\" is not one of xor, xor-cloud, circles, gaussians, spirals; xor is used",
                "noise: \"NaN\" is not a number; 0.1 is used",
                "hidden: \"4;4\" is not a list of whole numbers such as 4 or 8,8; 4 is used",
                "activation: \"swish\" is not one of sigmoid, tanh, relu, leaky-relu, linear; sigmoid is used",
                "loss: a value of 200 characters is too long (at most 64); the default is used",
                "rate: \"fast\" is not a number; 0.2 is used",
                "seed: \"4.5\" is not a whole number; 42 is used",
                "unknown parameter \"colour\" ignored"), parsed.notes());
    }

    @Test
    void anEmptyHiddenListIsANetworkWithoutHiddenLayers() {
        Settings.Parsed parsed = parse("hidden", "");
        assertEquals(List.of(), parsed.settings().hidden());
        assertTrue(parsed.notes().isEmpty());
    }

    @Test
    void choicesIgnoreCase() {
        assertEquals("relu", parse("activation", "ReLU").settings().activation());
    }
}
