package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.io.Json;
import dev.jgrad.io.SafeTensors;
import dev.jgrad.io.SafeTensorsFile;
import dev.jgrad.io.TensorData;
import dev.jgrad.nn.Models;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.tensor.Storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained classifier in a safetensors file: the model's state dict under PyTorch's names
 * ({@code 0.weight}, {@code 0.bias}, ...) and, in {@code __metadata__}, what it takes to use it
 * again: the architecture, the dataset, the input shape, the class names, the normalization and
 * the training settings. The optimizer state lives next to it in {@code NAME.optim.safetensors}
 * (see {@link #optimizerFile}), so the model file stays loadable by any safetensors reader as a
 * plain state dict.
 */
record Checkpoint(Module model, String architecture, DataSpec data, int[] inputShape, List<String> classes,
                  Normalization normalization, double pixelMax, int epoch, TrainConfig config) {

    static final String FORMAT = "jgrad.classifier.v1";
    static final String OPTIMIZER_FORMAT = "jgrad.optimizer.v1";

    /** Where the optimizer state of a checkpoint goes: model.safetensors -> model.optim.safetensors. */
    static Path optimizerFile(Path checkpoint) {
        String name = checkpoint.getFileName().toString();
        String stem = name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
        return checkpoint.resolveSibling(stem + ".optim.safetensors");
    }

    /** Writes the optimizer state (first) and then the model, each atomically. */
    void save(Path file, Optimizer optimizer) throws IOException {
        if (optimizer != null) {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("format", OPTIMIZER_FORMAT);
            meta.put("optimizer", config.optimizer().label());
            meta.put("epoch", Integer.toString(epoch));
            SafeTensors.write(optimizerFile(file), toData(optimizer.stateDict()), meta);
        }
        SafeTensors.write(file, toData(model.stateDict()), metadata());
    }

    private Map<String, String> metadata() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("jgrad_version", Version.get());
        meta.put("model", architecture);
        meta.put("data", data.toString());
        meta.put("input_shape", Json.write(ints(inputShape)));
        meta.put("classes", Json.write(classes));
        meta.put("normalization", normalization.toJson());
        if (pixelMax > 0) meta.put("pixel_max", Double.toString(pixelMax));
        meta.put("epoch", Integer.toString(epoch));
        meta.put("train", config.toJson());
        return meta;
    }

    /** Reads a checkpoint and rebuilds its model; every problem names the file. */
    static Checkpoint load(Path file) throws IOException {
        SafeTensorsFile content = SafeTensors.read(file);
        Map<String, String> meta = content.metadata();
        if (!FORMAT.equals(meta.get("format")))
            throw new BadInputException(file + ": not a jgrad classifier checkpoint (its __metadata__ has format "
                    + (meta.containsKey("format") ? "'" + meta.get("format") + "'" : "missing") + ", expected '" + FORMAT + "')");
        try {
            String architecture = required(meta, "model");
            Module model = Models.fromDescription(architecture);
            model.loadStateDict(toTensors(content.tensors()));
            model.eval();
            Normalization normalization = Normalization.fromJson(required(meta, "normalization"));
            double pixelMax = meta.containsKey("pixel_max") ? Double.parseDouble(meta.get("pixel_max")) : 0;
            return new Checkpoint(model, architecture, DataSpec.parse(required(meta, "data")),
                    intArray(Json.parse(required(meta, "input_shape"))), strings(Json.parse(required(meta, "classes"))),
                    normalization, pixelMax, Integer.parseInt(required(meta, "epoch")),
                    TrainConfig.fromJson(required(meta, "train")));
        } catch (IllegalArgumentException e) { // includes NumberFormatException and the model's own checks
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** Restores the optimizer state saved with this checkpoint. */
    void loadOptimizer(Path file, Optimizer optimizer) throws IOException {
        Path optFile = optimizerFile(file);
        if (!Files.exists(optFile))
            throw new BadInputException("--resume " + file + ": the optimizer state " + optFile
                    + " is missing (jgrad train --save writes both files)");
        SafeTensorsFile content = SafeTensors.read(optFile);
        Map<String, String> meta = content.metadata();
        if (!OPTIMIZER_FORMAT.equals(meta.get("format")))
            throw new BadInputException(optFile + ": not a jgrad optimizer state (format " + meta.get("format") + ")");
        if (!config.optimizer().label().equals(meta.get("optimizer")) || !Integer.toString(epoch).equals(meta.get("epoch")))
            throw new BadInputException(optFile + ": holds " + meta.get("optimizer") + " state after epoch " + meta.get("epoch")
                    + ", but " + file + " is " + config.optimizer().label() + " after epoch " + epoch + " (files from different runs?)");
        try {
            optimizer.loadStateDict(toTensors(content.tensors()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(optFile + ": " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) throw new IllegalArgumentException("'" + key + "' is missing from __metadata__");
        return v;
    }

    // ---------------------------------------------------------------- tensors <-> file payloads

    static Map<String, TensorData> toData(Map<String, Tensor> tensors) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> out.put(name, switch (t.dtype()) {
            case FLOAT32 -> TensorData.ofFloats(t.toFloatArray(), t.shape());
            case FLOAT64 -> TensorData.ofDoubles(t.toDoubleArray(), t.shape());
            case INT64 -> TensorData.ofLongs(t.toLongArray(), t.shape());
        }));
        return out;
    }

    static Map<String, Tensor> toTensors(Map<String, TensorData> data) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        data.forEach((name, d) -> {
            Storage storage = d instanceof TensorData.Doubles ? Storage.of(d.toDoubleArray())
                    : d.dtype().isFloatingPoint() ? Storage.of(d.toFloatArray())
                    : Storage.of(d.toLongArray());
            out.put(name, Tensor.contiguous(storage, d.shape()));
        });
        return out;
    }

    private static List<Object> ints(int[] values) {
        List<Object> out = new ArrayList<>();
        for (int v : values) out.add(v);
        return out;
    }

    private static int[] intArray(Object json) {
        if (!(json instanceof List<?> list) || list.isEmpty()) throw new IllegalArgumentException("'input_shape' is not a list of sizes");
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long n) || n <= 0 || n > Integer.MAX_VALUE)
                throw new IllegalArgumentException("'input_shape' holds " + list.get(i) + ", not a positive size");
            out[i] = n.intValue();
        }
        return out;
    }

    private static List<String> strings(Object json) {
        if (!(json instanceof List<?> list) || list.isEmpty()) throw new IllegalArgumentException("'classes' is not a list of names");
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) throw new IllegalArgumentException("'classes' holds " + o + ", not a name");
            out.add(s);
        }
        return out;
    }

    int featureSize() {
        int n = 1;
        for (int d : inputShape) n *= d;
        return n;
    }
}
