package dev.jgrad.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExampleCommandTest {

    @Test
    void listNamesEveryExample() {
        var r = Cli.run("example", "list");
        assertEquals(0, r.code(), r.toString());
        for (Example e : Example.all()) assertTrue(r.out().contains(e.name() + " "), e.name());
    }

    @Test
    void addMulAgreesWithAutograd() {
        var r = Cli.run("example", "add-mul");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("df/dx = -4, df/dy = -4, df/dz = 3"), r.toString());
        assertTrue(r.out().contains("agrees with the hand computation"), r.toString());
    }

    @Test
    void gatesShowDistributeSwapRouteAndSum() {
        var r = Cli.run("example", "gates");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("da = 2, db = 2"), "add distributes: " + r);
        assertTrue(r.out().contains("da = -2, db = 6"), "mul swaps: " + r);
        assertTrue(r.out().contains("da = 2, db = 0"), "max routes: " + r);
        assertTrue(r.out().contains("= 14; autograd: 14"), "fan-out sums: " + r);
    }

    @Test
    void handDerivedGradientsMatchAutogradAndTheExamplesLearn() {
        for (String name : new String[] {"linear-regression", "perceptron", "softmax-regression", "two-layer-net", "numerical-gradient"}) {
            var r = Cli.run("example", name);
            assertEquals(0, r.code(), name + ": " + r);
            // every |hand - auto| and relative difference printed is tiny
            var m = java.util.regex.Pattern.compile("(\\d\\.\\d\\de[-+]\\d\\d)").matcher(r.out());
            int seen = 0;
            while (m.find()) {
                seen++;
                assertTrue(Double.parseDouble(m.group(1)) < 1e-5, name + " shows a large difference " + m.group(1) + ":\n" + r.out());
            }
            assertTrue(seen > 0, name + " prints its comparisons: " + r);
            if (r.out().contains("test accuracy")) assertTrue(r.percent("test accuracy") > 90, name + ": " + r);
        }
    }

    @Test
    void unknownExampleListsTheNames() {
        var r = Cli.run("example", "backprop");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("no example named 'backprop'") && r.err().contains("add-mul"), r.toString());
    }
}
