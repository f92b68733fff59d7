package dev.jgrad.cli;

import dev.jgrad.io.AtomicFiles;
import dev.jgrad.io.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-epoch log of --metrics: CSV for a .csv file, JSON lines for .jsonl/.ndjson/.json.
 * The whole file is rewritten atomically after every epoch, so it is always complete.
 */
final class MetricsFile {
    static final List<String> COLUMNS = List.of(
            "epoch", "train_loss", "train_acc", "val_loss", "val_acc", "lr", "seconds", "samples_per_s");

    private final Path file;
    private final boolean csv;
    private final List<EpochMetrics> rows = new ArrayList<>();

    private MetricsFile(Path file, boolean csv) {
        this.file = file;
        this.csv = csv;
    }

    static MetricsFile create(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".jsonl") && !name.endsWith(".ndjson") && !name.endsWith(".json"))
            throw new BadInputException("--metrics " + file + ": unknown format; name the file *.csv or *.jsonl");
        OutputPaths.checkWritable(file, "--metrics");
        return new MetricsFile(file, csv);
    }

    void add(EpochMetrics m) throws IOException {
        rows.add(m);
        StringBuilder sb = new StringBuilder();
        if (csv) sb.append(String.join(",", COLUMNS)).append('\n');
        for (EpochMetrics r : rows) sb.append(csv ? csvLine(r) : Json.write(json(r))).append('\n');
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Full precision (shortest round-trip text), so two runs can be compared exactly. */
    private static String csvLine(EpochMetrics m) {
        return String.join(",", Integer.toString(m.epoch()), Double.toString(m.trainLoss()), Double.toString(m.trainAccuracy()),
                m.hasValidation() ? Double.toString(m.valLoss()) : "", m.hasValidation() ? Double.toString(m.valAccuracy()) : "",
                Double.toString(m.learningRate()), Double.toString(m.seconds()), Double.toString(m.samplesPerSecond()));
    }

    private static Map<String, Object> json(EpochMetrics m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", m.epoch());
        row.put("train_loss", m.trainLoss());
        row.put("train_acc", m.trainAccuracy());
        row.put("val_loss", m.hasValidation() ? m.valLoss() : null);
        row.put("val_acc", m.hasValidation() ? m.valAccuracy() : null);
        row.put("lr", m.learningRate());
        row.put("seconds", m.seconds());
        row.put("samples_per_s", m.samplesPerSecond());
        return row;
    }
}
