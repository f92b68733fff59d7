package dev.jgrad.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Training progress on the console. At a terminal a bar is redrawn in place ({@code \r}) while
 * an epoch runs; otherwise (pipes, files, tests) there is one plain line per epoch.
 */
final class Progress implements Training.BatchListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 24;

    private final PrintWriter out;
    private final boolean live;
    private final int epochs;
    private long lastDraw = Long.MIN_VALUE;
    private int drawnWidth;

    Progress(PrintWriter out, boolean live, int epochs) {
        this.out = out;
        this.live = live;
        this.epochs = epochs;
    }

    @Override
    public void batchDone(int epoch, int batch, int batches, double meanLoss, long samples, long nanos) {
        if (!live || (batch < batches && nanos - lastDraw < REDRAW_NANOS && lastDraw != Long.MIN_VALUE)) return;
        lastDraw = nanos;
        double seconds = nanos / 1e9;
        double rate = samples / Math.max(seconds, 1e-9);
        double eta = seconds / batch * (batches - batch);
        int filled = (int) ((long) BAR * batch / batches);
        String line = String.format(Locale.ROOT, "epoch %d/%d [%s%s] %d/%d  loss %.4f  %,.0f samples/s  ETA %s",
                epoch, epochs, "=".repeat(filled), " ".repeat(BAR - filled), batch, batches, meanLoss, rate, duration(eta));
        draw(line);
    }

    void epochDone(EpochMetrics m) {
        clear();
        lastDraw = Long.MIN_VALUE;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  train loss %.4f acc %.2f%%",
                m.epoch(), epochs, m.trainLoss(), 100 * m.trainAccuracy()));
        if (m.hasValidation())
            sb.append(String.format(Locale.ROOT, "  val loss %.4f acc %.2f%%", m.valLoss(), 100 * m.valAccuracy()));
        sb.append(String.format(Locale.ROOT, "  lr %.3g  %.1f s  %,.0f samples/s", m.learningRate(), m.seconds(), m.samplesPerSecond()));
        out.println(sb);
        out.flush();
    }

    private void draw(String line) {
        int pad = Math.max(0, drawnWidth - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        drawnWidth = line.length();
    }

    private void clear() {
        if (drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
