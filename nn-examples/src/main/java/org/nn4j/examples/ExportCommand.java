package org.nn4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.examples.cli.ExistingFile;
import org.nn4j.examples.cli.OutputPaths;
import org.nn4j.io.ModelFormat;
import org.nn4j.onnx.OnnxExport;
import org.nn4j.onnx.OnnxExportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a saved model as an ONNX model ({@link OnnxExport}), for ONNX Runtime or any other ONNX runtime.
 * <pre>
 *   $ nn4j xor --learning-rate 2 --epochs 2000 --quiet --save xor.json
 *   $ nn4j export --model xor.json --onnx xor.onnx
 *   Wrote xor.onnx: input "input" (batch × 2), output "output" (batch × 1), 4 layers
 * </pre>
 * The ONNX file is replaced atomically. A model file that cannot be read, and a model with a layer that has no ONNX
 * form (named by position), print one line on standard error and exit with status 2; nothing is written then.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Writes a saved model as an ONNX model, to serve with ONNX Runtime.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, converter = ExistingFile.class,
            description = "A model saved as JSON (for example by xor --save FILE or train --save FILE).")
    private Path model;

    @Option(names = "--onnx", paramLabel = "FILE", required = true,
            description = "The ONNX file to write (replaced atomically).")
    private Path onnx;

    private final PrintStream out;

    /** Writes to standard output. */
    public ExportCommand() {
        this(System.out);
    }

    ExportCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        OutputPaths.checkFile("--onnx", onnx);
        Sequential network;
        try {
            network = ModelFormat.standard().load(model);
        } catch (IOException e) {
            throw new IOException(model + ": " + e.getMessage(), e);
        }
        try {
            OnnxExport.write(network, onnx);
        } catch (OnnxExportException e) {
            throw new IllegalArgumentException(model + ": " + e.getMessage(), e);
        }
        String outputs = "output \"" + OnnxExport.OUTPUT + "\" (batch × " + network.outputSize() + ")";
        if (network.loss() instanceof SoftmaxCrossEntropy) {
            outputs = "outputs \"" + OnnxExport.OUTPUT + "\" (logits) and \"" + OnnxExport.PROBABILITIES
                    + "\" (batch × " + network.outputSize() + ")";
        }
        out.println("Wrote " + onnx + ": input \"" + OnnxExport.INPUT + "\" (batch × " + network.inputSize() + "), "
                + outputs + ", " + network.layers().size() + " layers");
        return 0;
    }
}
