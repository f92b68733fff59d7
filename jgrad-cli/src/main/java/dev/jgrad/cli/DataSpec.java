package dev.jgrad.cli;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A dataset named on the command line: {@code digits} (bundled), {@code mnist},
 * {@code fashion-mnist}, {@code cifar10} (under the data directory) or {@code csv:PATH}.
 */
record DataSpec(Kind kind, Path csv) {
    enum Kind {
        DIGITS("digits"), MNIST("mnist"), FASHION_MNIST("fashion-mnist"), CIFAR10("cifar10"), CSV("csv");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static DataSpec parse(String text) {
        String s = text.strip();
        if (s.regionMatches(true, 0, "csv:", 0, 4)) {
            if (s.length() == 4) throw new BadInputException("--data csv:PATH: the path is missing");
            return new DataSpec(Kind.CSV, Path.of(s.substring(4)));
        }
        for (Kind k : Kind.values())
            if (k != Kind.CSV && k.label.equals(s.toLowerCase(Locale.ROOT))) return new DataSpec(k, null);
        throw new BadInputException("--data: unknown dataset '" + text
                + "'; expected digits, mnist, fashion-mnist, cifar10 or csv:PATH");
    }

    /** Images with a known pixel range, which PNG inputs can be converted to. */
    boolean isImages() {
        return kind != Kind.CSV;
    }

    /** The data directory is only needed for the datasets that are not bundled or given by path. */
    boolean needsDataDirectory() {
        return kind == Kind.MNIST || kind == Kind.FASHION_MNIST || kind == Kind.CIFAR10;
    }

    /** The text that {@link #parse} reads back; a CSV path is made absolute so checkpoints work from anywhere. */
    @Override
    public String toString() {
        return kind == Kind.CSV ? "csv:" + csv.toAbsolutePath().normalize() : kind.label;
    }
}
