package org.nn4j.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nn4j.core.random.NumpyRandom;

/**
 * Generates CSV files shaped like three classic tables, so that tests need no downloaded data (and no licence):
 * the same column names, classes and row counts, each class a Gaussian cloud around its own centre in every column.
 * <pre>
 *   iris-like:           150 rows, 4 features (sepal_length, …), label species: setosa, versicolor, virginica
 *   wine-like:           178 rows, 13 features (alcohol, …),     label cultivar: barolo, grignolino, barbera
 *   breast-cancer-like:  569 rows, 30 features (mean_radius, …), label diagnosis: benign, malignant
 * </pre>
 * The label is written in the middle of the columns (not last) and the features on very different scales (as in
 * the real tables: areas in the hundreds, smoothness around 0.1), so a model that forgets its standardisation or
 * reads columns by position is caught. Deterministic: {@link NumpyRandom} with a fixed seed per table.
 */
final class SyntheticTables {

    private SyntheticTables() {
    }

    /** One table's recipe. */
    record Recipe(String name, String label, List<String> classes, int[] rowsPerClass, List<String> features,
            long seed) {
    }

    static final Recipe IRIS = new Recipe("iris", "species", List.of("setosa", "versicolor", "virginica"),
            new int[] {50, 50, 50}, List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), 1);

    static final Recipe WINE = new Recipe("wine", "cultivar", List.of("barolo", "grignolino", "barbera"),
            new int[] {59, 71, 48}, List.of("alcohol", "malic_acid", "ash", "alcalinity", "magnesium", "phenols",
                    "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                    "od280_od315", "proline"), 2);

    static final Recipe BREAST_CANCER = new Recipe("breast-cancer", "diagnosis", List.of("benign", "malignant"),
            new int[] {357, 212}, breastCancerFeatures(), 3);

    private static List<String> breastCancerFeatures() {
        List<String> names = new ArrayList<>();
        for (String kind : List.of("mean", "error", "worst")) {
            for (String f : List.of("radius", "texture", "perimeter", "area", "smoothness", "compactness",
                    "concavity", "concave_points", "symmetry", "fractal_dimension")) {
                names.add(kind + "_" + f);
            }
        }
        return names;
    }

    /**
     * Writes a table: column {@code j} has scale {@code 10^(j mod 4 − 1)}; class {@code c}'s centre in a column is
     * {@code scale · (5 + 1.2·c·sign)}, where the sign alternates by column, and each value adds Gaussian noise of
     * standard deviation {@code scale}, so the classes overlap a little and no model is perfect.
     *
     * @param recipe the table
     * @param file where to write it
     * @return the file
     */
    static Path write(Recipe recipe, Path file) throws IOException {
        NumpyRandom random = new NumpyRandom(recipe.seed());
        int features = recipe.features().size();
        int labelAt = features / 2;
        List<String> header = new ArrayList<>(recipe.features());
        header.add(labelAt, recipe.label());
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (int c = 0; c < recipe.classes().size(); c++) {
            for (int r = 0; r < recipe.rowsPerClass()[c]; r++) {
                List<String> row = new ArrayList<>();
                for (int j = 0; j < features; j++) {
                    double scale = Math.pow(10, j % 4 - 1);
                    double centre = scale * (5 + 1.2 * c * (j % 2 == 0 ? 1 : -1));
                    row.add(String.format(Locale.ROOT, "%.4f", centre + scale * random.nextGaussian()));
                }
                row.add(labelAt, recipe.classes().get(c));
                csv.append(String.join(",", row)).append('\n');
            }
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
