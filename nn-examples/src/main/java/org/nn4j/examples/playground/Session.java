package org.nn4j.examples.playground;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingException;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.text.Decimals;
import org.nn4j.core.training.StopOnNaN;
import org.nn4j.examples.explain.BlogStep;

/**
 * One browser tab's network and its training thread.
 *
 * <p>Training is nn4j's own: {@link Sequential#fit} in short chunks of epochs ({@code initialEpoch} carries the
 * count on), with the test points as validation data and a listener that records every {@link EpochEnd} and
 * publishes a {@link Frame} at most {@code updates} times a second. Chunks end after {@value #CHUNK_MILLIS} ms, so
 * a pause, a step or a reset waits at most that long; between chunks the thread sleeps to keep to the settings'
 * speed. Because fit draws its shuffles from the model's generator, chunked training takes exactly the steps of one
 * long {@code fit} with the same seed ({@code SessionTest} checks it).
 *
 * <p>Every session has its own thread and its own lock, and pages read only published frames: a tab that trains a
 * big network, or stops reading its event stream, cannot hold up another tab's training.
 */
final class Session implements AutoCloseable {

    /** Longest time one chunk of training holds the lock. */
    static final long CHUNK_MILLIS = 25;
    private static final String CHUNK_END = "chunk done";

    private final String id;
    private final int stopAfterEpochs;
    private final Object lock = new Object();
    private final FrameBox frames = new FrameBox();
    private final Thread thread;

    // Guarded by lock.
    private Experiment experiment;
    private Sequential model;
    private int epoch;
    private double trainLoss;
    private double testLoss;
    private LossCurve curve;
    private boolean running;
    private int pendingSteps;
    private String status;
    private long generation;
    private double credit;
    private long lastTick;
    private long nextPublish;

    private volatile boolean closed;
    private final AtomicInteger streams = new AtomicInteger();
    private final AtomicLong streamCount = new AtomicLong();
    private volatile long idleSince = System.nanoTime();

    /**
     * Creates the session and starts its (waiting) training thread.
     *
     * @param id the session's unguessable name
     * @param settings what to train
     * @param stopAfterEpochs the server's epoch limit, 0 for none
     */
    Session(String id, Settings settings, int stopAfterEpochs) {
        this.id = id;
        this.stopAfterEpochs = stopAfterEpochs;
        reset(settings);
        this.thread = new Thread(this::trainLoop, "playground-" + id.substring(0, 8));
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the session's name */
    String id() {
        return id;
    }

    /**
     * Starts again from an untrained network (paused).
     *
     * @param settings the new settings
     */
    void reset(Settings settings) {
        Experiment next = Experiment.of(settings);
        synchronized (lock) {
            experiment = next;
            model = next.newModel();
            epoch = 0;
            trainLoss = model.evaluateLoss(next.train().inputs(), next.train().targets());
            testLoss = model.evaluateLoss(next.test().inputs(), next.test().targets());
            curve = new LossCurve();
            running = false;
            pendingSteps = 0;
            status = "ready: press start, or step one epoch at a time";
            generation++;
            publish();
        }
    }

    /** Trains until paused (or until the epoch limit). */
    void start() {
        synchronized (lock) {
            if (limitReached()) {
                status = "the epoch limit (" + limit() + ") is reached: reset, or raise the limit";
            } else {
                running = true;
                lastTick = System.nanoTime();
                credit = 0;
                status = "training";
            }
            publish();
            lock.notifyAll();
        }
    }

    /** Stops training after the current chunk. */
    void pause() {
        synchronized (lock) {
            running = false;
            status = "paused at epoch " + epoch;
            publish();
        }
    }

    /** Pauses and trains exactly one more epoch. */
    void step() {
        synchronized (lock) {
            running = false;
            pendingSteps++;
            lock.notifyAll();
        }
    }

    /**
     * Pauses and takes one training step with the blog's names printed, as {@code nn4j xor --explain} prints
     * its first step ({@link BlogStep}). The step is a full training epoch: it joins the loss curve.
     *
     * @return the printed step, or empty with the reason when this network is not one the explanation fits
     */
    Explanation explain() {
        synchronized (lock) {
            running = false;
            Optional<String> unfit = unexplainable(experiment);
            if (unfit.isPresent()) {
                publish();
                return new Explanation(false, unfit.get());
            }
            if (limitReached()) {
                return new Explanation(false, "the epoch limit (" + limit() + ") is reached: reset first");
            }
            var train = experiment.train();
            double before = model.evaluateLoss(train.inputs(), train.targets());
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
                BlogStep.explain(model, experiment.settings().rate(), train.inputs(), train.targets(), out, epoch);
            }
            double after = model.evaluateLoss(experiment.test().inputs(), experiment.test().targets());
            recordEpoch(epoch, before, after);
            status = "explained epoch " + (epoch - 1) + "; paused";
            publish();
            return new Explanation(true, text.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Whether the blog's names fit a network: one hidden layer of sigmoids, a sigmoid output, mean squared error,
     * plain SGD on the whole batch, and few enough points and neurons that the matrices fit on a page.
     *
     * @param experiment the settings and data
     * @return why it does not fit, or empty when it does
     */
    static Optional<String> unexplainable(Experiment experiment) {
        Settings s = experiment.settings();
        int rows = experiment.train().rows();
        if (s.hidden().size() != 1 || s.hidden().get(0) > Limits.MAX_NEURONS || !s.activation().equals("sigmoid")
                || !s.loss().equals("mse") || !s.optimizer().equals("sgd") || (s.batch() != 0 && s.batch() < rows)
                || rows > 8) {
            return Optional.of("Explain one step shows the blog's matrices, so it needs the blog's kind of network:"
                    + " one hidden layer of sigmoids, mean squared error (mse), plain SGD on the whole batch"
                    + " (batch 0), and at most 8 training points (the xor data set). This one has hidden "
                    + s.hidden() + ", " + s.activation() + ", " + s.loss() + ", " + s.optimizer() + ", batch "
                    + s.batch() + " and " + rows + " training points.");
        }
        return Optional.empty();
    }

    /**
     * The answer to {@link #explain()}.
     *
     * @param explained whether the step was taken
     * @param text the printed step, or why it was not taken
     */
    record Explanation(boolean explained, String text) {
    }

    private void trainLoop() {
        while (!closed) {
            boolean step;
            synchronized (lock) {
                while (!closed && !running && pendingSteps == 0) {
                    try {
                        lock.wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                step = pendingSteps > 0;
                int budget = step ? 1 : budget();
                if (budget > 0) {
                    train(budget, step);
                }
                if (step) {
                    pendingSteps--;
                }
            }
            if (!step) {
                try {
                    Thread.sleep(CHUNK_MILLIS / 5 + 1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Epochs that may run now to keep to the speed (at most a tenth of a second's worth). */
    private int budget() {
        long now = System.nanoTime();
        int speed = experiment.settings().speed();
        credit = Math.min(credit + speed * (now - lastTick) / 1e9, Math.max(1, speed / 10.0));
        lastTick = now;
        int epochs = (int) credit;
        credit -= epochs;
        return epochs;
    }

    /** Runs up to {@code epochs} epochs through {@link Sequential#fit}; called with the lock held. */
    private void train(int epochs, boolean step) {
        if (limitReached()) {
            running = false;
            status = "stopped at epoch " + epoch + ", the epoch limit (" + limit() + ")";
            publish();
            return;
        }
        int target = limit() > 0 ? Math.min(epoch + epochs, limit()) : epoch + epochs;
        long deadline = System.nanoTime() + CHUNK_MILLIS * 1_000_000;
        var train = experiment.train();
        var test = experiment.test();
        TrainingConfig config = TrainingConfig.builder()
                .epochs(target).initialEpoch(epoch).batchSize(experiment.settings().batch())
                .validation(test.inputs(), test.targets())
                .listener(new StopOnNaN())
                .listener(new Recorder(deadline))
                .build();
        try {
            TrainingHistory history = model.fit(train.inputs(), train.targets(), config);
            Optional<String> stop = history.stopReason().filter(reason -> !reason.equals(CHUNK_END));
            if (stop.isPresent()) {
                running = false;
                status = "training stopped: " + stop.get() + ". Lower the learning rate and reset.";
            } else if (limitReached()) {
                running = false;
                status = "stopped at epoch " + epoch + ", the epoch limit (" + limit() + ")";
            } else if (step) {
                status = "stepped to epoch " + epoch + "; paused";
            }
        } catch (TrainingException e) {
            running = false;
            status = "training failed: " + e.getMessage();
        }
        if (!running || step || System.nanoTime() >= nextPublish) {
            publish();
        }
    }

    /** Records every epoch; publishes frames at the settings' rate; ends the chunk when its time is up. */
    private final class Recorder implements TrainingListener {

        private final long deadline;

        Recorder(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void onEpochEnd(EpochEnd event, TrainingControl control) {
            recordEpoch(event.epoch(), event.loss(), event.metric("val_loss").orElse(Double.NaN));
            long now = System.nanoTime();
            if (running && now >= nextPublish) {
                publish();
            }
            if (now >= deadline) {
                control.requestStop(CHUNK_END);
            }
        }
    }

    private void recordEpoch(int trained, double train, double test) {
        epoch = trained + 1;
        trainLoss = train;
        testLoss = test;
        curve.record(trained, train, test);
    }

    private int limit() {
        int own = experiment.settings().epochs();
        if (own == 0 || stopAfterEpochs == 0) {
            return Math.max(own, stopAfterEpochs);
        }
        return Math.min(own, stopAfterEpochs);
    }

    private boolean limitReached() {
        return limit() > 0 && epoch >= limit();
    }

    /** Publishes the state as it is; called with the lock held, on the thread that changes the model. */
    private void publish() {
        // Twice the page's rate, so that a stream that wakes up always finds a frame at most half a period old.
        nextPublish = System.nanoTime() + 500_000_000L / experiment.settings().updates();
        String shown = running ? "training: epoch " + epoch + ", loss " + Decimals.fixed(trainLoss, 4) : status;
        frames.publish(version -> new Frame(generation, version, experiment, model.snapshot(), epoch, trainLoss,
                testLoss, running, shown, curve.copy()));
    }

    /**
     * A page's event stream begins; it takes over from any stream before it, which then ends.
     *
     * @return the stream's number, for {@link #isCurrentStream}
     */
    long attach() {
        streams.incrementAndGet();
        long stream = streamCount.incrementAndGet();
        frames.wake();
        return stream;
    }

    /**
     * @param stream a number from {@link #attach()}
     * @return whether that stream is the newest one
     */
    boolean isCurrentStream(long stream) {
        return streamCount.get() == stream;
    }

    /** A page's event stream ended. */
    void detach() {
        streams.decrementAndGet();
        idleSince = System.nanoTime();
    }

    /**
     * @param idleNanos how long a session may stay without a page
     * @return whether no page has watched it for that long
     */
    boolean abandoned(long idleNanos) {
        return streams.get() <= 0 && System.nanoTime() - idleSince > idleNanos;
    }

    /** @return whether the session has been closed */
    boolean isClosed() {
        return closed;
    }

    /** Stops the training thread and wakes every stream, which then ends. */
    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        frames.close();
    }

    /** @return the published frames, which the event streams wait on */
    FrameBox frames() {
        return frames;
    }
}
