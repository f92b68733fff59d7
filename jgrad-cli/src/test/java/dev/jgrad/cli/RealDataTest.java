package dev.jgrad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** MNIST and Fashion-MNIST from the shared data directory, on small subsets; skipped where they are absent. */
class RealDataTest {
    @TempDir
    Path dir;

    private static Path data() {
        var d = Cli.dataDir();
        assumeTrue(d.isPresent(), "the shared datasets are not on this machine (system property jgrad.data)");
        return d.get();
    }

    @Test
    void mnistSubsetTrainsEvaluatesAndPredictsFromIdx() {
        Path root = data();
        Path ck = dir.resolve("mnist.safetensors");
        var r = Cli.run("train", "--data", "mnist", "--data-dir", root.toString(), "--limit", "3000", "--epochs", "2",
                "--model", "mlp:64", "--save", ck.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("10000 test samples of [1, 28, 28]"), r.toString());
        assertTrue(r.percent("test accuracy") > 85, r.toString());

        var e = Cli.run("eval", "--model", ck.toString(), "--data-dir", root.toString());
        assertEquals(0, e.code(), e.toString());
        assertEquals(r.percent("test accuracy"), e.percent("accuracy"));

        var p = Cli.run("predict", "--model", ck.toString(), "--limit", "50",
                root.resolve("mnist/t10k-images-idx3-ubyte.gz").toString());
        assertEquals(0, p.code(), p.toString());
        assertTrue(p.out().contains("t10k-images-idx3-ubyte.gz#49: "), p.toString());
        assertTrue(p.percent("accuracy on the labeled inputs") > 80, p.toString());
    }

    @Test
    void fashionMnistSubsetTrains() {
        Path root = data();
        var r = Cli.run("train", "--data", "fashion-mnist", "--data-dir", root.toString(), "--limit", "3000", "--epochs", "2",
                "--model", "softmax", "--lr", "0.005");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.percent("test accuracy") > 65, r.toString());
    }
}
