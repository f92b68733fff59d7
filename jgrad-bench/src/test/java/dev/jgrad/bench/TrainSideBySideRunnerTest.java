package dev.jgrad.bench;

import dev.jgrad.bench.TrainSideBySideRunner.Build;
import dev.jgrad.bench.Workloads.UsageException;
import dev.jgrad.kernels.Kernels;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainSideBySideRunnerTest {

    private static String core() throws Exception {
        return Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The build under test against itself: two class loaders, the same training, finite ratios. */
    @Test
    void aBuildAgainstItselfTrainsTheSameAndTakesTurns() throws Exception {
        Build a = Build.load("a", core(), new int[] {16}, 640, 1), b = Build.load("b", core(), new int[] {16}, 640, 1);
        assertNotSame(a.model().getClass(), b.model().getClass(), "each build has its own classes");
        var ea = a.epoch(640, 64, 0.1);
        var eb = b.epoch(640, 64, 0.1);
        assertTrue(Double.isFinite(ea.loss()) && ea.loss() > 0, ea.toString());
        assertEquals(ea.loss(), eb.loss(), "same seed, same code: the same bits");
        List<String> rounds = new ArrayList<>();
        var r = TrainSideBySideRunner.compare(a, b, 3, 640, 64, 0.1, (i, x, y) -> rounds.add(i + ":" + (x > 0 && y > 0)));
        assertEquals(List.of("0:true", "1:true", "2:true"), rounds);
        assertTrue(r.ratio().min() > 0 && Double.isFinite(r.ratio().max()), r.toString());
    }

    @Test
    void aDirectoryWithoutJgradCoreIsNamed(@org.junit.jupiter.api.io.TempDir Path empty) {
        var e = assertThrows(UsageException.class, () -> Build.load("a", empty.toString(), new int[] {16}, 640, 1));
        assertTrue(e.getMessage().contains("--a " + empty) && e.getMessage().contains("holds no jgrad-core classes"), e.getMessage());
    }

    @Test
    void aMissingBuildIsNamed() {
        var e = assertThrows(UsageException.class, () -> Build.load("b", "/nonexistent/jgrad-core", new int[] {16}, 640, 1));
        assertTrue(e.getMessage().contains("--b /nonexistent/jgrad-core"), e.getMessage());
    }
}
