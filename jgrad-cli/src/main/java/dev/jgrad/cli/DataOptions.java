package dev.jgrad.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --data and --data-dir, shared by the commands that read datasets. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DATASET",
            description = "digits (bundled, the default for train), mnist, fashion-mnist, cifar10 or csv:PATH "
                    + "(numeric CSV, label in the last column).")
    String data;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where mnist/, fashion-mnist/ and cifar10/ are (default: $JGRAD_DATA, else ../shared/data next to the project).")
    Path dataDir;

    /** The dataset given, else the fallback (the dataset of a checkpoint, or digits). */
    DataSpec spec(String fallback) {
        return DataSpec.parse(data != null ? data : fallback);
    }
}
