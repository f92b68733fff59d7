package dev.jgrad.bench;

import dev.jgrad.bench.SideBySideRunner.Build;
import dev.jgrad.bench.SideBySideRunner.Shape;
import dev.jgrad.bench.Workloads.UsageException;
import dev.jgrad.kernels.Kernels;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideBySideRunnerTest {

    @Test
    void shapesParseWithTheirTranspositionsAndRejectNonsenseByName() {
        assertEquals(new Shape(1024, 784, 256, true, false, true), Shape.parse("1024,784,256,TN,acc"));
        assertEquals(new Shape(2, 3, 4, false, true, false), Shape.parse(" 2,3,4,NT "));
        for (String bad : new String[] {"1,2,3", "1,2,3,XN", "0,2,3,NN", "1,2,3,NN,add", "a,2,3,NN"}) {
            var e = assertThrows(UsageException.class, () -> Shape.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    /** The build under test against itself: two class loaders, same bits, ratios near one. */
    @Test
    void aBuildAgainstItselfLoadsTwiceAndMatchesBitForBit() throws Exception {
        String core = Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Build a = Build.load("a", core), b = Build.load("b", core);
        assertNotSame(a.kernels().getClass(), b.kernels().getClass(), "each build has its own classes");
        var r = SideBySideRunner.compare(a, b, Shape.parse("37,41,29,NT,acc"), 3, 0.001);
        assertTrue(r.a().median() > 0 && r.b().median() > 0, r.toString());
        assertTrue(r.ratio().min() > 0 && Double.isFinite(r.ratio().max()), r.toString());
    }

    @Test
    void aMissingBuildIsNamed() {
        var e = assertThrows(UsageException.class, () -> Build.load("b", "/nonexistent/jgrad-core.jar"));
        assertTrue(e.getMessage().contains("--b /nonexistent/jgrad-core.jar"), e.getMessage());
    }
}
