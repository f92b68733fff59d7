package dev.jgrad.cli;

import dev.jgrad.io.Json;
import dev.jgrad.optim.LearningRateSchedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that determines a training run, stored in checkpoints so that --resume continues
 * with the same settings (and so bit for bit the same batches and updates).
 *
 * @param epochs the total number of epochs, counting those before a resume
 * @param limit  the number of training samples used, 0 for all
 */
record TrainConfig(String data, String model, String activation, OptimizerKind optimizer, double lr, int epochs,
                   int batchSize, double weightDecay, long seed, double valSplit, int limit, String schedule) {

    TrainConfig {
        if (!(lr > 0) || Double.isInfinite(lr)) throw new BadInputException("--lr: must be a positive number, got " + lr);
        if (epochs < 1) throw new BadInputException("--epochs: must be at least 1, got " + epochs);
        if (batchSize < 1) throw new BadInputException("--batch-size: must be at least 1, got " + batchSize);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay))
            throw new BadInputException("--weight-decay: must be a number >= 0, got " + weightDecay);
        if (!(valSplit >= 0 && valSplit < 1)) throw new BadInputException("--val-split: must be in [0, 1), got " + valSplit);
        if (limit < 0) throw new BadInputException("--limit: must be >= 0, got " + limit);
        if (!schedule.equals("constant") && !schedule.equals("cosine"))
            throw new BadInputException("--schedule: unknown schedule '" + schedule + "'; expected constant or cosine");
    }

    /** The learning rate per epoch (counted from 0). */
    LearningRateSchedule learningRateSchedule() {
        return schedule.equals("cosine") ? LearningRateSchedule.cosine(epochs, 0) : LearningRateSchedule.constant();
    }

    TrainConfig withEpochs(int total) {
        return new TrainConfig(data, model, activation, optimizer, lr, total, batchSize, weightDecay, seed, valSplit, limit, schedule);
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", data);
        json.put("model", model);
        json.put("activation", activation);
        json.put("optimizer", optimizer.label());
        json.put("lr", lr);
        json.put("epochs", epochs);
        json.put("batch_size", batchSize);
        json.put("weight_decay", weightDecay);
        json.put("seed", seed);
        json.put("val_split", valSplit);
        json.put("limit", limit);
        json.put("schedule", schedule);
        return Json.write(json);
    }

    static TrainConfig fromJson(String text) {
        if (!(Json.parse(text) instanceof Map<?, ?> json)) throw new IllegalArgumentException("training settings are not a JSON object");
        return new TrainConfig(string(json, "data"), string(json, "model"), string(json, "activation"),
                OptimizerKind.parse(string(json, "optimizer")), number(json, "lr").doubleValue(),
                number(json, "epochs").intValue(), number(json, "batch_size").intValue(),
                number(json, "weight_decay").doubleValue(), number(json, "seed").longValue(),
                number(json, "val_split").doubleValue(), number(json, "limit").intValue(), string(json, "schedule"));
    }

    private static String string(Map<?, ?> json, String key) {
        if (!(json.get(key) instanceof String s)) throw new IllegalArgumentException("training settings: '" + key + "' is not a string");
        return s;
    }

    private static Number number(Map<?, ?> json, String key) {
        if (!(json.get(key) instanceof Number n)) throw new IllegalArgumentException("training settings: '" + key + "' is not a number");
        return n;
    }
}
