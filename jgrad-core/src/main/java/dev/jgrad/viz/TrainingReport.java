package dev.jgrad.viz;

import dev.jgrad.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Renders a {@link RunRecord} as one self-contained HTML file: summary figures, configuration,
 * model summary, per-epoch charts (loss, accuracy, learning rate, throughput), the confusion matrix
 * as a heat map with per-class precision and recall, a gallery of misclassified test images and,
 * optionally, the computation graph.
 *
 * <p>The page has no scripts and loads nothing: charts are inline SVG, images are PNG data URIs,
 * styles are inline CSS with generic fonts. A Content-Security-Policy meta tag makes browsers
 * enforce that. The markup is also well-formed XML, so it can be checked or post-processed with
 * any XML parser.
 */
public final class TrainingReport {

    /** Larger galleries make the file heavy without teaching more. */
    public static final int MAX_IMAGES = 100;

    private static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
    private static final String TRAIN_COLOR = "#2563eb";
    private static final String VALIDATION_COLOR = "#ea580c";

    // Written as element text, so it must not contain the three characters XML escapes:
    // browsers read <style> raw and would see the escape sequences instead.
    private static final String CSS = """
            body { margin: 0; background: #f8fafc; color: #0f172a; font-family: sans-serif; font-size: 14px; }
            main { max-width: 1180px; margin: 0 auto; padding: 20px 24px 40px; }
            h1 { font-size: 26px; margin: 8px 0 2px; }
            h2 { font-size: 19px; margin: 30px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #e2e8f0; }
            .subtitle { color: #475569; margin: 0 0 16px; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; }
            .card { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 16px; min-width: 150px; }
            .card .name { font-size: 12px; color: #475569; }
            .card .value { font-size: 22px; font-weight: bold; margin-top: 2px; }
            .card .detail { font-size: 12px; color: #475569; }
            .warn { color: #b91c1c; }
            table { border-collapse: collapse; background: #ffffff; font-size: 13px; }
            th, td { border: 1px solid #e2e8f0; padding: 4px 10px; text-align: left; vertical-align: top; }
            th { background: #f1f5f9; }
            td.num, th.num { text-align: right; font-family: monospace; }
            pre { background: #0f172a; color: #e2e8f0; padding: 12px 14px; border-radius: 6px; overflow: auto; font-size: 12px; }
            .charts { display: flex; flex-wrap: wrap; gap: 16px; }
            .row { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
            figure { margin: 0; }
            .note { color: #b91c1c; font-size: 12px; margin: 4px 0; max-width: 560px; }
            .muted { color: #475569; }
            .gallery { display: flex; flex-wrap: wrap; gap: 10px; }
            .gallery figure { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 6px; padding: 6px; text-align: center; }
            .gallery img { display: block; margin: 0 auto 4px; image-rendering: pixelated; background: #000000; }
            .gallery figcaption { font-family: monospace; font-size: 12px; }
            .true { color: #15803d; }
            .pred { color: #b91c1c; }
            .scroll { overflow: auto; max-height: 900px; background: #ffffff; border: 1px solid #e2e8f0; border-radius: 6px; }
            details { margin-top: 12px; }
            summary { cursor: pointer; color: #1d4ed8; }
            footer { margin-top: 36px; color: #64748b; font-size: 12px; }
            """;

    private final SvgWriter graphWriter;

    public TrainingReport() {
        this(new SvgWriter());
    }

    /** Uses {@code graphWriter} for the computation-graph section. */
    public TrainingReport(SvgWriter graphWriter) {
        this.graphWriter = Objects.requireNonNull(graphWriter, "TrainingReport: graphWriter is null");
    }

    public String render(RunRecord run) {
        Objects.requireNonNull(run, "TrainingReport.render: run is null");
        var out = new XmlOut();
        out.doctype("<!DOCTYPE html>");
        out.start("html", "lang", "en").newline();
        out.start("head").newline();
        out.empty("meta", "charset", "utf-8").newline();
        out.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        out.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP).newline();
        out.element("title", run.title()).newline();
        out.element("style", CSS).newline();
        out.end().newline();
        out.start("body").start("main").newline();
        out.element("h1", run.title()).newline();
        out.element("p", "Training report", "class", "subtitle").newline();
        summaryCards(out, run);
        configuration(out, run);
        model(out, run);
        curves(out, run);
        confusion(out, run);
        gallery(out, run);
        graph(out, run);
        out.element("footer", "Generated by jgrad. This file is self-contained: no scripts, no external resources.").newline();
        out.end().end().newline().end().newline();
        return out.finish();
    }

    /** Writes the report to {@code file} atomically (temporary file in the same directory, then rename). */
    public void write(RunRecord run, Path file) throws IOException {
        AtomicFiles.writeString(file, render(run));
    }

    // ---- sections ----

    private static void summaryCards(XmlOut out, RunRecord run) {
        out.start("div", "class", "cards").newline();
        var test = run.finalTestAccuracy();
        if (test.isPresent()) {
            var detail = run.confusion().filter(c -> c.total() > 0)
                    .map(c -> Fmt.count(c.correct()) + " of " + Fmt.count(c.total()) + " correct").orElse("");
            card(out, "test accuracy", Fmt.percent(test.getAsDouble()), detail, false);
        }
        var epochs = run.epochs();
        card(out, "epochs", Integer.toString(epochs.size()), "", false);
        if (!epochs.isEmpty()) {
            var last = epochs.get(epochs.size() - 1);
            card(out, "final train loss", Fmt.num(last.trainLoss()), "epoch " + last.epoch(), !Double.isFinite(last.trainLoss()));
            if (last.validationLoss().isPresent()) {
                var loss = last.validationLoss().getAsDouble();
                card(out, "final validation loss", Fmt.num(loss), "epoch " + last.epoch(), !Double.isFinite(loss));
            }
            EpochStats best = null;
            for (var e : epochs) {
                var acc = e.validationAccuracy();
                if (acc.isPresent() && Double.isFinite(acc.getAsDouble())
                        && (best == null || acc.getAsDouble() > best.validationAccuracy().getAsDouble())) {
                    best = e;
                }
            }
            if (best != null) {
                card(out, "best validation accuracy", Fmt.percent(best.validationAccuracy().getAsDouble()),
                        "epoch " + best.epoch(), false);
            }
            var throughput = mean(epochs, EpochStats::samplesPerSecond);
            if (throughput.isPresent()) {
                card(out, "mean throughput", Fmt.num(throughput.getAsDouble()), "samples / s", false);
            }
        }
        out.end().newline();
    }

    private static void card(XmlOut out, String name, String value, String detail, boolean warn) {
        out.start("div", "class", "card");
        out.element("div", name, "class", "name");
        out.element("div", value, "class", warn ? "value warn" : "value");
        if (!detail.isEmpty()) {
            out.element("div", detail, "class", "detail");
        }
        out.end().newline();
    }

    private static void configuration(XmlOut out, RunRecord run) {
        out.element("h2", "Configuration").newline();
        if (run.config().isEmpty()) {
            out.element("p", "No configuration recorded.", "class", "muted").newline();
            return;
        }
        out.start("table", "class", "config").newline();
        run.config().forEach((key, value) -> {
            out.start("tr").element("th", key).element("td", value).end().newline();
        });
        out.end().newline();
    }

    private static void model(XmlOut out, RunRecord run) {
        out.element("h2", "Model").newline();
        if (run.modelSummary().isBlank()) {
            out.element("p", "No model summary recorded.", "class", "muted").newline();
        } else {
            out.element("pre", run.modelSummary().stripTrailing()).newline();
        }
    }

    private static void curves(XmlOut out, RunRecord run) {
        out.element("h2", "Training curves").newline();
        var epochs = run.epochs();
        if (epochs.isEmpty()) {
            out.element("p", "No epochs recorded.", "class", "muted").newline();
            return;
        }
        var numbers = epochs.stream().mapToInt(EpochStats::epoch).toArray();
        if (!run.hasValidation()) {
            out.element("p", "No validation data recorded: the charts show training values only.", "class", "muted").newline();
        }
        out.start("div", "class", "charts").newline();
        var loss = new ArrayList<LineChart.Series>();
        loss.add(series("train loss", TRAIN_COLOR, epochs, EpochStats::trainLoss, e -> true, false));
        if (run.hasValidation()) {
            loss.add(series("validation loss", VALIDATION_COLOR, epochs, e -> e.validationLoss().orElse(Double.NaN),
                    e -> e.validationLoss().isPresent(), true));
        }
        chart(out, "Loss", "loss", numbers, loss, LineChart.Format.NUMBER, false);

        var accuracy = new ArrayList<LineChart.Series>();
        if (epochs.stream().anyMatch(e -> !Double.isNaN(e.trainAccuracy()))) {
            accuracy.add(series("train accuracy", TRAIN_COLOR, epochs, EpochStats::trainAccuracy,
                    e -> !Double.isNaN(e.trainAccuracy()), false));
        }
        if (run.hasValidation()) {
            accuracy.add(series("validation accuracy", VALIDATION_COLOR, epochs,
                    e -> e.validationAccuracy().orElse(Double.NaN), e -> e.validationAccuracy().isPresent(), true));
        }
        if (!accuracy.isEmpty()) {
            chart(out, "Accuracy", "accuracy", numbers, accuracy, LineChart.Format.PERCENT, false);
        }
        if (epochs.stream().anyMatch(e -> !Double.isNaN(e.learningRate()))) {
            chart(out, "Learning rate", "learning rate", numbers, List.of(series("learning rate", "#7c3aed", epochs,
                    EpochStats::learningRate, e -> !Double.isNaN(e.learningRate()), false)), LineChart.Format.NUMBER, true);
        }
        if (epochs.stream().anyMatch(e -> !Double.isNaN(e.samplesPerSecond()))) {
            chart(out, "Throughput", "samples / s", numbers, List.of(series("samples / s", "#0d9488", epochs,
                    EpochStats::samplesPerSecond, e -> !Double.isNaN(e.samplesPerSecond()), false)), LineChart.Format.NUMBER, false);
        }
        out.end().newline();
        epochTable(out, run);
    }

    private static LineChart.Series series(String name, String color, List<EpochStats> epochs,
                                           ToDoubleFunction<EpochStats> value, Predicate<EpochStats> recorded,
                                           boolean dashed) {
        var values = new double[epochs.size()];
        var flags = new boolean[epochs.size()];
        for (var i = 0; i < values.length; i++) {
            values[i] = value.applyAsDouble(epochs.get(i));
            flags[i] = recorded.test(epochs.get(i));
        }
        return new LineChart.Series(name, color, values, flags, dashed);
    }

    private static void chart(XmlOut out, String title, String yLabel, int[] epochs, List<LineChart.Series> series,
                              LineChart.Format format, boolean logIfWide) {
        out.start("figure").newline();
        var notes = LineChart.render(out, title, yLabel, epochs, series, format, logIfWide);
        for (var note : notes) {
            out.element("p", "\u26a0 " + note, "class", "note");
        }
        out.end().newline();
    }

    private static void epochTable(XmlOut out, RunRecord run) {
        var validation = run.hasValidation();
        out.start("details").element("summary", "Per-epoch values").newline();
        out.start("table").newline().start("tr");
        var headers = new ArrayList<>(List.of("epoch", "train loss", "train accuracy"));
        if (validation) {
            headers.addAll(List.of("validation loss", "validation accuracy"));
        }
        headers.addAll(List.of("learning rate", "samples / s"));
        for (var h : headers) {
            out.element("th", h, "class", "num");
        }
        out.end().newline();
        for (var e : run.epochs()) {
            out.start("tr");
            numberCell(out, Integer.toString(e.epoch()), false);
            numberCell(out, Fmt.num(e.trainLoss()), !Double.isFinite(e.trainLoss()));
            numberCell(out, percentOrBlank(e.trainAccuracy()), false);
            if (validation) {
                var vl = e.validationLoss();
                numberCell(out, vl.isPresent() ? Fmt.num(vl.getAsDouble()) : "", vl.isPresent() && !Double.isFinite(vl.getAsDouble()));
                numberCell(out, e.validationAccuracy().isPresent() ? percentOrBlank(e.validationAccuracy().getAsDouble()) : "", false);
            }
            numberCell(out, Double.isNaN(e.learningRate()) ? "" : Fmt.num(e.learningRate()), false);
            numberCell(out, Double.isNaN(e.samplesPerSecond()) ? "" : Fmt.num(e.samplesPerSecond()), false);
            out.end().newline();
        }
        out.end().end().newline();
    }

    private static String percentOrBlank(double fraction) {
        return Double.isNaN(fraction) ? "" : Fmt.percent(fraction);
    }

    private static void numberCell(XmlOut out, String text, boolean warn) {
        out.element("td", text, "class", warn ? "num warn" : "num");
    }

    private static void confusion(XmlOut out, RunRecord run) {
        out.element("h2", "Confusion matrix").newline();
        if (run.confusion().isEmpty()) {
            out.element("p", "No confusion matrix recorded.", "class", "muted").newline();
            return;
        }
        var matrix = run.confusion().get();
        out.start("div", "class", "row").newline();
        out.start("figure").newline();
        ConfusionHeatMap.render(out, matrix);
        out.end().newline();
        out.start("table", "class", "per-class").newline();
        out.start("tr").element("th", "class");
        for (var h : List.of("support", "precision", "recall", "F1")) {
            out.element("th", h, "class", "num");
        }
        out.end().newline();
        var precisions = new ArrayList<Double>();
        var recalls = new ArrayList<Double>();
        var f1s = new ArrayList<Double>();
        for (var c = 0; c < matrix.size(); c++) {
            out.start("tr").element("td", matrix.classNames().get(c));
            numberCell(out, Fmt.count(matrix.support(c)), false);
            numberCell(out, ratio(matrix.precision(c)), false);
            numberCell(out, ratio(matrix.recall(c)), false);
            numberCell(out, ratio(matrix.f1(c)), false);
            out.end().newline();
            precisions.add(matrix.precision(c));
            recalls.add(matrix.recall(c));
            f1s.add(matrix.f1(c));
        }
        out.start("tr").element("th", "macro average");
        numberCell(out, Fmt.count(matrix.total()), false);
        numberCell(out, ratio(meanOfDefined(precisions)), false);
        numberCell(out, ratio(meanOfDefined(recalls)), false);
        numberCell(out, ratio(meanOfDefined(f1s)), false);
        out.end().newline();
        out.end().newline().end().newline();
    }

    /** Precision-style ratios print as percentages; undefined ones (no samples) as "n/a". */
    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : Fmt.percent(value);
    }

    private static double meanOfDefined(List<Double> values) {
        return values.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static void gallery(XmlOut out, RunRecord run) {
        out.element("h2", "Misclassified test images").newline();
        var images = run.misclassified();
        if (images.isEmpty()) {
            out.element("p", "No misclassified images recorded.", "class", "muted").newline();
            return;
        }
        if (images.size() > MAX_IMAGES) {
            out.element("p", "Showing the first " + MAX_IMAGES + " of " + images.size() + ".", "class", "muted").newline();
        }
        out.start("div", "class", "gallery").newline();
        for (var image : images.subList(0, Math.min(MAX_IMAGES, images.size()))) {
            // Small digits are scaled up with crisp pixels; large images are shown at most 112 px wide.
            var scale = Math.max(1, Math.min(4, 96 / Math.max(image.width(), image.height())));
            var width = image.width() * scale;
            var height = image.height() * scale;
            if (width > 112) {
                height = (int) Math.round(height * 112.0 / width);
                width = 112;
            }
            out.start("figure");
            out.empty("img", "src", pngDataUri(image), "width", width, "height", height,
                    "alt", "true " + image.trueLabel() + ", predicted " + image.predictedLabel());
            out.start("figcaption").element("span", image.trueLabel(), "class", "true").text(" \u2192 ")
                    .element("span", image.predictedLabel(), "class", "pred").end();
            out.end().newline();
        }
        out.end().newline();
    }

    /** The image as an 8-bit grayscale PNG in a data URI; far smaller than one SVG rect per pixel. */
    static String pngDataUri(MisclassifiedImage image) {
        var w = image.width();
        var h = image.height();
        var buffered = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var pixels = image.pixels();
        var samples = new int[pixels.length];
        for (var i = 0; i < pixels.length; i++) {
            samples[i] = Math.round(Math.max(0, Math.min(1, pixels[i])) * 255);
        }
        buffered.getRaster().setPixels(0, 0, w, h, samples);
        var bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(buffered, "png", bytes)) {
                throw new IllegalStateException("TrainingReport: no PNG encoder available in javax.imageio");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("TrainingReport: PNG encoding failed", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private void graph(XmlOut out, RunRecord run) {
        if (run.graph().isEmpty()) {
            return;
        }
        var model = run.graph().get();
        out.element("h2", "Computation graph").newline();
        out.element("p", model.nodes().size() + " nodes, " + model.edges().size()
                + " edges. Forward values in green, gradients in red; hover a box for its full text.", "class", "muted").newline();
        out.start("div", "class", "scroll").newline();
        graphWriter.write(out, graphWriter.layout().layout(model));
        out.end().newline();
    }

    private static OptionalDouble mean(List<EpochStats> epochs, ToDoubleFunction<EpochStats> value) {
        return epochs.stream().mapToDouble(value).filter(Double::isFinite).average();
    }
}
