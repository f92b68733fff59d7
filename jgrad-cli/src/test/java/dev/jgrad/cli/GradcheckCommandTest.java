package dev.jgrad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradcheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void specModelPassesWithEveryParameterListed() {
        var r = Cli.run("gradcheck", "--model", "mlp:8", "--activation", "tanh");
        assertEquals(0, r.code(), r.toString());
        for (String name : new String[] {"input", "0.weight", "0.bias", "2.weight", "2.bias"})
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.endsWith("ok")), name + ": " + r);
        assertTrue(r.out().contains("gradcheck passed"), r.toString());
    }

    @Test
    void checkpointIsCheckedOnItsOwnData() {
        Path ck = dir.resolve("s.safetensors");
        assertEquals(0, Cli.run("train", "--epochs", "1", "--model", "softmax", "--save", ck.toString()).code());
        var r = Cli.run("gradcheck", "--model", ck.toString(), "--batch", "3");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("data: digits, batch of 3"), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("weight ") && l.endsWith("ok")), r.toString());
    }

    @Test
    void anImpossibleToleranceFailsWithExitCodeOne() {
        var r = Cli.run("gradcheck", "--model", "softmax", "--tolerance", "0", "--atol", "0", "--batch", "2");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("gradcheck FAILED"), r.toString());
    }

    @Test
    void badModelsAreInputErrors() {
        var spec = Cli.run("gradcheck", "--model", "transformer");
        assertEquals(2, spec.code(), spec.toString());
        assertTrue(spec.err().contains("neither a checkpoint file nor a model spec"), spec.toString());

        var big = Cli.run("gradcheck", "--model", "mlp:512", "--max-params", "1000");
        assertEquals(2, big.code(), big.toString());
        assertTrue(big.err().contains("--max-params"), big.toString());
    }
}
