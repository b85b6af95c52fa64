package org.nn4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nn4j.api.Matrix;
import org.nn4j.core.data.CsvTable;
import org.nn4j.core.files.AtomicWrite;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.Sequential;
import org.nn4j.examples.cli.CsvInput;
import org.nn4j.examples.cli.OutputPaths;
import org.nn4j.examples.cli.ExistingFile;
import org.nn4j.io.ModelFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a saved model on every row of a CSV file and writes its predictions as CSV.
 * <pre>
 *   $ nn4j xor --learning-rate 2 --epochs 2000 --save xor.json
 *   $ nn4j predict --model xor.json --data points.csv
 *   x1,x2,output
 *   0.1,0.9,0.9571...
 * </pre>
 * The input is a header line and one sample per line, every column a number (a strict {@link CsvTable}); with
 * {@code --label COLUMN} that column is left out of the model's input and copied to the output. A model that knows
 * its feature names ({@code train} saves them) takes the columns by name, in any order; a missing or extra column
 * is an error that names it ({@link ColumnMatch}). The model applies its own preprocessing (a {@code train} model
 * standardises its inputs itself), so the raw CSV is what it takes.
 *
 * <p>The output repeats the input columns, then the true label as {@code true_<label>} (when {@code --label} is
 * given), then the model's outputs: {@code output} for a model with one output; for k outputs the probability of
 * each class, {@code p_<class>} (or {@code output_0 … output_(k-1)} for a model without class labels), and the
 * predicted class by name as {@code predicted_<label>} (or {@code predicted}; an index for a model without labels).
 * No two header names are the same. Numbers are written so that they read back as the same doubles. A NaN or
 * infinite output (a model whose weights overflow on some row) is an error naming the row, and nothing is written.
 * {@code --data -} reads standard input; {@code --output FILE} replaces the file atomically; without it (or with
 * {@code --output -}) the CSV goes to standard output.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs a saved model on a CSV file and writes its predictions as CSV.")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, converter = ExistingFile.class,
            description = "A model saved as JSON (for example by xor --save FILE).")
    private Path model;

    @Option(names = "--data", paramLabel = "CSV", required = true,
            description = "The samples: a header line, then one row of numbers per sample; - for standard input.")
    private Path data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "A column to leave out of the model's input and copy to the output (such as the true class).")
    private String label;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the predictions to FILE (replaced atomically); - or no --output for standard output.")
    private Path output;

    private final PrintStream out;
    private final InputStream in;

    /** Reads standard input for {@code --data -}, writes to standard output. */
    public PredictCommand() {
        this(System.out, System.in);
    }

    PredictCommand(PrintStream out) {
        this(out, System.in);
    }

    PredictCommand(PrintStream out, InputStream in) {
        this.out = out;
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            OutputPaths.checkFile("--output", output);
        }
        Sequential network;
        try {
            network = ModelFormat.standard().load(model);
        } catch (IOException e) {
            throw new IOException(model + ": " + e.getMessage(), e);
        }
        CsvTable table = CsvInput.read(data, label, in);
        Matrix inputs = ColumnMatch.inputs(network, table, CsvInput.name(data), model);
        Matrix predictions = Probabilities.of(network, inputs);
        requireFinite(predictions, model);
        if (output == null || output.toString().equals("-")) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(table, network.names().classes(), predictions, writer);
            writer.flush();
        } else {
            writeAtomically(table, network.names().classes(), predictions, output);
        }
        return 0;
    }

    private static void writeAtomically(CsvTable table, List<String> classes, Matrix predictions, Path file)
            throws IOException {
        try {
            AtomicWrite.text(file, writer -> write(table, classes, predictions, writer));
        } catch (IOException e) {
            throw new IOException("--output " + e.getMessage(), e);
        }
    }

    /** A NaN or infinite answer is the model failing (its weights overflow on this input), never a prediction. */
    private static void requireFinite(Matrix predictions, Path model) {
        for (int i = 0; i < predictions.size(); i++) {
            double v = predictions.getFlat(i);
            if (!Double.isFinite(v)) {
                int row = i / predictions.cols() + 1;
                throw new IllegalArgumentException(model + ": the model's output for data row " + row + " (counting from 1, after the header) is " + v + ": its weights overflow on this input;"
                        + " no predictions written");
            }
        }
    }

    /**
     * Writes the header and one line per sample: the input columns, the true label (as {@code true_<label>}), the
     * model's outputs and the predicted class by name; every header name is distinct.
     */
    static void write(CsvTable table, List<String> classes, Matrix predictions, Writer writer) throws IOException {
        boolean labelled = !table.labels().isEmpty();
        int outputs = predictions.cols();
        boolean named = classes.size() == outputs && outputs > 1;
        List<String> header = new ArrayList<>(table.featureNames());
        if (labelled) {
            header.add("true_" + table.labelName());
        }
        if (outputs == 1) {
            header.add("output");
        } else {
            for (int k = 0; k < outputs; k++) {
                header.add(named ? "p_" + classes.get(k) : "output_" + k);
            }
            header.add(labelled ? "predicted_" + table.labelName() : "predicted");
        }
        writer.write(String.join(",", ColumnMatch.distinct(header).stream().map(PredictCommand::quote).toList()));
        writer.write('\n');
        Matrix features = table.features();
        for (int r = 0; r < features.rows(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < features.cols(); c++) {
                line.append(c == 0 ? "" : ",").append(features.get(r, c));
            }
            if (labelled) {
                line.append(',').append(quote(table.labels().get(r)));
            }
            for (int k = 0; k < outputs; k++) {
                line.append(',').append(predictions.get(r, k));
            }
            if (outputs > 1) {
                int best = Accuracy.classOf(predictions, r);
                line.append(',').append(named ? quote(classes.get(best)) : Integer.toString(best));
            }
            writer.write(line.append('\n').toString());
        }
    }

    /** Quotes a field that holds a comma, a quote or surrounding spaces, doubling its quotes, as CSV does. */
    private static String quote(String field) {
        boolean plain = !field.contains(",") && !field.contains("\"") && field.strip().equals(field);
        return plain ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
