package org.nn4j.core.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;

/**
 * Loads a CSV file for classification in one call:
 * <ol>
 *   <li>reads it strictly as a {@link CsvTable} (header, numeric features, one label column; a bad row is
 *       reported with file, line and column);</li>
 *   <li>turns the labels into one-hot target rows, classes in sorted order (numerically if every label is a
 *       number, so {@code 2} comes before {@code 10}; otherwise alphabetically);</li>
 *   <li>shuffles the rows with the given generator and holds out the last {@code round(n·testFraction)} of them
 *       for testing ({@link Dataset#split});</li>
 *   <li>fits a {@link Standardizer} on the training rows only and applies it to both parts (unless turned off).</li>
 * </ol>
 * <pre>
 *   ClassificationData data = new CsvLoader("species").testFraction(0.2).load(Path.of("iris.csv"), new NumpyRandom(7));
 * </pre>
 * Immutable: the option methods return a new loader.
 */
public final class CsvLoader {

    /**
     * The most classes a label column may have. The targets are one-hot, {@code 8·classes} bytes per row, so the
     * cap bounds them at 8 KB per row; a file with more distinct labels is refused before any target is built.
     */
    public static final int MAX_CLASSES = 1000;

    private final String labelColumn;
    private final double testFraction;
    private final boolean standardize;

    /**
     * A loader with test fraction 0.2 and standardisation on.
     *
     * @param labelColumn the header name of the label column
     */
    public CsvLoader(String labelColumn) {
        this(labelColumn, 0.2, true);
    }

    private CsvLoader(String labelColumn, double testFraction, boolean standardize) {
        this.labelColumn = Objects.requireNonNull(labelColumn, "labelColumn");
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("CsvLoader: test fraction must be in (0, 1), got " + testFraction);
        }
        this.testFraction = testFraction;
        this.standardize = standardize;
    }

    /**
     * @param fraction the fraction of rows held out for testing, in {@code (0, 1)}
     * @return a loader like this one with that fraction
     */
    public CsvLoader testFraction(double fraction) {
        return new CsvLoader(labelColumn, fraction, standardize);
    }

    /**
     * @param on whether to standardise the features (fitted on the training rows)
     * @return a loader like this one with that choice
     */
    public CsvLoader standardize(boolean on) {
        return new CsvLoader(labelColumn, testFraction, on);
    }

    /**
     * @param file the CSV file
     * @param random the generator that shuffles the rows before the split
     * @return the training and test sets, names and the fitted standardizer
     * @throws IOException if the file cannot be read
     * @throws CsvFormatException if a line is malformed (the message names file, line and column)
     * @throws IllegalArgumentException if there are fewer than two classes or more than {@link #MAX_CLASSES}, or
     *     too few rows to split
     */
    public ClassificationData load(Path file, RandomGenerator random) throws IOException {
        return load(CsvTable.read(file, labelColumn), file.toString(), random);
    }

    /**
     * Does the same with a table already read, such as one from standard input.
     *
     * @param table the table, read with this loader's label column
     * @param file what messages call its source
     * @param random the generator that shuffles the rows before the split
     * @return the training and test sets, names and the fitted standardizer
     * @throws IllegalArgumentException if there are fewer than two classes or more than {@link #MAX_CLASSES}, or
     *     too few rows to split
     */
    public ClassificationData load(CsvTable table, String file, RandomGenerator random) {
        List<String> classes = classNames(table.labels());
        if (classes.size() > MAX_CLASSES) {
            throw new IllegalArgumentException("CsvLoader: " + file + ": label column \"" + labelColumn
                    + "\" has more than " + MAX_CLASSES + " distinct values; at most " + MAX_CLASSES
                    + " classes are supported (each class is a column of the one-hot targets; a column of mostly unique values is an ID or a"
                    + " number to regress, not a class)");
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("CsvLoader: " + file + ": label column \"" + labelColumn
                    + "\" has only the class " + classes + "; classification needs two or more");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        int[] labels = new int[table.labels().size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = index.get(table.labels().get(i));
        }
        Dataset all = new Dataset(table.features(), Dataset.oneHot(labels, classes.size()));
        Dataset.Split split = all.split(testFraction, random);
        Standardizer standardizer = standardize ? Standardizer.fit(split.train().inputs())
                : new Standardizer(Matrix.zeros(1, table.features().cols()),
                        Matrix.filled(1, table.features().cols(), 1.0));
        Dataset train = new Dataset(standardizer.apply(split.train().inputs()), split.train().targets());
        Dataset test = new Dataset(standardizer.apply(split.test().inputs()), split.test().targets());
        return new ClassificationData(train, test, table.featureNames(), classes, standardizer);
    }

    /**
     * The distinct labels, sorted numerically when all are numbers, else alphabetically; when there are more than
     * {@link #MAX_CLASSES}, only the first {@code MAX_CLASSES + 1} found (unsorted), which is enough to refuse them.
     */
    static List<String> classNames(List<String> labels) {
        Set<String> found = new HashSet<>();
        for (String label : labels) {
            if (found.add(label) && found.size() > MAX_CLASSES) {
                return new ArrayList<>(found);
            }
        }
        boolean numeric = found.stream().allMatch(CsvLoader::isNumber);
        Comparator<String> order = numeric ? Comparator.comparing(BigDecimal::new) : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order.thenComparing(Comparator.naturalOrder()));
        distinct.addAll(found);
        return new ArrayList<>(distinct);
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return the header name of the label column */
    public String labelColumn() {
        return labelColumn;
    }

    /** @return the fraction of rows held out for testing */
    public double testFraction() {
        return testFraction;
    }

    /** @return whether features are standardised */
    public boolean standardize() {
        return standardize;
    }
}
