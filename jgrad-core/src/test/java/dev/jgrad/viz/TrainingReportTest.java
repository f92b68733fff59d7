package dev.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TrainingReportTest {

    private final TrainingReport report = new TrainingReport();

    @Test
    void isWellFormedAndHasEverySection() throws Exception {
        var html = report.render(Runs.full(8).build());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        var doc = Xml.parse(html);
        assertEquals("MLP on toy digits", Xml.texts(doc, "h1").get(0));
        assertEquals(List.of("Configuration", "Model", "Training curves", "Confusion matrix", "Misclassified test images",
                "Computation graph"), Xml.texts(doc, "h2"));
        assertEquals(6, Xml.elements(doc, "svg").size(), "4 charts, the heat map and the graph");
        var svgTitles = Xml.texts(doc, "title");
        for (var chart : List.of("Loss", "Accuracy", "Learning rate", "Throughput")) {
            assertTrue(svgTitles.contains(chart), "chart " + chart);
        }
        var th = Xml.texts(doc, "th");
        var td = Xml.texts(doc, "td");
        assertTrue(th.contains("optimizer") && td.contains("SGD(momentum=0.9)") && td.contains("0.1"), "config table");
        assertTrue(Xml.texts(doc, "pre").get(0).contains("Linear(64 -> 32)"), "model summary");
        var cards = Xml.elements(doc, "div").stream().filter(d -> d.getAttribute("class").equals("value"))
                .map(Element::getTextContent).toList();
        assertTrue(cards.contains("91.11%"), "test accuracy 82/90 from the confusion matrix: " + cards);
        assertTrue(cards.contains("8"), "epoch count");
    }

    @Test
    void chartsHaveAxesTicksLabelsAndLegends() throws Exception {
        var doc = Xml.parse(report.render(Runs.full(8).build()));
        var loss = chart(doc, "Loss");
        var texts = texts(loss, "text");
        assertTrue(texts.containsAll(List.of("epoch", "loss", "train loss", "validation loss")), texts.toString());
        assertTrue(texts.containsAll(List.of("2", "4", "6", "8")), "epoch ticks " + texts);
        assertTrue(texts.contains("0") || texts.contains("0.2"), "value ticks " + texts);
        assertEquals(2, loss.getElementsByTagNameNS("*", "polyline").getLength(), "train and validation lines");
        assertEquals(16, loss.getElementsByTagNameNS("*", "circle").getLength(), "a marker per epoch and series");
        var accuracyTexts = texts(chart(doc, "Accuracy"), "text");
        assertTrue(accuracyTexts.stream().anyMatch(t -> t.endsWith("%")), "accuracy ticks in percent: " + accuracyTexts);
        assertTrue(texts(chart(doc, "Learning rate"), "text").contains("learning rate (log scale)"),
                "a halving schedule over 8 epochs spans two decades");
        assertTrue(texts(chart(doc, "Throughput"), "text").contains("samples / s"));
    }

    @Test
    void confusionMatrixShowsCountsClassNamesAndPerClassMetrics() throws Exception {
        var doc = Xml.parse(report.render(Runs.full(3).build()));
        var heatMap = Xml.elements(doc, "svg").stream()
                .filter(s -> s.getElementsByTagNameNS("*", "title").item(0).getTextContent().startsWith("Confusion")).findFirst().orElseThrow();
        var cells = texts(heatMap, "text");
        for (var row : Runs.COUNTS) {
            for (var count : row) {
                assertTrue(cells.contains(Long.toString(count)), "count " + count);
            }
        }
        assertTrue(cells.containsAll(Runs.CLASSES));
        assertEquals(9, heatMap.getElementsByTagNameNS("*", "rect").getLength());
        assertTrue(texts(heatMap, "title").contains("true zero, predicted one: 2 (6.67% of the row)"));
        var td = Xml.texts(doc, "td");
        assertTrue(td.contains("96.55%"), "precision of zero = 28/29");
        assertTrue(td.contains("93.33%"), "recall of zero = 28/30");
        assertTrue(td.contains("84.38%"), "precision of one = 27/32");
    }

    @Test
    void loadsNothingAndRunsNothing() {
        var html = report.render(Runs.full(5).build());
        assertFalse(html.toLowerCase().contains("<script"));
        assertFalse(html.contains("https://"));
        var http = Pattern.compile("http://[^\"]*").matcher(html).results().map(r -> r.group()).distinct().toList();
        assertEquals(List.of("http://www.w3.org/2000/svg"), http, "only the SVG namespace of the embedded graph");
        assertFalse(Pattern.compile("\\b(src|href)=\"(?!data:)").matcher(html).find(), "every source is a data URI");
        assertFalse(html.contains("url(") && !html.contains("url(#jgrad-arrow)"), "no CSS urls");
        assertTrue(html.contains("default-src 'none'"), "the page forbids loading anything");
        var style = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
        assertFalse(style.contains("&"), "browsers read <style> raw, escapes would corrupt the CSS");
    }

    @Test
    void misclassifiedImagesArePngsWithTheSamePixels() throws Exception {
        var doc = Xml.parse(report.render(Runs.full(2).build()));
        var images = Xml.elements(doc, "img");
        assertEquals(2, images.size());
        var expected = Runs.ring(28);
        var src = images.get(0).getAttribute("src");
        assertTrue(src.startsWith("data:image/png;base64,"));
        var png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
        assertNotNull(png);
        assertEquals(28, png.getWidth());
        assertEquals(28, png.getHeight());
        for (var y = 0; y < 28; y++) {
            for (var x = 0; x < 28; x++) {
                var gray = png.getRaster().getSample(x, y, 0);
                assertEquals(Math.round(expected[y * 28 + x] * 255), gray, "pixel " + x + "," + y);
            }
        }
        assertEquals("84", images.get(0).getAttribute("width"), "28 px digits are shown 3x");
        assertEquals("true zero, predicted one", images.get(0).getAttribute("alt"));
        assertEquals("zero \u2192 one", Xml.texts(doc, "figcaption").get(0));
    }

    @Test
    void oneEpochWithoutValidationIsDrawnAsPoints() throws Exception {
        var run = RunRecord.builder("single").epoch(EpochStats.of(1, 0.7, 0.6, 0.01, 1200)).build();
        var doc = Xml.parse(report.render(run));
        assertTrue(Xml.texts(doc, "p").contains("No validation data recorded: the charts show training values only."));
        var loss = chart(doc, "Loss");
        assertEquals(0, loss.getElementsByTagNameNS("*", "polyline").getLength());
        assertEquals(1, loss.getElementsByTagNameNS("*", "circle").getLength(), "the single epoch is a visible point");
        assertFalse(texts(loss, "text").contains("validation loss"));
        assertTrue(texts(loss, "text").contains("1"), "epoch tick");
        assertEquals(List.of("Configuration", "Model", "Training curves", "Confusion matrix", "Misclassified test images"),
                Xml.texts(doc, "h2"));
        assertTrue(Xml.texts(doc, "p").containsAll(List.of("No confusion matrix recorded.", "No misclassified images recorded.")));
    }

    @Test
    void nanLossBreaksTheLineAndIsReported() throws Exception {
        var builder = RunRecord.builder("diverged");
        for (var e = 1; e <= 5; e++) {
            var loss = e == 3 ? Double.NaN : e == 5 ? Double.POSITIVE_INFINITY : 1.0 / e;
            builder.epoch(EpochStats.of(e, loss, 0.5, 0.1, 100).withValidation(e == 3 ? Double.NaN : 1.2 / e, 0.4));
        }
        var doc = Xml.parse(report.render(builder.build()));
        var notes = Xml.elements(doc, "p").stream().filter(p -> p.getAttribute("class").equals("note"))
                .map(Element::getTextContent).toList();
        assertTrue(notes.contains("\u26a0 train loss is NaN at epoch 3"), notes.toString());
        assertTrue(notes.contains("\u26a0 train loss is \u221e at epoch 5"), notes.toString());
        assertTrue(notes.contains("\u26a0 validation loss is NaN at epoch 3"), notes.toString());
        var loss = chart(doc, "Loss");
        // Train: epochs 1-2 form a line, epoch 4 is alone; validation: 1-2 and 4-5.
        assertEquals(3, loss.getElementsByTagNameNS("*", "polyline").getLength());
        assertTrue(texts(loss, "text").contains("NaN"), "flag drawn in the plot");
        var warned = Xml.elements(doc, "div").stream().filter(d -> d.getAttribute("class").equals("value warn"))
                .map(Element::getTextContent).toList();
        assertEquals(List.of("\u221e"), warned, "the final train loss card is marked");
    }

    @Test
    void titleOnlyRecordStillGivesAValidPage() throws Exception {
        var doc = Xml.parse(report.render(RunRecord.builder("empty").build()));
        assertTrue(Xml.texts(doc, "p").containsAll(List.of("No configuration recorded.", "No model summary recorded.",
                "No epochs recorded.")));
        assertEquals(0, Xml.elements(doc, "svg").size());
    }

    @Test
    void userTextIsEscaped() throws Exception {
        var run = RunRecord.builder("<b>bold</b> & \"quoted\"")
                .config("<key>", "a < b && c > d")
                .modelSummary("</pre><script>alert(1)</script>")
                .build();
        var html = report.render(run);
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<b>"));
        var doc = Xml.parse(html);
        assertEquals("<b>bold</b> & \"quoted\"", Xml.texts(doc, "h1").get(0));
        assertTrue(Xml.texts(doc, "td").contains("a < b && c > d"));
        assertEquals("</pre><script>alert(1)</script>", Xml.texts(doc, "pre").get(0));
    }

    @Test
    void galleryIsCapped() throws Exception {
        var builder = RunRecord.builder("many");
        for (var i = 0; i < TrainingReport.MAX_IMAGES + 20; i++) {
            builder.misclassified(new MisclassifiedImage(new float[] {0, 0.5f, 1, 1.2f}, 2, 2, "a", "b"));
        }
        var doc = Xml.parse(report.render(builder.build()));
        assertEquals(TrainingReport.MAX_IMAGES, Xml.elements(doc, "img").size());
        assertTrue(Xml.texts(doc, "p").contains("Showing the first 100 of 120."));
    }

    @Test
    void writesAtomically(@TempDir Path dir) throws Exception {
        var file = dir.resolve("report.html");
        report.write(Runs.full(2).build(), file);
        Xml.parse(Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    @Test
    void badRecordsAreRejectedWithClearMessages() {
        var order = assertThrows(IllegalArgumentException.class, () -> RunRecord.builder("x")
                .epoch(EpochStats.of(2, 1, 1, 1, 1)).epoch(EpochStats.of(2, 1, 1, 1, 1)).build());
        assertTrue(order.getMessage().contains("epoch numbers must increase"), order.getMessage());
        var accuracy = assertThrows(IllegalArgumentException.class, () -> RunRecord.builder("x").testAccuracy(97).build());
        assertTrue(accuracy.getMessage().contains("[0, 1]"), accuracy.getMessage());
        var pixels = assertThrows(IllegalArgumentException.class, () -> new MisclassifiedImage(new float[3], 2, 2, "a", "b"));
        assertTrue(pixels.getMessage().contains("needs 4 pixels, got 3"), pixels.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> new MisclassifiedImage(new float[] {0, Float.NaN}, 2, 1, "a", "b"));
        assertTrue(nan.getMessage().contains("pixel 1 is NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunRecord.builder(" ").build());
    }

    @Test
    void niceTicksCoverTheData() {
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0, 2.5), box(LineChart.niceTicks(0.13, 2.07, 5)));
        assertEquals(List.of(0.9, 0.92, 0.94, 0.96, 0.98, 1.0), box(LineChart.niceTicks(0.905, 0.991, 5)).stream()
                .map(v -> Math.round(v * 100) / 100.0).toList());
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1), box(LineChart.logTicks(2e-4, 0.1)));
        assertEquals(List.of(2, 4, 6, 8, 10), LineChart.epochTicks(1, 10));
        assertEquals(List.of(1), LineChart.epochTicks(1, 1));
        assertEquals(List.of(50, 100, 150, 200, 250, 300), LineChart.epochTicks(1, 300));
    }

    // ---- helpers ----

    private static Element chart(Document doc, String title) {
        return Xml.elements(doc, "svg").stream()
                .filter(s -> s.getElementsByTagNameNS("*", "title").item(0).getTextContent().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no chart " + title));
    }

    private static List<String> texts(Element scope, String tag) {
        var nodes = scope.getElementsByTagNameNS("*", tag);
        var result = new ArrayList<String>();
        for (var i = 0; i < nodes.getLength(); i++) {
            result.add(nodes.item(i).getTextContent());
        }
        return result;
    }

    private static List<Double> box(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
