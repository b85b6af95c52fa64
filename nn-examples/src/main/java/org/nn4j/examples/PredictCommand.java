package org.nn4j.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nn4j.api.Matrix;
import org.nn4j.core.data.CsvTable;
import org.nn4j.core.model.Sequential;
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
 * {@code --label COLUMN} that column is left out of the model's input and copied to the output. The model sees the
 * numbers as they are: a model trained on transformed features (standardised, say) needs them transformed the same
 * way. The output repeats the input columns, then the model's outputs: {@code output} for a model with one output,
 * {@code output_0 … output_(k-1)} and {@code class} (the index of the largest) for k outputs. Numbers are written
 * so that they read back as the same doubles. {@code --output FILE} replaces the file atomically; otherwise the
 * CSV goes to standard output.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs a saved model on a CSV file and writes its predictions as CSV.")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, converter = ExistingFile.class,
            description = "A model saved as JSON (for example by xor --save FILE).")
    private Path model;

    @Option(names = "--data", paramLabel = "CSV", required = true, converter = ExistingFile.class,
            description = "The samples: a header line, then one row of numbers per sample.")
    private Path data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "A column to leave out of the model's input and copy to the output (such as the true class).")
    private String label;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the predictions to FILE (replaced atomically) instead of standard output.")
    private Path output;

    private final PrintStream out;

    /** Writes to standard output. */
    public PredictCommand() {
        this(System.out);
    }

    PredictCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        Sequential network;
        try {
            network = ModelFormat.standard().load(model);
        } catch (IOException e) {
            throw new IOException(model + ": " + e.getMessage(), e);
        }
        CsvTable table = label == null ? CsvTable.readFeatures(data) : CsvTable.read(data, label);
        if (table.featureNames().size() != network.inputSize()) {
            throw new IllegalArgumentException(data + " has " + table.featureNames().size() + " feature columns "
                    + table.featureNames() + ", the model in " + model + " expects " + network.inputSize());
        }
        Matrix predictions = Probabilities.of(network, table.features());
        if (output == null) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(table, predictions, writer);
            writer.flush();
        } else {
            writeAtomically(table, predictions, output);
        }
        return 0;
    }

    private static void writeAtomically(CsvTable table, Matrix predictions, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".part");
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                write(table, predictions, writer);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes the header and one line per sample. */
    static void write(CsvTable table, Matrix predictions, Writer writer) throws IOException {
        boolean labelled = !table.labels().isEmpty();
        List<String> header = new ArrayList<>();
        table.featureNames().forEach(name -> header.add(quote(name)));
        if (labelled) {
            header.add(quote(table.labelName()));
        }
        int outputs = predictions.cols();
        if (outputs == 1) {
            header.add("output");
        } else {
            for (int k = 0; k < outputs; k++) {
                header.add("output_" + k);
            }
            header.add("class");
        }
        writer.write(String.join(",", header));
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
            int best = 0;
            for (int k = 0; k < outputs; k++) {
                line.append(',').append(predictions.get(r, k));
                if (predictions.get(r, k) > predictions.get(r, best)) {
                    best = k;
                }
            }
            if (outputs > 1) {
                line.append(',').append(best);
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
