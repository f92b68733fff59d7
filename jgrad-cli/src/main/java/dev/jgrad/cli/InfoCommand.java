package dev.jgrad.cli;

import dev.jgrad.kernels.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "info", mixinStandardHelpOptions = true, description = "Prints the version, the Java runtime, the kernels in use, threads and the data directory.")
final class InfoCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory to report on.")
    private Path dataDir;

    @Option(names = "--threads", paramLabel = "N", description = "Kernel threads (default: all processors).")
    private Integer threads;

    @Override
    public Integer call() {
        if (threads != null) Threads.set(threads);
        var out = main.out();
        out.printf("jgrad %s%n", Version.get());
        out.printf("java: %s (%s, %s)%n", System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.home"));
        out.printf("kernels: %s%n", Kernels.get().name());
        out.printf("threads: %d (of %d processors)%n", Threads.current(), Runtime.getRuntime().availableProcessors());
        out.printf("data dir: %s%n", DataDirectory.find(dataDir)
                .map(d -> d.path() + " (from " + d.source() + (Files.isDirectory(d.path()) ? ")" : "; missing)"))
                .orElse("none (give one with --data-dir DIR or JGRAD_DATA)"));
        out.printf("bundled data: digits (UCI Optical Recognition of Handwritten Digits, CC BY 4.0)%n");
        return Main.OK;
    }
}
