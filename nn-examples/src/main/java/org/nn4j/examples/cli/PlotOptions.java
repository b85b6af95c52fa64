package org.nn4j.examples.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a training command draws its pictures: {@code --plot DIR} and {@code --log-scale}. */
public final class PlotOptions {

    @Option(names = "--plot", paramLabel = "DIR",
            description = "Write loss.png (and decision-boundary.png for 2-D inputs) into DIR, creating it if needed.")
    private Path directory;

    @Option(names = "--log-scale", description = "Draw the loss on a logarithmic axis.")
    private boolean logScale;

    /** No pictures, linear scale. */
    public PlotOptions() {
    }

    /** @return the directory to write pictures into, if {@code --plot} was given */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** @return whether the loss axis is logarithmic */
    public boolean logScale() {
        return logScale;
    }
}
