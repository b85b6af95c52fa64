package org.nn4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.nn4j.examples.playground.PlaygroundServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the playground: a local web server whose page shows nn4j training live (the decision boundary, the loss
 * curves, the weights, each hidden neuron's map) and explains one step in the blog's names. It prints the page's
 * address and serves until stopped with Ctrl-C.
 *
 * <p>The server listens on the loopback address only, unless {@code --host} names another (with a warning), and
 * refuses requests from other sites; see {@link PlaygroundServer}.
 */
@Command(name = "playground", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Serves a page on which you watch nn4j train, live: pick a data set and a network, press start.",
            "Open the printed address in a browser; Ctrl-C stops the server."})
public final class PlaygroundCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on, 0 for any free one (default:"
            + " ${DEFAULT-VALUE}).")
    private int port = 7070;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE},"
            + " this machine only). Another address lets other machines use the playground and its CPU.")
    private String host = "127.0.0.1";

    @Option(names = "--stop-after-epochs", paramLabel = "N", description = "Stop every session's training after N"
            + " epochs, for scripted runs (default: 0, no limit).")
    private int stopAfterEpochs;

    private final PrintStream out;
    private final PrintStream err;

    /** Writes to standard output and standard error. */
    public PlaygroundCommand() {
        this(System.out, System.err);
    }

    PlaygroundCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        if (stopAfterEpochs < 0) {
            throw new IllegalArgumentException("--stop-after-epochs must be 0 (no limit) or more, got "
                    + stopAfterEpochs);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            throw new IllegalArgumentException("--host: cannot resolve \"" + host + "\"", e);
        }
        if (!address.isLoopbackAddress()) {
            err.println("Warning: --host " + host + " lets every machine that can reach this one use the playground"
                    + " (and its CPU); it has no password. Keep it on 127.0.0.1 unless you mean that.");
        }
        PlaygroundServer server;
        try {
            server = PlaygroundServer.start(host, port, stopAfterEpochs);
        } catch (java.net.BindException e) {
            throw new IOException("--port " + port + ": cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another playground running? Try --port 0 for any free port", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "playground-stop"));
        out.println("nn4j playground: " + server.uri());
        out.println("Open it in a browser; Ctrl-C stops the server."
                + (stopAfterEpochs > 0 ? " Training stops after " + stopAfterEpochs + " epochs." : ""));
        out.flush();
        stopped.await();
        return 0;
    }
}
