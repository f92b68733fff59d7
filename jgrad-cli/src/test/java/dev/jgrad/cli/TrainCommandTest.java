package dev.jgrad.cli;

import dev.jgrad.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void defaultRunOnTheBundledDigitsReachesNinetyFivePercent() {
        var r = Cli.run("train");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("data: digits"), r.toString());
        assertTrue(r.out().contains("epoch 20/20"), r.toString());
        assertTrue(r.percent("test accuracy") >= 95.0, r.toString());
    }

    @Test
    void sameSeedAndThreadsGiveBitIdenticalRuns() throws IOException {
        String[] common = {"train", "--epochs", "3", "--threads", "2", "--seed", "7"};
        var a = Cli.run(concat(common, "--metrics", dir.resolve("a.csv").toString(), "--save", dir.resolve("a.safetensors").toString()));
        var b = Cli.run(concat(common, "--metrics", dir.resolve("b.csv").toString(), "--save", dir.resolve("b.safetensors").toString()));
        assertEquals(0, a.code(), a.toString());
        assertEquals(0, b.code(), b.toString());
        assertEquals(deterministicColumns(dir.resolve("a.csv")), deterministicColumns(dir.resolve("b.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.safetensors")), Files.readAllBytes(dir.resolve("b.safetensors")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.optim.safetensors")), Files.readAllBytes(dir.resolve("b.optim.safetensors")));

        var other = Cli.run("train", "--epochs", "1", "--threads", "2", "--seed", "8", "--metrics", dir.resolve("c.csv").toString());
        assertEquals(0, other.code(), other.toString());
        assertFalse(deterministicColumns(dir.resolve("a.csv")).get(1).equals(deterministicColumns(dir.resolve("c.csv")).get(1)),
                "another seed should train differently");
    }

    @Test
    void resumingGivesExactlyTheUninterruptedRun() throws IOException {
        Path full = dir.resolve("full.safetensors"), half = dir.resolve("half.safetensors"), resumed = dir.resolve("resumed.safetensors");
        // a constant schedule: a cosine one depends on the total number of epochs, which the first part does not know
        var a = Cli.run("train", "--epochs", "4", "--optimizer", "nesterov", "--schedule", "constant", "--threads", "1",
                "--save", full.toString(), "--metrics", dir.resolve("full.csv").toString());
        assertEquals(0, a.code(), a.toString());
        var b = Cli.run("train", "--epochs", "2", "--optimizer", "nesterov", "--schedule", "constant", "--threads", "1",
                "--save", half.toString());
        assertEquals(0, b.code(), b.toString());

        var refused = Cli.run("train", "--resume", half.toString(), "--epochs", "4", "--seed", "9");
        assertEquals(2, refused.code(), refused.toString());
        assertTrue(refused.err().contains("--seed 9 differs"), refused.toString());

        var c = Cli.run("train", "--resume", half.toString(), "--epochs", "4", "--threads", "1", "--save", resumed.toString(),
                "--metrics", dir.resolve("resumed.csv").toString());
        assertEquals(0, c.code(), c.toString());
        assertTrue(c.out().contains("resuming after epoch 2"), c.toString());
        assertFalse(c.out().contains("epoch 1/4") || c.out().contains("epoch 2/4"), c.toString());
        List<String> fullRows = deterministicColumns(dir.resolve("full.csv"));
        List<String> resumedRows = deterministicColumns(dir.resolve("resumed.csv"));
        assertEquals(fullRows.subList(3, 5), resumedRows.subList(1, 3), "epochs 3 and 4 (after the header row)");
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(resumed));
        assertArrayEquals(Files.readAllBytes(dir.resolve("full.optim.safetensors")),
                Files.readAllBytes(dir.resolve("resumed.optim.safetensors")));
        assertEquals(a.percent("test accuracy"), c.percent("test accuracy"));
    }

    @Test
    void resumedCosineScheduleFollowsTheNewTotal() throws IOException {
        Path half = dir.resolve("half.safetensors");
        assertEquals(0, Cli.run("train", "--epochs", "2", "--save", half.toString()).code());
        var r = Cli.run("train", "--resume", half.toString(), "--epochs", "4", "--metrics", dir.resolve("m.csv").toString());
        assertEquals(0, r.code(), r.toString());
        List<String> rows = Files.readAllLines(dir.resolve("m.csv"));
        assertEquals(3, rows.size(), "header and epochs 3 and 4");
        for (int epoch = 3; epoch <= 4; epoch++) {
            double expected = 0.001 * (1 + Math.cos(Math.PI * (epoch - 1) / 4)) / 2;
            assertEquals(expected, Double.parseDouble(rows.get(epoch - 2).split(",")[5]), 1e-15, "lr of epoch " + epoch);
        }
    }

    @Test
    void resumeNeedsMoreEpochsAndTheOptimizerFile() throws IOException {
        Path ck = dir.resolve("ck.safetensors");
        assertEquals(0, Cli.run("train", "--epochs", "1", "--save", ck.toString()).code());
        var done = Cli.run("train", "--resume", ck.toString(), "--epochs", "1");
        assertEquals(2, done.code(), done.toString());
        assertTrue(done.err().contains("--epochs 1") && done.err().contains("already been trained for 1 epochs"), done.toString());

        Files.delete(dir.resolve("ck.optim.safetensors"));
        var missing = Cli.run("train", "--resume", ck.toString(), "--epochs", "2");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("ck.optim.safetensors") && missing.err().contains("missing"), missing.toString());
    }

    @Test
    void failedSaveLeavesNoPartialCheckpoint() throws IOException {
        Path ck = dir.resolve("model.safetensors");
        // a non-empty directory where the optimizer state must go: the atomic rename fails
        Files.createDirectories(dir.resolve("model.optim.safetensors").resolve("blocker"));
        var r = Cli.run("train", "--epochs", "1", "--save", ck.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("model.optim.safetensors"), r.toString());
        assertFalse(Files.exists(ck), "no model file without its optimizer state");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("model.optim.safetensors"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary files are left behind");
        }
    }

    @Test
    void saveIntoAMissingDirectoryFailsBeforeTraining() {
        var r = Cli.run("train", "--save", dir.resolve("nowhere/model.safetensors").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--save") && r.err().contains("does not exist"), r.toString());
        assertFalse(r.out().contains("epoch 1/"), r.toString());
    }

    @Test
    void metricsAsJsonLinesHoldEveryColumn() throws IOException {
        Path file = dir.resolve("m.jsonl");
        var r = Cli.run("train", "--epochs", "2", "--val-split", "0", "--metrics", file.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        var row = (Map<?, ?>) Json.parse(lines.get(1));
        assertEquals(MetricsFile.COLUMNS, List.copyOf(row.keySet().stream().map(Object::toString).toList()));
        assertEquals(2L, row.get("epoch"));
        assertEquals(null, row.get("val_loss"), "no validation split, no validation values");
        assertTrue(((Number) row.get("train_acc")).doubleValue() > 0.5);
    }

    @Test
    void everyOptimizerAndActivationTrains() {
        for (String opt : List.of("sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop")) {
            var r = Cli.run("train", "--epochs", "2", "--optimizer", opt, "--weight-decay", "0.0001", "--limit", "600");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.percent("test accuracy") > 60, opt + ": " + r);
        }
        for (String act : List.of("tanh", "sigmoid", "leaky_relu")) {
            var r = Cli.run("train", "--epochs", "2", "--activation", act, "--model", "mlp:32,16", "--lr", "0.01");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.percent("test accuracy") > 60, act + ": " + r);
        }
        var softmax = Cli.run("train", "--epochs", "3", "--model", "softmax", "--lr", "0.01");
        assertTrue(softmax.percent("test accuracy") > 85, softmax.toString());
    }

    @Test
    void badOptionValuesAreUsageErrorsNamingTheOption() {
        assertBadInput(List.of("train", "--model", "mlp:"), "--model");
        assertBadInput(List.of("train", "--model", "cnn:3"), "unknown model spec 'cnn:3'");
        assertBadInput(List.of("train", "--activation", "swish"), "--activation");
        assertBadInput(List.of("train", "--optimizer", "lbfgs"), "--optimizer");
        assertBadInput(List.of("train", "--data", "imagenet"), "--data");
        assertBadInput(List.of("train", "--lr", "-1"), "--lr");
        assertBadInput(List.of("train", "--val-split", "1.5"), "--val-split");
        assertBadInput(List.of("train", "--schedule", "linear"), "--schedule");
        assertBadInput(List.of("train", "--metrics", dir.resolve("m.txt").toString()), "--metrics");
    }

    @Test
    void csvDataTrainsAndBadCsvNamesFileRowAndColumn() throws IOException {
        Path good = dir.resolve("blobs.csv");
        StringBuilder sb = new StringBuilder();
        var gen = new dev.jgrad.tensor.Generator(5);
        for (int i = 0; i < 300; i++) {
            int label = i % 3;
            sb.append(label * 3 + gen.nextGaussian()).append(',').append(-label * 2 + gen.nextGaussian()).append(',').append(label).append('\n');
        }
        Files.writeString(good, sb);
        var r = Cli.run("train", "--data", "csv:" + good, "--epochs", "20", "--lr", "0.01", "--model", "mlp:16");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.percent("test accuracy") > 80, r.toString());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2,0\n3,abc,1\n");
        var b = Cli.run("train", "--data", "csv:" + bad);
        assertEquals(2, b.code(), b.toString());
        assertTrue(b.err().contains("bad.csv") && b.err().contains("row 2") && b.err().contains("'abc'"), b.toString());

        var missing = Cli.run("train", "--data", "csv:" + dir.resolve("absent.csv"));
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("absent.csv"), missing.toString());
    }

    @Test
    void wrongIdxMagicNamesTheFile() throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        for (String name : List.of("train-images-idx3-ubyte", "t10k-images-idx3-ubyte"))
            Files.write(mnist.resolve(name), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        for (String name : List.of("train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte"))
            Files.write(mnist.resolve(name), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        var r = Cli.run("train", "--data", "mnist", "--data-dir", dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("train-images-idx3-ubyte") && r.err().contains("magic"), r.toString());

        var missing = Cli.run("train", "--data", "fashion-mnist", "--data-dir", dir.toString());
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("Fashion-MNIST"), missing.toString());
    }

    @Test
    void cifar10BinaryBatchesTrain() throws IOException {
        Path cifar = Files.createDirectories(dir.resolve("cifar10"));
        var gen = new dev.jgrad.tensor.Generator(3);
        for (String name : List.of("data_batch_1.bin", "test_batch.bin")) {
            byte[] data = new byte[40 * 3073];
            for (int r = 0; r < 40; r++) {
                int label = r % 2;
                data[r * 3073] = (byte) label;
                for (int p = 1; p < 3073; p++) data[r * 3073 + p] = (byte) (label * 120 + gen.nextInt(100));
            }
            Files.write(cifar.resolve(name), data);
        }
        var r = Cli.run("train", "--data", "cifar10", "--data-dir", dir.toString(), "--model", "softmax", "--epochs", "3",
                "--val-split", "0");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("[3, 32, 32]"), r.toString());
        assertTrue(r.percent("test accuracy") >= 90, r.toString());
    }

    private void assertBadInput(List<String> args, String expected) {
        var r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), args + ": " + r);
        assertTrue(r.err().startsWith("jgrad: ") && r.err().contains(expected), args + ": " + r);
        assertFalse(r.err().contains("Exception"), args + ": " + r);
    }

    /** The CSV rows without the wall-clock columns (seconds, samples_per_s), which no two runs share. */
    static List<String> deterministicColumns(Path csv) throws IOException {
        return Files.readAllLines(csv).stream()
                .map(line -> String.join(",", Arrays.asList(line.split(",", -1)).subList(0, 6)))
                .toList();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
