package dev.jgrad.cli;

import dev.jgrad.data.LabeledSamples;
import dev.jgrad.data.Standardizer;
import dev.jgrad.io.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standardization fitted on the training data and stored with the model, so that evaluation and
 * prediction scale inputs exactly like training did. Images get one mean and standard deviation
 * per channel (per-pixel statistics would blow up the rarely inked border pixels); tabular data
 * gets them per feature.
 *
 * @param perChannel true: {@code mean[c]} covers channel c of a [C, H, W] (or [F]) sample
 */
record Normalization(boolean perChannel, float[] mean, float[] std) {

    static Normalization fit(LabeledSamples train, boolean images) {
        if (!images) {
            Standardizer s = Standardizer.fit(train);
            return new Normalization(false, s.mean(), s.std());
        }
        int channels = channels(train.sampleShape());
        int plane = train.featureSize() / channels;
        double[] sum = new double[channels], squares = new double[channels];
        float[] x = train.features();
        for (int i = 0; i < x.length; i++) sum[(i / plane) % channels] += x[i];
        double count = (double) train.count() * plane;
        float[] mean = new float[channels], std = new float[channels];
        for (int c = 0; c < channels; c++) mean[c] = (float) (sum[c] / count);
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean[(i / plane) % channels];
            squares[(i / plane) % channels] += d * d;
        }
        for (int c = 0; c < channels; c++) std[c] = (float) Math.sqrt(squares[c] / count);
        return new Normalization(true, mean, std);
    }

    private static int channels(int[] sampleShape) {
        return sampleShape.length == 3 ? sampleShape[0] : 1;
    }

    /** A standardized copy of the samples. */
    LabeledSamples apply(LabeledSamples samples) {
        return samples.withFeatures(apply(samples.features(), samples.sampleShape()));
    }

    /** Standardized copies of row-major samples of the given shape. */
    float[] apply(float[] features, int[] sampleShape) {
        return standardizer(sampleShape).apply(features);
    }

    private Standardizer standardizer(int[] sampleShape) {
        int size = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
        if (!perChannel) {
            if (mean.length != size)
                throw new BadInputException("normalization has " + mean.length + " features, the samples have " + size);
            return Standardizer.of(mean, std);
        }
        int channels = channels(sampleShape);
        if (channels != mean.length)
            throw new BadInputException("normalization has " + mean.length + " channels, the samples have " + channels);
        int plane = size / channels;
        float[] m = new float[size], s = new float[size];
        for (int j = 0; j < size; j++) {
            m[j] = mean[j / plane];
            s[j] = std[j / plane];
        }
        return Standardizer.of(m, s);
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("per", perChannel ? "channel" : "feature");
        json.put("mean", floats(mean));
        json.put("std", floats(std));
        return Json.write(json);
    }

    static Normalization fromJson(String text) {
        if (!(Json.parse(text) instanceof Map<?, ?> json))
            throw new IllegalArgumentException("normalization is not a JSON object");
        Object per = json.get("per");
        if (!"channel".equals(per) && !"feature".equals(per))
            throw new IllegalArgumentException("normalization: 'per' must be \"channel\" or \"feature\", got " + per);
        float[] mean = floats(json.get("mean"), "mean"), std = floats(json.get("std"), "std");
        if (mean.length != std.length || mean.length == 0)
            throw new IllegalArgumentException("normalization: " + mean.length + " means but " + std.length + " standard deviations");
        return new Normalization("channel".equals(per), mean, std);
    }

    private static List<Float> floats(float[] values) {
        List<Float> out = new ArrayList<>(values.length);
        for (float v : values) out.add(v);
        return out;
    }

    private static float[] floats(Object json, String name) {
        if (!(json instanceof List<?> list)) throw new IllegalArgumentException("normalization: '" + name + "' is not a list");
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) throw new IllegalArgumentException("normalization: '" + name + "' holds a non-number");
            out[i] = n.floatValue();
        }
        return out;
    }
}
