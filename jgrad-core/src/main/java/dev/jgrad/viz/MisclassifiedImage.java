package dev.jgrad.viz;

import java.util.Arrays;
import java.util.Objects;

/**
 * A grayscale test image the model got wrong, with what it is and what the model said.
 * Pixels are row-major intensities in [0, 1] (0 = black); values slightly outside, as left by
 * normalisation, are clamped when drawn.
 */
public final class MisclassifiedImage {

    private final float[] pixels;
    private final int width;
    private final int height;
    private final String trueLabel;
    private final String predictedLabel;

    public MisclassifiedImage(float[] pixels, int width, int height, String trueLabel, String predictedLabel) {
        Objects.requireNonNull(pixels, "MisclassifiedImage: pixels is null");
        this.trueLabel = Objects.requireNonNull(trueLabel, "MisclassifiedImage: trueLabel is null");
        this.predictedLabel = Objects.requireNonNull(predictedLabel, "MisclassifiedImage: predictedLabel is null");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("MisclassifiedImage (" + trueLabel + "): size must be positive, got "
                    + width + "x" + height);
        }
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("MisclassifiedImage (" + trueLabel + "): " + width + "x" + height
                    + " needs " + (long) width * height + " pixels, got " + pixels.length);
        }
        for (var i = 0; i < pixels.length; i++) {
            if (!Float.isFinite(pixels[i])) {
                throw new IllegalArgumentException("MisclassifiedImage (" + trueLabel + "): pixel " + i + " is " + pixels[i]);
            }
        }
        this.pixels = pixels.clone();
        this.width = width;
        this.height = height;
    }

    /** A copy of the pixels. */
    public float[] pixels() {
        return pixels.clone();
    }

    public float pixel(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("MisclassifiedImage.pixel: (" + x + ", " + y + ") outside "
                    + width + "x" + height);
        }
        return pixels[y * width + x];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public String trueLabel() {
        return trueLabel;
    }

    public String predictedLabel() {
        return predictedLabel;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MisclassifiedImage other && width == other.width && height == other.height
                && trueLabel.equals(other.trueLabel) && predictedLabel.equals(other.predictedLabel)
                && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, trueLabel, predictedLabel, Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "MisclassifiedImage[" + width + "x" + height + ", true " + trueLabel + ", predicted " + predictedLabel + "]";
    }
}
