package dev.jgrad.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void withoutACommandPrintsUsageAndFailsAsUsageError() {
        var r = Cli.run();
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("Usage: jgrad"), r.toString());
        assertTrue(r.err().contains("a command is required"), r.toString());
    }

    @Test
    void unknownOptionIsAUsageErrorNamingTheOption() {
        var r = Cli.run("train", "--epochz", "3");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("jgrad: "), r.toString());
        assertTrue(r.err().contains("--epochz"), r.toString());
    }

    @Test
    void unknownCommandIsAUsageError() {
        var r = Cli.run("trian");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("trian"), r.toString());
    }

    @Test
    void malformedOptionValueNamesTheOption() {
        var r = Cli.run("train", "--epochs", "many");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--epochs") && r.err().contains("many"), r.toString());
    }

    @Test
    void helpAndVersionSucceed() {
        var help = Cli.run("train", "--help");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().contains("--optimizer"), help.toString());
        var version = Cli.run("--version");
        assertEquals(0, version.code(), version.toString());
        assertTrue(version.out().startsWith("jgrad "), version.toString());
    }

    @Test
    void infoNamesVersionJavaKernelsAndThreads() {
        var r = Cli.run("info", "--threads", "1");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("java: " + System.getProperty("java.version")), r.toString());
        assertTrue(r.out().contains("kernels: " + dev.jgrad.kernels.Kernels.get().name()), r.toString());
        assertTrue(r.out().contains("threads: 1 "), r.toString());
        assertTrue(r.out().contains("data dir: "), r.toString());
    }

    @Test
    void zeroThreadsIsRejected() {
        var r = Cli.run("info", "--threads", "0");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--threads"), r.toString());
    }
}
