package dev.jgrad.viz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything a {@link TrainingReport} shows about one training run. Only the title is required;
 * missing parts are left out of the report or marked as not recorded.
 *
 * @param title          report heading, e.g. "MNIST MLP 784-256-10"
 * @param config         run configuration in display order (optimizer, lr, batch size, seed, ...)
 * @param modelSummary   preformatted model description (layers, parameter counts)
 * @param epochs         per-epoch measurements, epoch numbers strictly increasing
 * @param confusion      test-set confusion matrix
 * @param misclassified  some wrongly classified test images
 * @param testAccuracy   final test accuracy in [0, 1]; defaults to the confusion matrix's accuracy
 * @param graph          a computation graph to draw (e.g. one training step, collapsed by module)
 */
public record RunRecord(String title, Map<String, String> config, String modelSummary, List<EpochStats> epochs,
                        Optional<ConfusionMatrix> confusion, List<MisclassifiedImage> misclassified,
                        OptionalDouble testAccuracy, Optional<GraphModel> graph) {

    public RunRecord {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("RunRecord: title must not be blank");
        }
        Objects.requireNonNull(config, "RunRecord: config is null");
        var copy = new LinkedHashMap<String, String>();
        config.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "RunRecord: null config key"),
                Objects.requireNonNull(v, () -> "RunRecord: config value for '" + k + "' is null")));
        config = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(modelSummary, "RunRecord: modelSummary is null (use \"\")");
        epochs = List.copyOf(Objects.requireNonNull(epochs, "RunRecord: epochs is null"));
        for (var i = 1; i < epochs.size(); i++) {
            if (epochs.get(i).epoch() <= epochs.get(i - 1).epoch()) {
                throw new IllegalArgumentException("RunRecord: epoch numbers must increase, got " + epochs.get(i - 1).epoch()
                        + " then " + epochs.get(i).epoch());
            }
        }
        Objects.requireNonNull(confusion, "RunRecord: confusion is null (use Optional.empty())");
        misclassified = List.copyOf(Objects.requireNonNull(misclassified, "RunRecord: misclassified is null"));
        Objects.requireNonNull(testAccuracy, "RunRecord: testAccuracy is null (use OptionalDouble.empty())");
        if (testAccuracy.isPresent() && !(testAccuracy.getAsDouble() >= 0 && testAccuracy.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("RunRecord: test accuracy must be in [0, 1], got " + testAccuracy.getAsDouble());
        }
        Objects.requireNonNull(graph, "RunRecord: graph is null (use Optional.empty())");
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** The given test accuracy, else the confusion matrix's (when it has samples). */
    public OptionalDouble finalTestAccuracy() {
        if (testAccuracy.isPresent()) {
            return testAccuracy;
        }
        return confusion.filter(c -> c.total() > 0).map(c -> OptionalDouble.of(c.accuracy())).orElse(OptionalDouble.empty());
    }

    /** True when at least one epoch has validation values. */
    public boolean hasValidation() {
        return epochs.stream().anyMatch(e -> e.validationLoss().isPresent() || e.validationAccuracy().isPresent());
    }

    public static final class Builder {
        private final String title;
        private final Map<String, String> config = new LinkedHashMap<>();
        private String modelSummary = "";
        private final List<EpochStats> epochs = new ArrayList<>();
        private ConfusionMatrix confusion;
        private final List<MisclassifiedImage> misclassified = new ArrayList<>();
        private OptionalDouble testAccuracy = OptionalDouble.empty();
        private GraphModel graph;

        private Builder(String title) {
            this.title = title;
        }

        /** Adds a configuration entry; the value is printed with {@code String.valueOf}. */
        public Builder config(String key, Object value) {
            config.put(key, String.valueOf(value));
            return this;
        }

        public Builder modelSummary(String summary) {
            this.modelSummary = summary;
            return this;
        }

        public Builder epoch(EpochStats stats) {
            epochs.add(Objects.requireNonNull(stats, "RunRecord.Builder.epoch: stats is null"));
            return this;
        }

        public Builder confusion(ConfusionMatrix matrix) {
            this.confusion = matrix;
            return this;
        }

        public Builder misclassified(MisclassifiedImage image) {
            misclassified.add(Objects.requireNonNull(image, "RunRecord.Builder.misclassified: image is null"));
            return this;
        }

        public Builder testAccuracy(double accuracy) {
            this.testAccuracy = OptionalDouble.of(accuracy);
            return this;
        }

        public Builder graph(GraphModel model) {
            this.graph = model;
            return this;
        }

        public RunRecord build() {
            return new RunRecord(title, config, modelSummary, epochs, Optional.ofNullable(confusion), misclassified,
                    testAccuracy, Optional.ofNullable(graph));
        }
    }
}
