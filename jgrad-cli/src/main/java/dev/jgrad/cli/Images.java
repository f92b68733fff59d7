package dev.jgrad.cli;

import dev.jgrad.io.FileFormatException;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Turns a picture into the input of an image classifier: resized to the model's input (area
 * averaging, so a large drawing becomes a smooth small one), gray or RGB as the model expects,
 * transparent parts taken as white paper, and scaled to the training data's pixel range.
 */
final class Images {
    private Images() {}

    /** The raw (unnormalized) features of one image, laid out [C, H, W] like the training samples. */
    static float[] read(Path file, Checkpoint ck, String invert) throws IOException {
        if (ck.pixelMax() <= 0)
            throw new BadInputException(file + ": the model was trained on " + ck.data() + ", not on images; give it CSV rows");
        int[] shape = ck.inputShape();
        if (shape.length != 3 || (shape[0] != 1 && shape[0] != 3))
            throw new BadInputException(file + ": the model takes samples of shape " + Arrays.toString(shape) + ", not images");
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) throw new FileFormatException(file, "not an image format this Java runtime can read (PNG, JPEG, GIF, BMP)");
        int channels = shape[0], height = shape[1], width = shape[2];
        BufferedImage small = resize(image, width, height);
        float[] out = new float[channels * height * width];
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = small.getRGB(x, y);
                float r = (rgb >> 16 & 0xff) / 255f, g = (rgb >> 8 & 0xff) / 255f, b = (rgb & 0xff) / 255f;
                int at = y * width + x;
                if (channels == 1) out[at] = 0.299f * r + 0.587f * g + 0.114f * b;
                else {
                    out[at] = r;
                    out[plane + at] = g;
                    out[2 * plane + at] = b;
                }
            }
        }
        if (channels == 1 && shouldInvert(out, invert)) for (int i = 0; i < out.length; i++) out[i] = 1 - out[i];
        for (int i = 0; i < out.length; i++) out[i] *= (float) ck.pixelMax();
        return out;
    }

    /** The training digits are light strokes on black; a mostly light picture is dark ink on paper. */
    private static boolean shouldInvert(float[] gray, String invert) {
        if (!invert.equals("auto")) return invert.equals("yes");
        double sum = 0;
        for (float v : gray) sum += v;
        return sum / gray.length > 0.5;
    }

    /** Flattened onto white (for transparency) and scaled with area averaging. */
    private static BufferedImage resize(BufferedImage image, int width, int height) {
        Image scaled = image.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(scaled, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
