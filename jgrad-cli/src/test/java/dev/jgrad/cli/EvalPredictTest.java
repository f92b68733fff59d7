package dev.jgrad.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One checkpoint trained on the digits, then evaluated and used for predictions. */
class EvalPredictTest {
    @TempDir
    static Path dir;
    static Path checkpoint;
    static Cli.Result training;

    @BeforeAll
    static void train() {
        checkpoint = dir.resolve("digits.safetensors");
        training = Cli.run("train", "--epochs", "8", "--save", checkpoint.toString());
        assertEquals(0, training.code(), training.toString());
    }

    @Test
    void evalReproducesTheTestAccuracyOfTraining() {
        var r = Cli.run("eval", "--model", checkpoint.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(training.percent("test accuracy"), r.percent("accuracy"));
        String counts = matchOne(training.out(), "test accuracy: [0-9.]+% \\((\\d+/\\d+)\\)");
        assertTrue(r.out().contains("(" + counts + ")"), r.toString());
        assertTrue(r.out().contains("precision") && r.out().contains("recall"), r.toString());
        assertTrue(r.out().contains("confusion matrix"), r.toString());
        assertTrue(r.out().contains("trained 8 epochs on digits"), r.toString());
    }

    @Test
    void predictGivesTheSameClassForCsvRowsAndForTheSameDigitsAsPng() throws IOException {
        List<String> rows = digitRows(12);
        Path csv = dir.resolve("rows.csv");
        Files.write(csv, rows);
        List<Path> pngs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) pngs.add(png(rows.get(i), dir.resolve("digit" + i + ".png"), i % 2 == 0));

        var byCsv = Cli.run("predict", "--model", checkpoint.toString(), csv.toString());
        assertEquals(0, byCsv.code(), byCsv.toString());
        assertTrue(byCsv.out().contains("accuracy on the labeled inputs"), byCsv.toString());
        List<String> args = new ArrayList<>(List.of("predict", "--model", checkpoint.toString(), "--top", "2"));
        pngs.forEach(p -> args.add(p.toString()));
        var byPng = Cli.run(args.toArray(String[]::new));
        assertEquals(0, byPng.code(), byPng.toString());

        List<String> csvClasses = predictedClasses(byCsv.out(), "rows.csv#\\d+");
        List<String> pngClasses = predictedClasses(byPng.out(), "\\S*digit\\d+\\.png");
        assertEquals(rows.size(), csvClasses.size(), byCsv.toString());
        assertEquals(csvClasses, pngClasses, "a PNG of a digit (dark on light or light on dark) is classified like its row");
        assertTrue(byCsv.percent("accuracy on the labeled inputs") >= 75, byCsv.toString());
    }

    @Test
    void predictReadsUnlabeledRows() throws IOException {
        Path csv = dir.resolve("unlabeled.csv");
        Files.write(csv, digitRows(3).stream().map(r -> r.substring(0, r.lastIndexOf(','))).toList());
        var r = Cli.run("predict", "--model", checkpoint.toString(), csv.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(3, predictedClasses(r.out(), "unlabeled.csv#\\d+").size(), r.toString());
        assertTrue(!r.out().contains("accuracy on the labeled inputs"), r.toString());
    }

    @Test
    void predictRejectsInputsThatDoNotFitTheModel() throws IOException {
        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "1,2,3\n");
        var r = Cli.run("predict", "--model", checkpoint.toString(), wide.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("wide.csv") && r.err().contains("64 features"), r.toString());

        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not a picture");
        var notImage = Cli.run("predict", "--model", checkpoint.toString(), text.toString());
        assertEquals(2, notImage.code(), notImage.toString());
        assertTrue(notImage.err().contains("notes.png"), notImage.toString());

        Path idx = dir.resolve("lonely-images-idx3-ubyte");
        Files.write(idx, new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0, 8});
        var noLabels = Cli.run("predict", "--model", checkpoint.toString(), idx.toString());
        assertEquals(2, noLabels.code(), noLabels.toString());
        assertTrue(noLabels.err().contains("labels"), noLabels.toString());

        var missing = Cli.run("predict", "--model", checkpoint.toString(), dir.resolve("absent.png").toString());
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("absent.png"), missing.toString());
    }

    @Test
    void evalAndPredictRejectFilesThatAreNoCheckpoints() throws IOException {
        var missing = Cli.run("eval", "--model", dir.resolve("nothing.safetensors").toString());
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("nothing.safetensors"), missing.toString());

        Path junk = dir.resolve("junk.safetensors");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        var corrupt = Cli.run("eval", "--model", junk.toString());
        assertEquals(2, corrupt.code(), corrupt.toString());
        assertTrue(corrupt.err().startsWith("jgrad: ") && corrupt.err().contains("junk.safetensors"), corrupt.toString());

        var optimizerFile = Cli.run("predict", "--model", Checkpoint.optimizerFile(checkpoint).toString(), junk.toString());
        assertEquals(2, optimizerFile.code(), optimizerFile.toString());
        assertTrue(optimizerFile.err().contains("not a jgrad classifier checkpoint"), optimizerFile.toString());
    }

    @Test
    void evalOfAModelOnDataOfAnotherShapeIsRefused() throws IOException {
        Path csv = dir.resolve("two.csv");
        Files.writeString(csv, "1,2,0\n2,1,1\n1,1,0\n2,2,1\n3,1,0\n");
        var r = Cli.run("eval", "--model", checkpoint.toString(), "--data", "csv:" + csv);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("[2]") && r.err().contains("[1, 8, 8]"), r.toString());
    }

    /** The first rows of the bundled digits CSV (64 pixels 0..16 and the label). */
    static List<String> digitRows(int n) throws IOException {
        try (var in = new GZIPInputStream(EvalPredictTest.class.getResourceAsStream("/dev/jgrad/cli/data/digits.csv.gz"))) {
            return new String(in.readAllBytes()).lines().limit(n).toList();
        }
    }

    /** A 10x-enlarged picture of a digit row, as ink on paper or as light on dark. */
    static Path png(String row, Path file, boolean inkOnPaper) throws IOException {
        String[] cells = row.split(",");
        var image = new BufferedImage(80, 80, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 80; x++) {
                int v = (int) Math.round(Double.parseDouble(cells[(y / 10) * 8 + x / 10]) / 16 * 255);
                int g = inkOnPaper ? 255 - v : v;
                image.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static List<String> predictedClasses(String out, String namePattern) {
        Matcher m = Pattern.compile("(?m)^" + namePattern + ": (\\S+) \\(").matcher(out);
        List<String> classes = new ArrayList<>();
        while (m.find()) classes.add(m.group(1));
        return classes;
    }

    private static String matchOne(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in " + text);
        return m.group(1);
    }
}
