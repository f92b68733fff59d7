package dev.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the training report in a real browser: headless Chromium loads the file, dumps the DOM it
 * parsed, takes a 1200x2000 screenshot and logs console messages to stderr.
 *
 * <p>What is checked: Chromium exits normally; its DOM has every chart, the heat map, the graph and
 * the images (so the markup parsed as intended in HTML mode); the screenshot decodes, has many
 * colours and the training-curve blue (so the inline SVG was actually painted); and no console
 * message refers to the page. The report has no scripts, so any console message about it means a
 * blocked resource (the page's Content-Security-Policy forbids all loading) or a parse problem. A
 * canary page that breaks those rules, opened alongside, shows that the check can fail.
 * Skipped when Chromium is not installed.
 */
class TrainingReportBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Chromium's log tag for page console output: "[...:INFO:CONSOLE:12] "message", source: file:///... (12)". */
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]");

    @TempDir
    static Path dir;
    private static Path chromium;
    private static Path reportPage;
    private static Path canaryPage;
    private static Run report;
    private static Run canary;

    /** Both pages are opened at once: two independent browser start-ups are the slow part. */
    @BeforeAll
    static void openPages() throws Exception {
        var fixed = Path.of("/usr/bin/chromium");
        chromium = Files.isExecutable(fixed) ? fixed : DotWriterTest.onPath("chromium");
        if (chromium == null) {
            return;
        }
        reportPage = dir.resolve("report.html");
        new TrainingReport().write(Runs.full(12).build(), reportPage);
        // Same policy as the report, plus an external image and an inline script: both get blocked and logged.
        canaryPage = dir.resolve("canary.html");
        Files.writeString(canaryPage, """
                <!DOCTYPE html><html><head><meta charset="utf-8"/>
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"/>
                <title>canary</title></head><body><p>canary</p>
                <img src="https://example.invalid/x.png" alt=""/><script>document.title = 'ran';</script>
                </body></html>
                """);
        var runs = open(List.of(reportPage, canaryPage));
        report = runs.get(0);
        canary = runs.get(1);
    }

    @Test
    void reportRendersInHeadlessChromiumWithoutConsoleMessages() throws Exception {
        assumeChromium();
        var run = report;
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(6, count(run.dom(), "<svg"), "4 charts, heat map and graph in the browser's DOM");
        assertEquals(2, count(run.dom(), "<img"));
        assertTrue(run.dom().contains("<h1>MLP on toy digits</h1>"));

        assertTrue(Files.size(run.screenshot()) > 0, "screenshot written");
        var image = ImageIO.read(run.screenshot().toFile());
        assertNotNull(image, "screenshot is a decodable PNG");
        assertEquals(1200, image.getWidth());
        assertEquals(2000, image.getHeight());
        var stats = colours(image);
        assertTrue(stats.distinct() >= 100, "a rendered report has many colours, got " + stats.distinct());
        assertTrue(stats.nonBackground() >= 0.05, "not blank: " + stats.nonBackground() + " of pixels differ from the background");
        assertTrue(stats.trainBlue() >= 200, "training curves painted in #2563eb: " + stats.trainBlue() + " pixels");

        assertEquals(List.of(), consoleMessages(run.stderr(), reportPage), "console messages about the page");
    }

    @Test
    void consoleCheckCatchesPagesThatLoadOrRunThings() {
        assumeChromium();
        var messages = consoleMessages(canary.stderr(), canaryPage);
        assertTrue(messages.stream().anyMatch(m -> m.contains("Content Security Policy") && m.contains("example.invalid")),
                "blocked image reported: " + messages);
        assertTrue(messages.stream().anyMatch(m -> m.contains("inline script")), "blocked script reported: " + messages);
    }

    // ---- helpers ----

    private static void assumeChromium() {
        Assumptions.assumeTrue(chromium != null,
                "Chromium not found at /usr/bin/chromium or on PATH: browser rendering test skipped");
    }

    private record Run(int exitCode, String dom, String stderr, Path screenshot) {
    }

    /**
     * Headless Chromium, one process per page, each with a fresh profile; every process tree is
     * killed afterwards, also on timeout.
     */
    private static List<Run> open(List<Path> pages) throws Exception {
        var processes = new ArrayList<Process>();
        var spawned = new LinkedHashSet<ProcessHandle>();
        try {
            for (var page : pages) {
                var name = page.getFileName().toString();
                var command = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--enable-logging=stderr", "--v=0",
                        "--dump-dom", "--screenshot=" + dir.resolve(name + ".png"), "--window-size=1200,2000",
                        page.toUri().toString());
                processes.add(new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".dom.txt").toFile())
                        .redirectError(dir.resolve(name + ".log.txt").toFile()).start());
            }
            var deadline = System.nanoTime() + TIMEOUT.toNanos();
            for (var process : processes) {
                // Children (renderer, GPU, zygote) are collected while they live, so none can outlast the test.
                while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                    processes.forEach(p -> p.descendants().forEach(spawned::add));
                    if (System.nanoTime() > deadline) {
                        fail("Chromium did not finish within " + TIMEOUT.toSeconds() + " s");
                    }
                }
            }
        } finally {
            processes.forEach(p -> p.descendants().forEach(spawned::add));
            spawned.forEach(ProcessHandle::destroyForcibly);
            for (var process : processes) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        var runs = new ArrayList<Run>();
        for (var i = 0; i < pages.size(); i++) {
            var name = pages.get(i).getFileName().toString();
            runs.add(new Run(processes.get(i).exitValue(), Files.readString(dir.resolve(name + ".dom.txt")),
                    Files.readString(dir.resolve(name + ".log.txt")), dir.resolve(name + ".png")));
        }
        return runs;
    }

    /** Console lines whose source is the page, plus any uncaught exception. */
    static List<String> consoleMessages(String log, Path page) {
        var source = page.toUri().toString();
        return log.lines()
                .filter(line -> (CONSOLE.matcher(line).find() && line.contains(source)) || line.contains("Uncaught"))
                .toList();
    }

    private record Colours(int distinct, double nonBackground, int trainBlue) {
    }

    private static Colours colours(BufferedImage image) {
        var histogram = new HashMap<Integer, Integer>();
        var blue = 0;
        for (var y = 0; y < image.getHeight(); y++) {
            for (var x = 0; x < image.getWidth(); x++) {
                var rgb = image.getRGB(x, y) & 0xffffff;
                histogram.merge(rgb, 1, Integer::sum);
                var r = rgb >> 16;
                var g = (rgb >> 8) & 0xff;
                var b = rgb & 0xff;
                if (Math.abs(r - 0x25) + Math.abs(g - 0x63) + Math.abs(b - 0xeb) <= 30) {
                    blue++;
                }
            }
        }
        var background = histogram.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        var total = (double) image.getWidth() * image.getHeight();
        return new Colours(histogram.size(), 1 - background / total, blue);
    }

    private static int count(String text, String needle) {
        var n = 0;
        for (var i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
