package org.nn4j.examples.playground;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the page lets a learner choose, as the URL spells it ({@code /?dataset=xor&hidden=4&rate=2&seed=42}):
 *
 * <pre>
 *   dataset     xor (the blog's four points), xor-cloud, circles, gaussians, spirals
 *   points      how many points a generated data set has           (not for xor)
 *   noise       standard deviation added to each coordinate       (not for xor)
 *   split       percent of the points held out for testing         (not for xor: it tests on its four points)
 *   hidden      neurons per hidden layer, comma-separated: 4, or 8,8, or empty for none
 *   activation  sigmoid, tanh, relu, leaky-relu, linear            (of the hidden layers; the output is a sigmoid)
 *   loss        mse, bce                                           (mean squared error, binary cross-entropy)
 *   optimizer   sgd, momentum, adam
 *   rate        the learning rate
 *   batch       samples per update, 0 for the whole training set (the blog's full batch)
 *   seed        seeds the data and the initial weights (numpy's generator, as the blog's np.random.seed)
 *   epochs      stop after this many epochs, 0 for no limit
 *   speed       epochs per second at most, so that a learner can watch
 *   updates     pictures the server pushes per second
 * </pre>
 *
 * @param dataset the data set's name
 * @param points points of a generated data set
 * @param noise the noise of a generated data set
 * @param split percent of points held out for testing
 * @param hidden neurons per hidden layer
 * @param activation the hidden layers' activation
 * @param loss the loss's name
 * @param optimizer the optimizer's name
 * @param rate the learning rate
 * @param batch samples per update, 0 for full batch
 * @param seed the seed
 * @param epochs the epoch limit, 0 for none
 * @param speed epochs per second at most
 * @param updates pushes per second
 */
public record Settings(String dataset, int points, double noise, int split, List<Integer> hidden, String activation,
        String loss, String optimizer, double rate, int batch, long seed, int epochs, int speed, int updates) {

    /** The data sets, in the page's order. */
    public static final List<String> DATASETS = List.of("xor", "xor-cloud", "circles", "gaussians", "spirals");
    /** The hidden layers' activations. */
    public static final List<String> ACTIVATIONS = List.of("sigmoid", "tanh", "relu", "leaky-relu", "linear");
    /** The losses. */
    public static final List<String> LOSSES = List.of("mse", "bce");
    /** The optimizers. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adam");

    /** The blog's network on the blog's data, without an epoch limit: what the page starts with. */
    public static final Settings DEFAULTS = new Settings("xor", 200, 0.1, 30, List.of(4), "sigmoid", "mse", "sgd",
            0.2, 0, 42, 0, 200, 20);

    /**
     * Copies the hidden sizes.
     *
     * @param dataset the data set's name
     * @param points points of a generated data set
     * @param noise the noise of a generated data set
     * @param split percent of points held out for testing
     * @param hidden neurons per hidden layer
     * @param activation the hidden layers' activation
     * @param loss the loss's name
     * @param optimizer the optimizer's name
     * @param rate the learning rate
     * @param batch samples per update, 0 for full batch
     * @param seed the seed
     * @param epochs the epoch limit, 0 for none
     * @param speed epochs per second at most
     * @param updates pushes per second
     */
    public Settings {
        hidden = List.copyOf(hidden);
    }

    /**
     * The settings a page asked for, and what was changed on the way.
     *
     * @param settings the settings, every value within {@link Limits}
     * @param notes one sentence for each value that was capped, not understood or unknown, to show on the page
     */
    public record Parsed(Settings settings, List<String> notes) {

        /**
         * Copies the notes.
         *
         * @param settings the settings, every value within {@link Limits}
         * @param notes one sentence per changed value
         */
        public Parsed {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Reads settings from request parameters: missing ones keep their default, and every value is clamped into
     * {@link Limits}. Nothing here throws for bad input: each value that could not be used as given becomes a note
     * such as {@code hidden: at most 8 neurons per layer; 50 became 8}.
     *
     * @param parameters parameter names and values as the URL gives them
     * @return the settings and the notes
     */
    public static Parsed parse(Map<String, String> parameters) {
        Reader r = new Reader(parameters);
        Settings d = DEFAULTS;
        String dataset = r.choice("dataset", DATASETS, d.dataset);
        int points = (int) r.integer("points", d.points, Limits.MIN_POINTS, Limits.MAX_POINTS, "points");
        double noise = r.decimal("noise", d.noise, 0, Limits.MAX_NOISE);
        int split = (int) r.integer("split", d.split, Limits.MIN_SPLIT, Limits.MAX_SPLIT, "percent");
        List<Integer> hidden = r.hidden(d.hidden);
        String activation = r.choice("activation", ACTIVATIONS, d.activation);
        String loss = r.choice("loss", LOSSES, d.loss);
        String optimizer = r.choice("optimizer", OPTIMIZERS, d.optimizer);
        double rate = r.decimal("rate", d.rate, Limits.MIN_RATE, Limits.MAX_RATE);
        int batch = (int) r.integer("batch", d.batch, 0, Limits.MAX_BATCH, "samples");
        long seed = r.integer("seed", d.seed, 0, Limits.MAX_SEED, "");
        int epochs = (int) r.integer("epochs", d.epochs, 0, Limits.MAX_EPOCHS, "epochs");
        int speed = (int) r.integer("speed", d.speed, 1, Limits.MAX_SPEED, "epochs per second");
        int updates = (int) r.integer("updates", d.updates, 1, Limits.MAX_UPDATES, "updates per second");
        r.unknown();
        return new Parsed(new Settings(dataset, points, noise, split, hidden, activation, loss, optimizer, rate,
                batch, seed, epochs, speed, updates), r.notes);
    }

    /** @return the parameters that give these settings back through {@link #parse}, in the order of the list above */
    public Map<String, String> toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dataset", dataset);
        p.put("points", Integer.toString(points));
        p.put("noise", Double.toString(noise));
        p.put("split", Integer.toString(split));
        p.put("hidden", hidden.stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.put("activation", activation);
        p.put("loss", loss);
        p.put("optimizer", optimizer);
        p.put("rate", Double.toString(rate));
        p.put("batch", Integer.toString(batch));
        p.put("seed", Long.toString(seed));
        p.put("epochs", Integer.toString(epochs));
        p.put("speed", Integer.toString(speed));
        p.put("updates", Integer.toString(updates));
        return p;
    }

    /** Reads one parameter at a time and collects the notes. */
    private static final class Reader {

        /** Parameters the page may send that are not settings. */
        private static final List<String> OTHERS = List.of("autostart");

        private final Map<String, String> parameters;
        private final List<String> used = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Reader(Map<String, String> parameters) {
            this.parameters = parameters;
        }

        private String raw(String name) {
            used.add(name);
            String value = parameters.get(name);
            if (value != null && value.length() > Limits.MAX_VALUE_LENGTH) {
                notes.add(name + ": a value of " + value.length() + " characters is too long (at most "
                        + Limits.MAX_VALUE_LENGTH + "); the default is used");
                return null;
            }
            return value == null ? null : value.strip();
        }

        String choice(String name, List<String> choices, String fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            if (choices.contains(lower)) {
                return lower;
            }
            notes.add(name + ": \"" + value + "\" is not one of " + String.join(", ", choices) + "; " + fallback
                    + " is used");
            return fallback;
        }

        long integer(String name, long fallback, long min, long max, String unit) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                notes.add(name + ": \"" + value + "\" is not a whole number; " + fallback + " is used");
                return fallback;
            }
            return clamp(name, parsed, min, max, unit);
        }

        private long clamp(String name, long value, long min, long max, String unit) {
            String units = unit.isEmpty() ? "" : " " + unit;
            if (value < min) {
                notes.add(name + ": at least " + min + units + "; " + value + " became " + min);
                return min;
            }
            if (value > max) {
                notes.add(name + ": at most " + max + units + "; " + value + " became " + max);
                return max;
            }
            return value;
        }

        double decimal(String name, double fallback, double min, double max) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            double parsed;
            try {
                parsed = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                parsed = Double.NaN;
            }
            if (Double.isNaN(parsed)) {
                notes.add(name + ": \"" + value + "\" is not a number; " + fallback + " is used");
                return fallback;
            }
            if (parsed < min) {
                notes.add(name + ": at least " + min + "; " + value + " became " + min);
                return min;
            }
            if (parsed > max) {
                notes.add(name + ": at most " + max + "; " + value + " became " + max);
                return max;
            }
            return parsed;
        }

        List<Integer> hidden(List<Integer> fallback) {
            String value = raw("hidden");
            if (value == null) {
                return fallback;
            }
            if (value.isEmpty()) {
                return List.of();
            }
            String[] parts = value.split(",", -1);
            List<Integer> sizes = new ArrayList<>();
            for (String part : parts) {
                try {
                    sizes.add(Integer.parseInt(part.strip()));
                } catch (NumberFormatException e) {
                    notes.add("hidden: \"" + value + "\" is not a list of whole numbers such as 4 or 8,8; "
                            + fallback.stream().map(String::valueOf).collect(Collectors.joining(",")) + " is used");
                    return fallback;
                }
            }
            if (sizes.size() > Limits.MAX_LAYERS) {
                notes.add("hidden: at most " + Limits.MAX_LAYERS + " hidden layers; the last "
                        + (sizes.size() - Limits.MAX_LAYERS) + " were left out");
                sizes = new ArrayList<>(sizes.subList(0, Limits.MAX_LAYERS));
            }
            for (int i = 0; i < sizes.size(); i++) {
                int n = sizes.get(i);
                if (n < 1) {
                    notes.add("hidden: at least 1 neuron per layer; " + n + " became 1");
                    sizes.set(i, 1);
                } else if (n > Limits.MAX_NEURONS) {
                    notes.add("hidden: at most " + Limits.MAX_NEURONS + " neurons per layer; " + n + " became "
                            + Limits.MAX_NEURONS);
                    sizes.set(i, Limits.MAX_NEURONS);
                }
            }
            return sizes;
        }

        void unknown() {
            for (String name : parameters.keySet()) {
                if (!used.contains(name) && !OTHERS.contains(name)) {
                    String shown = name.length() > Limits.MAX_VALUE_LENGTH
                            ? name.substring(0, Limits.MAX_VALUE_LENGTH) + "…" : name;
                    notes.add("unknown parameter \"" + shown + "\" ignored");
                }
            }
        }
    }
}
