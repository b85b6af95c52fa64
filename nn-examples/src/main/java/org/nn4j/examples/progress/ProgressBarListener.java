package org.nn4j.examples.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingEnd;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.api.training.TrainingStart;
import org.nn4j.core.text.Decimals;

/**
 * Draws a progress bar for training, one step per epoch, with the latest loss and the estimated time left:
 * <pre>
 *   Training  47% │██████████▌           │ 4700/10000 epochs (0:00:01 / 0:00:01) loss 0.0123
 * </pre>
 * It redraws the line with carriage returns, which only a terminal understands: use a
 * {@link org.nn4j.core.training.LossLogger} when the output goes to a file or a pipe (see {@link ProgressMode}).
 * One listener draws one bar at a time; the bar closes when training ends.
 */
public final class ProgressBarListener implements TrainingListener, AutoCloseable {

    /** The fewest cells of bar kept on a narrow terminal before the extra message gives way. */
    static final int MIN_BAR = 10;

    private final PrintStream out;
    private ProgressBar bar;
    private long epochs;
    private int width;

    /** @param out where the bar is drawn */
    public ProgressBarListener(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public synchronized void onTrainingStart(TrainingStart event, TrainingControl control) {
        close();
        epochs = event.epochs();
        ConsoleProgressBarConsumer consumer = new ConsoleProgressBarConsumer(out);
        // Asking the terminal costs a system call or more: once per run, not once per epoch.
        width = consumer.getMaxRenderedLength();
        bar = new ProgressBarBuilder()
                .setTaskName("Training")
                .setInitialMax(event.epochs())
                .setUnit(" epochs", 1)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(100)
                .setConsumer(new FinalLine(consumer))
                .build();
    }

    @Override
    public synchronized void onEpochEnd(EpochEnd event, TrainingControl control) {
        if (bar != null) {
            bar.stepTo(event.epoch() + 1L);
            String loss = "loss " + format(event.loss());
            String full = loss + event.metric("val_loss").stream().mapToObj(v -> ", val_loss " + format(v))
                    .findFirst().orElse("");
            bar.setExtraMessage(fitted(width, epochs, full, loss));
        }
    }

    @Override
    public synchronized void onTrainingEnd(TrainingEnd event, TrainingControl control) {
        close();
    }

    /**
     * The longest of the messages that fits beside a bar of at least {@link #MIN_BAR} cells: the library cuts a
     * line that is too long at the terminal's edge, which would cut the loss mid-number.
     *
     * @param width the columns the bar may use
     * @param epochs the run's epochs (their digits take room twice, in {@code 47/100})
     * @param messages the candidates, longest first
     * @return the first that fits, or an empty message
     */
    static String fitted(int width, long epochs, String... messages) {
        int digits = Long.toString(epochs).length();
        // "Training 100% │" + "│ " + "n/n epochs" + " (0:00:00 / 0:00:00) ", hours taking up to three digits.
        int fixed = 15 + 2 + (2 * digits + 8) + 25;
        for (String message : messages) {
            if (fixed + MIN_BAR + message.length() <= width) {
                return message;
            }
        }
        return "";
    }

    /** Four decimals as the log lines print them, or three significant digits once that would show 0.0000. */
    static String format(double loss) {
        return Math.abs(loss) >= 0.001 || loss == 0 || !Double.isFinite(loss) ? Decimals.fixed(loss, 4)
                : String.format(Locale.ROOT, "%.2e", loss);
    }

    /** Ends the line of the bar now (as training's end does), and draws nothing more: for Ctrl-C. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
