package dev.jgrad.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the jgrad command in this JVM and captures what it prints. */
final class Cli {
    private Cli() {}

    record Result(int code, String out, String err) {
        /** The percentage printed after {@code label}, e.g. "test accuracy: 97.49%". */
        double percent(String label) {
            Matcher m = Pattern.compile(Pattern.quote(label) + ":? ([0-9.]+)%").matcher(out);
            if (!m.find()) throw new AssertionError("no '" + label + "' percentage in:\n" + out + err);
            return Double.parseDouble(m.group(1));
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The shared datasets, when this machine has them (tests that need them skip otherwise). */
    static Optional<Path> dataDir() {
        String dir = System.getProperty("jgrad.data");
        return dir != null && Files.isDirectory(Path.of(dir, "mnist")) ? Optional.of(Path.of(dir)) : Optional.empty();
    }
}
