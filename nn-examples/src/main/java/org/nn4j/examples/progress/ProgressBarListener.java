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
public final class ProgressBarListener implements TrainingListener {

    private final PrintStream out;
    private ProgressBar bar;

    /** @param out where the bar is drawn */
    public ProgressBarListener(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void onTrainingStart(TrainingStart event, TrainingControl control) {
        close();
        bar = new ProgressBarBuilder()
                .setTaskName("Training")
                .setInitialMax(event.epochs())
                .setUnit(" epochs", 1)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(100)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
    }

    @Override
    public void onEpochEnd(EpochEnd event, TrainingControl control) {
        if (bar != null) {
            bar.stepTo(event.epoch() + 1L);
            StringBuilder message = new StringBuilder("loss ").append(format(event.loss()));
            event.metric("val_loss").ifPresent(v -> message.append(", val_loss ").append(format(v)));
            bar.setExtraMessage(message.toString());
        }
    }

    @Override
    public void onTrainingEnd(TrainingEnd event, TrainingControl control) {
        close();
    }

    /** Four decimals as the log lines print them, or three significant digits once that would show 0.0000. */
    static String format(double loss) {
        return Math.abs(loss) >= 0.001 || loss == 0 || !Double.isFinite(loss) ? Decimals.fixed(loss, 4)
                : String.format(Locale.ROOT, "%.2e", loss);
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
