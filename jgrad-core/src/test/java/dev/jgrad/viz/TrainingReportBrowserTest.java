package dev.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * second test feeds the same checker a page that breaks those rules, to show the check can fail.
 * Skipped when Chromium is not installed.
 */
class TrainingReportBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Chromium's log tag for page console output: "[...:INFO:CONSOLE:12] "message", source: file:///... (12)". */
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]");

    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        var fixed = Path.of("/usr/bin/chromium");
        chromium = Files.isExecutable(fixed) ? fixed : DotWriterTest.onPath("chromium");
    }

    @Test
    void reportRendersInHeadlessChromiumWithoutConsoleMessages(@TempDir Path dir) throws Exception {
        assumeChromium();
        var page = dir.resolve("report.html");
        new TrainingReport().write(Runs.full(12).build(), page);
        var shot = dir.resolve("report.png");
        var run = open(dir, page, shot);

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(6, count(run.dom(), "<svg"), "4 charts, heat map and graph in the browser's DOM");
        assertEquals(2, count(run.dom(), "<img"));
        assertTrue(run.dom().contains("<h1>MLP on toy digits</h1>"));

        assertTrue(Files.size(shot) > 0, "screenshot written");
        var image = ImageIO.read(shot.toFile());
        assertNotNull(image, "screenshot is a decodable PNG");
        assertEquals(1200, image.getWidth());
        assertEquals(2000, image.getHeight());
        var stats = colours(image);
        assertTrue(stats.distinct() >= 100, "a rendered report has many colours, got " + stats.distinct());
        assertTrue(stats.nonBackground() >= 0.05, "not blank: " + stats.nonBackground() + " of pixels differ from the background");
        assertTrue(stats.trainBlue() >= 200, "training curves painted in #2563eb: " + stats.trainBlue() + " pixels");

        assertEquals(List.of(), consoleMessages(run.stderr(), page), "console messages about the page");
    }

    @Test
    void consoleCheckCatchesPagesThatLoadOrRunThings(@TempDir Path dir) throws Exception {
        assumeChromium();
        var page = dir.resolve("bad.html");
        Files.writeString(page, """
                <!DOCTYPE html><html><head><meta charset="utf-8"/>
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"/>
                <title>bad</title></head><body><p>bad</p>
                <img src="https://example.invalid/x.png" alt=""/><script>document.title = 'ran';</script>
                </body></html>
                """);
        var run = open(dir, page, dir.resolve("bad.png"));
        var messages = consoleMessages(run.stderr(), page);
        assertTrue(messages.stream().anyMatch(m -> m.contains("Content Security Policy") && m.contains("example.invalid")),
                "blocked image reported: " + messages);
        assertTrue(messages.stream().anyMatch(m -> m.contains("inline script")), "blocked script reported: " + messages);
    }

    // ---- helpers ----

    private static void assumeChromium() {
        Assumptions.assumeTrue(chromium != null,
                "Chromium not found at /usr/bin/chromium or on PATH: browser rendering test skipped");
    }

    private record Run(int exitCode, String dom, String stderr) {
    }

    /** One headless Chromium run with a fresh profile; the whole process tree is killed afterwards. */
    private static Run open(Path dir, Path page, Path screenshot) throws Exception {
        var profile = Files.createTempDirectory(dir, "profile");
        var stdout = dir.resolve(screenshot.getFileName() + ".dom.txt");
        var stderr = dir.resolve(screenshot.getFileName() + ".log.txt");
        var command = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                "--screenshot=" + screenshot, "--window-size=1200,2000", page.toUri().toString());
        var process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        var spawned = new LinkedHashSet<ProcessHandle>();
        var deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            // Children (renderer, GPU, zygote) are collected while they live, so none can outlast the test.
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(spawned::add);
                if (System.nanoTime() > deadline) {
                    fail("Chromium did not finish within " + TIMEOUT.toSeconds() + " s; log:\n" + Files.readString(stderr));
                }
            }
        } finally {
            process.descendants().forEach(spawned::add);
            spawned.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
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
