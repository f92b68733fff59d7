package dev.jgrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length N, N bytes of
 * UTF-8 JSON ({@code {"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]},
 * ..., "__metadata__": {"key": "value"}}}), then the little-endian, row-major data of all
 * tensors; offsets are relative to the start of that data.
 *
 * <p>Reading trusts nothing in the file: every size is checked against the real file size before
 * anything is allocated, and every problem is reported as a {@link FileFormatException} naming
 * the file and, where it applies, the tensor.
 */
public final class SafeTensors {

    /** Headers larger than this are rejected (the reference implementation's limit). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final String METADATA_KEY = "__metadata__";
    private static final Json.Limits HEADER_LIMITS = new Json.Limits(64, (int) MAX_HEADER_BYTES);

    /**
     * The reference writer's layout: dtypes in decreasing alignment, then names in UTF-8 byte
     * order. With the header padded to a multiple of 8, every tensor starts aligned to its
     * element size.
     */
    private static final Comparator<Map.Entry<String, ? extends TensorData>> LAYOUT_ORDER =
            Comparator.<Map.Entry<String, ? extends TensorData>, SafeDType>comparing(e -> e.getValue().dtype()).reversed()
                    .thenComparing((a, b) -> Arrays.compareUnsigned(
                            a.getKey().getBytes(StandardCharsets.UTF_8), b.getKey().getBytes(StandardCharsets.UTF_8)));

    private SafeTensors() {
    }

    /** {@link #write(Path, Map, Map)} without metadata. */
    public static void write(Path file, Map<String, ? extends TensorData> tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    /**
     * Writes {@code tensors} and {@code metadata} to {@code file} atomically (the old file, if
     * any, stays intact if writing fails). Tensors are laid out contiguously by decreasing
     * element size, then by name; metadata entries are written sorted by key, after
     * {@code "__metadata__"} as the first header entry (omitted when empty). The header is
     * padded with spaces to a multiple of 8 bytes.
     *
     * @throws IllegalArgumentException for a tensor named {@code __metadata__}, null names or
     *                                  values, or strings that cannot be encoded (unpaired surrogates)
     */
    public static void write(Path file, Map<String, ? extends TensorData> tensors, Map<String, String> metadata)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(metadata, "metadata");
        List<Map.Entry<String, ? extends TensorData>> entries = new ArrayList<>(tensors.size());
        for (Map.Entry<String, ? extends TensorData> e : tensors.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("cannot write " + file + ": null tensor name or data");
            }
            if (e.getKey().equals(METADATA_KEY)) {
                throw new IllegalArgumentException("cannot write " + file + ": '" + METADATA_KEY
                        + "' is reserved and cannot name a tensor");
            }
            entries.add(e);
        }
        entries.sort(LAYOUT_ORDER);
        byte[] header = headerBytes(entries, metadata, file);

        AtomicFiles.write(file, out -> {
            out.write(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (var e : entries) {
                TensorCodec.write(e.getValue(), out);
            }
        });
    }

    private static byte[] headerBytes(List<Map.Entry<String, ? extends TensorData>> entries,
                                      Map<String, String> metadata, Path file) {
        var header = new LinkedHashMap<String, Object>();
        if (!metadata.isEmpty()) {
            var sorted = new TreeMap<String, String>();
            metadata.forEach((k, v) -> {
                if (k == null || v == null) {
                    throw new IllegalArgumentException("cannot write " + file + ": null metadata key or value");
                }
                sorted.put(k, v);
            });
            header.put(METADATA_KEY, sorted);
        }
        long offset = 0;
        for (var e : entries) {
            TensorData t = e.getValue();
            var info = new LinkedHashMap<String, Object>();
            info.put("dtype", t.dtype().name());
            info.put("shape", Arrays.stream(t.shape()).boxed().toList());
            info.put("data_offsets", List.of(offset, offset + t.byteSize()));
            header.put(e.getKey(), info);
            offset += t.byteSize();
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) & ~7;
        if (padded > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("cannot write " + file + ": header of " + padded
                    + " bytes exceeds the safetensors limit of " + MAX_HEADER_BYTES);
        }
        byte[] bytes = Arrays.copyOf(json, padded);
        Arrays.fill(bytes, json.length, padded, (byte) ' ');
        return bytes;
    }

    /** One tensor as declared in the header. */
    private record Declared(String name, SafeDType dtype, int[] shape, int count, long begin, long end) {
    }

    /**
     * Reads every tensor of {@code file}, in header order, with the metadata.
     *
     * @throws FileFormatException if the file is not a valid safetensors file; the message says
     *                             what is wrong (sizes, offsets, JSON position, dtype, ...)
     */
    public static SafeTensorsFile read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize < Long.BYTES) {
                throw new FileFormatException(file, "file is " + fileSize
                        + " bytes, too short for the 8-byte header length of a safetensors file");
            }
            long headerLength = readBytes(channel, 0, Long.BYTES, file).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
                throw new FileFormatException(file, "declared header length " + Long.toUnsignedString(headerLength)
                        + " bytes exceeds the limit of " + MAX_HEADER_BYTES + " (not a safetensors file?)");
            }
            if (headerLength > fileSize - Long.BYTES) {
                throw new FileFormatException(file, "declared header length " + headerLength + " bytes exceeds the "
                        + (fileSize - Long.BYTES) + " bytes that follow it (truncated file?)");
            }
            byte[] header = readBytes(channel, Long.BYTES, (int) headerLength, file).array();
            if (header.length == 0 || header[0] != '{') {
                throw new FileFormatException(file, "header does not start with '{' (not a safetensors file?)");
            }
            Object json;
            try {
                json = Json.parseUtf8(header, HEADER_LIMITS);
            } catch (JsonException e) {
                throw new FileFormatException(file, "bad JSON header: " + e.getMessage(), e);
            }
            long dataStart = Long.BYTES + headerLength;
            long dataSize = fileSize - dataStart;
            var metadata = new LinkedHashMap<String, String>();
            var declared = new ArrayList<Declared>();
            for (var entry : ((Map<?, ?>) json).entrySet()) {
                String name = (String) entry.getKey();
                if (name.equals(METADATA_KEY)) {
                    parseMetadata(entry.getValue(), metadata, file);
                } else {
                    declared.add(parseTensor(name, entry.getValue(), dataSize, file));
                }
            }
            checkLayout(declared, dataSize, file);

            var tensors = new LinkedHashMap<String, TensorData>();
            for (Declared d : declared) {
                try {
                    tensors.put(d.name(), TensorCodec.read(channel, dataStart + d.begin(), d.dtype(), d.shape(), d.count(),
                            file, d.name()));
                } catch (IllegalArgumentException e) {
                    throw new FileFormatException(file, "tensor '" + d.name() + "': " + e.getMessage(), e);
                }
            }
            return new SafeTensorsFile(tensors, metadata);
        }
    }

    private static void parseMetadata(Object value, Map<String, String> out, Path file) throws FileFormatException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new FileFormatException(file, "'" + METADATA_KEY + "' must be an object of strings, found " + jsonType(value));
        }
        for (var e : map.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new FileFormatException(file, "'" + METADATA_KEY + "' entry '" + e.getKey()
                        + "' must be a string, found " + jsonType(e.getValue()));
            }
            out.put((String) e.getKey(), s);
        }
    }

    private static Declared parseTensor(String name, Object value, long dataSize, Path file) throws FileFormatException {
        String where = "tensor '" + name + "': ";
        if (!(value instanceof Map<?, ?> info)) {
            throw new FileFormatException(file, where + "expected an object with dtype, shape and data_offsets, found "
                    + jsonType(value));
        }
        for (Object key : info.keySet()) {
            if (!key.equals("dtype") && !key.equals("shape") && !key.equals("data_offsets")) {
                throw new FileFormatException(file, where + "unexpected field '" + key + "'");
            }
        }
        if (!(info.get("dtype") instanceof String dtypeName)) {
            throw new FileFormatException(file, where + "'dtype' must be a string, found " + field(info, "dtype"));
        }
        SafeDType dtype;
        try {
            dtype = SafeDType.fromHeaderName(dtypeName);
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(file, where + e.getMessage());
        }

        if (!(info.get("shape") instanceof List<?> dims)) {
            throw new FileFormatException(file, where + "'shape' must be an array, found " + field(info, "shape"));
        }
        String shapeText = Json.write(dims);
        int[] shape = new int[dims.size()];
        long count = 1;
        boolean overflow = false;
        for (int i = 0; i < shape.length; i++) {
            Object d = dims.get(i);
            if (!(d instanceof Long dim) || dim < 0) {
                throw new FileFormatException(file, where + "shape " + shapeText + " has " + render(d)
                        + ", not a non-negative integer");
            }
            if (dim > Integer.MAX_VALUE) {
                throw new FileFormatException(file, where + "dimension " + dim + " in shape " + shapeText
                        + " is larger than jgrad supports (" + Integer.MAX_VALUE + ")");
            }
            shape[i] = (int) (long) dim;
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        if (Arrays.stream(shape).anyMatch(d -> d == 0)) {
            count = 0;
            overflow = false;
        }
        if (overflow || count > Long.MAX_VALUE / 8) {
            throw new FileFormatException(file, where + "shape " + shapeText + " has more elements than can be counted (overflow)");
        }
        long bytes = count * dtype.byteSize();

        if (!(info.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2
                || !(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end)) {
            throw new FileFormatException(file, where + "'data_offsets' must be an array of two integers [begin, end], found "
                    + field(info, "data_offsets"));
        }
        if (begin < 0 || end < begin) {
            throw new FileFormatException(file, where + "data_offsets [" + begin + ", " + end
                    + "] must satisfy 0 <= begin <= end");
        }
        if (end > dataSize) {
            throw new FileFormatException(file, where + "data_offsets [" + begin + ", " + end
                    + "] reach past the end of the " + dataSize + "-byte data buffer (truncated file?)");
        }
        if (end - begin != bytes) {
            throw new FileFormatException(file, where + "data_offsets [" + begin + ", " + end + "] span " + (end - begin)
                    + " bytes, but shape " + shapeText + " of " + dtype + " needs " + count + " x " + dtype.byteSize()
                    + " = " + bytes + " bytes");
        }
        if (count > TensorData.MAX_ELEMENTS) {
            throw new FileFormatException(file, where + count + " elements are more than a Java array can hold");
        }
        return new Declared(name, dtype, shape, (int) count, begin, end);
    }

    /** The tensors must tile the data buffer exactly: no overlaps, no gaps, nothing left over. */
    private static void checkLayout(List<Declared> declared, long dataSize, Path file) throws FileFormatException {
        var sorted = new ArrayList<>(declared);
        sorted.sort(Comparator.comparingLong(Declared::begin).thenComparingLong(Declared::end));
        long covered = 0;
        Declared previous = null;
        for (Declared d : sorted) {
            if (d.begin() < covered) {
                throw new FileFormatException(file, "tensors '" + previous.name() + "' [" + previous.begin() + ", "
                        + previous.end() + "] and '" + d.name() + "' [" + d.begin() + ", " + d.end() + "] overlap");
            }
            if (d.begin() > covered) {
                throw new FileFormatException(file, "bytes [" + covered + ", " + d.begin()
                        + ") of the data buffer belong to no tensor (gap before '" + d.name() + "')");
            }
            covered = d.end();
            previous = d;
        }
        if (covered != dataSize) {
            throw new FileFormatException(file, "the data buffer has " + dataSize + " bytes but the tensors cover only "
                    + covered + " (trailing bytes belong to no tensor)");
        }
    }

    private static ByteBuffer readBytes(FileChannel channel, long position, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new FileFormatException(file, "unexpected end of file (truncated while reading?)");
            }
        }
        return buffer.flip();
    }

    private static String field(Map<?, ?> info, String key) {
        return info.containsKey(key) ? render(info.get(key)) : "nothing (missing)";
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        String text = Json.write(value);
        return jsonType(value) + " " + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }

    private static String jsonType(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "object";
        } else if (value instanceof List) {
            return "array";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Long) {
            return "integer";
        }
        return "number";
    }
}
