package dev.jgrad.data;

import dev.jgrad.io.FileFormatException;
import dev.jgrad.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads image/label pairs in the IDX format of MNIST and Fashion-MNIST, raw or gzipped (detected
 * by content). Pixels are scaled from 0..255 to [0, 1]; samples have shape
 * {@code [1, rows, cols]} (channels first, like CIFAR).
 *
 * <p>Every header value is checked against the data actually present before anything large is
 * allocated, so a corrupt or hostile header gives a message, not an OutOfMemoryError.
 */
public final class IdxReader {

    /** Magic number of unsigned-byte image files: type 0x08, 3 dimensions (count, rows, cols). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of unsigned-byte label files: type 0x08, 1 dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final float[] PIXEL_SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            PIXEL_SCALE[i] = i / 255f;
        }
    }

    private IdxReader() {
    }

    /** All samples of an images file and its labels file. */
    public static LabeledSamples read(Path images, Path labels, List<String> classNames) throws IOException {
        return read(images, labels, classNames, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} samples (all if there are fewer). For gzipped files only the
     * needed prefix is decompressed, so small subsets are cheap.
     */
    public static LabeledSamples read(Path images, Path labels, List<String> classNames, int limit) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("negative sample limit " + limit);
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames must not be empty");
        }
        Idx imageData = readIdx(images, IMAGES_MAGIC, limit);
        Idx labelData = readIdx(labels, LABELS_MAGIC, limit);
        if (imageData.declaredCount() != labelData.declaredCount()) {
            throw new FileFormatException(labels, "declares " + labelData.declaredCount() + " labels but " + images
                    + " declares " + imageData.declaredCount() + " images");
        }
        byte[] pixels = imageData.data();
        float[] features = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = PIXEL_SCALE[pixels[i] & 0xff];
        }
        byte[] rawLabels = labelData.data();
        int[] labelValues = new int[rawLabels.length];
        for (int i = 0; i < rawLabels.length; i++) {
            int label = rawLabels[i] & 0xff;
            if (label >= classNames.size()) {
                throw new FileFormatException(labels, "label " + label + " at index " + i + " is out of range 0.."
                        + (classNames.size() - 1));
            }
            labelValues[i] = label;
        }
        int[] dims = imageData.itemDims();
        return new LabeledSamples(features, labelValues, new int[] {1, dims[0], dims[1]}, classNames);
    }

    /** The declared item count, the per-item dimensions and the bytes of the first items read. */
    private record Idx(int declaredCount, int[] itemDims, byte[] data) {
    }

    private static Idx readIdx(Path file, int expectedMagic, int limit) throws IOException {
        int dimensions = expectedMagic & 0xff;
        int headerBytes = 4 * (1 + dimensions);
        boolean gzip = InputFiles.isGzip(file);
        try (InputStream in = InputFiles.open(file)) {
            byte[] headerData = in.readNBytes(headerBytes);
            if (headerData.length < 4) {
                throw new FileFormatException(file, "only " + headerData.length + " bytes; an IDX file starts with a 4-byte magic number");
            }
            ByteBuffer header = ByteBuffer.wrap(headerData); // IDX is big-endian, the ByteBuffer default
            int magic = header.getInt();
            if (magic != expectedMagic) {
                throw new FileFormatException(file, String.format("bad magic number 0x%08X, expected 0x%08X (%s)%s",
                        magic, expectedMagic, describeMagic(expectedMagic), magicHint(magic)));
            }
            if (headerData.length < headerBytes) {
                throw new FileFormatException(file, "truncated IDX header: " + headerData.length + " of " + headerBytes + " bytes");
            }
            int count = header.getInt();
            if (count < 0) {
                throw new FileFormatException(file, "negative item count " + count + " in the header");
            }
            int[] itemDims = new int[dimensions - 1];
            long itemSize = 1;
            for (int d = 0; d < itemDims.length; d++) {
                itemDims[d] = header.getInt();
                if (itemDims[d] <= 0) {
                    throw new FileFormatException(file, "dimension " + (d + 2) + " in the header is " + itemDims[d] + ", not positive");
                }
                itemSize *= itemDims[d]; // at most two dims < 2^31: no overflow
            }
            String what = itemDims.length == 0
                    ? count + " labels"
                    : count + " images of " + itemDims[0] + "x" + itemDims[1];
            long declaredBytes;
            try {
                declaredBytes = Math.multiplyExact(count, itemSize);
            } catch (ArithmeticException e) {
                throw new FileFormatException(file, "header declares " + what + ", more bytes than any file can hold");
            }
            if (!gzip) {
                long present = Files.size(file) - headerBytes;
                if (present != declaredBytes) {
                    throw new FileFormatException(file, "header declares " + what + " = " + declaredBytes + " bytes, but "
                            + present + " bytes follow the " + headerBytes + "-byte header"
                            + (present < declaredBytes ? " (truncated file?)" : " (unexpected trailing data)"));
                }
            }
            int items = Math.min(count, limit);
            long wanted = items * itemSize;
            if (wanted > MAX_ARRAY) {
                throw new FileFormatException(file, "header declares " + what + "; " + items + " of them need " + wanted
                        + " bytes, more than one array can hold (read fewer with a limit)");
            }
            // Allocate no more than the file can really deliver: a false count in a small
            // gzipped file must not make us allocate the declared size up front.
            int capacity = (int) Math.min(wanted, InputFiles.contentSizeBound(file));
            byte[] data = InputFiles.readUpTo(in, (int) wanted, capacity);
            if (data.length < wanted) {
                throw new FileFormatException(file, "header declares " + what + " = " + declaredBytes
                        + " bytes after the header, but the data ends after " + data.length + " bytes (truncated file?)");
            }
            if (gzip && items == count && in.read() != -1) {
                throw new FileFormatException(file, "unexpected data after the " + what + " declared in the header");
            }
            return new Idx(count, itemDims, data);
        }
    }

    private static String describeMagic(int magic) {
        return magic == IMAGES_MAGIC ? "IDX unsigned-byte images, 3 dimensions" : "IDX unsigned-byte labels, 1 dimension";
    }

    private static String magicHint(int found) {
        if (found == IMAGES_MAGIC) {
            return "; this is an images file";
        } else if (found == LABELS_MAGIC) {
            return "; this is a labels file";
        } else if ((found >>> 16) != 0) {
            return "; not an IDX file";
        }
        return "";
    }
}
