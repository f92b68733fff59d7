package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A file with {@code header} exactly as given (no padding added) followed by {@code data}. */
    static byte[] rawFile(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array();
        return concat(length, h, data);
    }

    static byte[] floatsLe(float... values) {
        var buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    private Path write(Map<String, ? extends TensorData> tensors, Map<String, String> metadata) throws IOException {
        Path file = dir.resolve("t.safetensors");
        SafeTensors.write(file, tensors, metadata);
        return file;
    }

    @Test
    void singleF32TensorHasTheExactExpectedBytes() throws IOException {
        Path file = write(Map.of("a", TensorData.ofFloats(new float[] {1, 2}, 2)), Map.of());
        // {"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}} is 54 bytes, padded to 56.
        byte[] expected = concat(
                new byte[] {56, 0, 0, 0, 0, 0, 0, 0},
                ascii("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}  "),
                new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40}); // 1.0f, 2.0f little-endian
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    /** Byte sequences that the reference implementation's own tests expect from its writer. */
    @Test
    void matchesReferenceWriterOutput() throws IOException {
        float[] six = {0, 1, 2, 3, 4, 5};
        byte[] sixData = {0, 0, 0, 0, 0, 0, (byte) 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, (byte) 128, 64, 0, 0, (byte) 160, 64};

        Path file = write(Map.of("attn.0", TensorData.ofFloats(six, 1, 2, 3)), Map.of());
        assertArrayEquals(concat(new byte[] {64, 0, 0, 0, 0, 0, 0, 0},
                ascii("{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}"), sixData),
                Files.readAllBytes(file));

        file = write(Map.of("attn0", TensorData.ofFloats(six, 1, 1, 2, 3)), Map.of());
        assertArrayEquals(concat(new byte[] {72, 0, 0, 0, 0, 0, 0, 0},
                ascii("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       "), sixData),
                Files.readAllBytes(file));

        file = write(Map.of(), Map.of());
        assertArrayEquals(concat(new byte[] {8, 0, 0, 0, 0, 0, 0, 0}, ascii("{}      ")), Files.readAllBytes(file));

        file = write(Map.of(), Map.of("framework", "pt"));
        assertArrayEquals(concat(new byte[] {40, 0, 0, 0, 0, 0, 0, 0}, ascii("{\"__metadata__\":{\"framework\":\"pt\"}}     ")),
                Files.readAllBytes(file));
    }

    @Test
    void roundTripsEveryDtypeWithMetadata() throws IOException {
        var tensors = new LinkedHashMap<String, TensorData>();
        tensors.put("f32", TensorData.ofFloats(new float[] {1.5f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY}, 2, 3));
        tensors.put("f64", TensorData.ofDoubles(new double[] {Math.PI, -1e300}, 2));
        tensors.put("f16", new TensorData.Floats(SafeDType.F16, new int[] {3}, new float[] {0.1f, 65504, -0x1p-24f}));
        tensors.put("bf16", new TensorData.Floats(SafeDType.BF16, new int[] {2}, new float[] {0.1f, -3e38f}));
        tensors.put("i64", TensorData.ofLongs(new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0}, 3));
        tensors.put("i32", TensorData.ofInts(new int[] {Integer.MIN_VALUE, 7}, 2, 1));
        tensors.put("u32", new TensorData.Longs(SafeDType.U32, new int[] {2}, new long[] {0xffff_ffffL, 1}));
        tensors.put("i16", new TensorData.Ints(SafeDType.I16, new int[] {2}, new int[] {-32768, 32767}));
        tensors.put("u16", new TensorData.Ints(SafeDType.U16, new int[] {2}, new int[] {65535, 0}));
        tensors.put("i8", new TensorData.Ints(SafeDType.I8, new int[] {3}, new int[] {-128, 127, -1}));
        tensors.put("u8", new TensorData.Ints(SafeDType.U8, new int[] {2}, new int[] {255, 128}));
        tensors.put("bool", new TensorData.Ints(SafeDType.BOOL, new int[] {3}, new int[] {1, 0, 1}));
        tensors.put("scalar", TensorData.ofFloats(new float[] {42}));
        tensors.put("empty", TensorData.ofFloats(new float[0], 0, 3));
        tensors.put("ünïcode \"name\"\n", TensorData.ofInts(new int[] {1}, 1));
        var metadata = Map.of("format", "pt", "note", "quotes \" and\nnewlines é");

        SafeTensorsFile read = SafeTensors.read(write(tensors, metadata));
        assertEquals(tensors.keySet(), read.tensors().keySet());
        tensors.forEach((name, t) -> assertEquals(t, read.tensor(name), name));
        assertEquals(metadata, read.metadata());
    }

    @Test
    void layoutIsByDecreasingAlignmentThenNameAndAligned() throws IOException {
        var tensors = new LinkedHashMap<String, TensorData>();
        tensors.put("b", TensorData.ofFloats(new float[] {2}, 1));
        tensors.put("c", new TensorData.Ints(SafeDType.I8, new int[] {3}, new int[] {1, 2, 3}));
        tensors.put("a", TensorData.ofFloats(new float[] {1}, 1));
        tensors.put("d", new TensorData.Floats(SafeDType.F16, new int[] {1}, new float[] {4}));
        tensors.put("z", TensorData.ofDoubles(new double[] {26}, 1));
        tensors.put("e", TensorData.ofLongs(new long[] {5}, 1));
        Path file = write(tensors, Map.of("k", "v"));

        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
        var header = (Map<?, ?>) Json.parse(new String(bytes, 8, headerLength, StandardCharsets.UTF_8));
        assertEquals(List.of("__metadata__", "e", "z", "a", "b", "d", "c"), new ArrayList<>(header.keySet()));
        var expectedOffsets = Map.of("e", List.of(0L, 8L), "z", List.of(8L, 16L), "a", List.of(16L, 20L),
                "b", List.of(20L, 24L), "d", List.of(24L, 26L), "c", List.of(26L, 29L));
        expectedOffsets.forEach((name, offsets) ->
                assertEquals(offsets, ((Map<?, ?>) header.get(name)).get("data_offsets"), name));
        assertEquals(8 + headerLength + 29, bytes.length);

        SafeTensorsFile read = SafeTensors.read(file);
        assertEquals(List.of("e", "z", "a", "b", "d", "c"), new ArrayList<>(read.tensors().keySet()));
        assertArrayEquals(new float[] {26}, read.tensor("z").toFloatArray());
    }

    @Test
    void readsTensorsInHeaderOrderWhateverTheDataOrder() throws IOException {
        // Unpadded header, data of "b" before "a": both allowed by the format.
        String header = "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"a\":{\"dtype\":\"I32\",\"shape\":[],\"data_offsets\":[0,4]}}";
        byte[] data = concat(new byte[] {7, 0, 0, 0}, floatsLe(2.5f));
        Path file = dir.resolve("handmade.safetensors");
        Files.write(file, rawFile(header, data));
        SafeTensorsFile read = SafeTensors.read(file);
        assertEquals(List.of("b", "a"), new ArrayList<>(read.tensors().keySet()));
        assertArrayEquals(new float[] {2.5f}, read.tensor("b").toFloatArray());
        assertEquals(TensorData.ofInts(new int[] {7}), read.tensor("a"));
        assertEquals(Map.of(), read.metadata());
    }

    @Test
    void largeTensorsSpanSeveralChunks() throws IOException {
        var random = new SplittableRandom(3);
        float[] big = new float[700_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) random.nextDouble(-1, 1);
        }
        long[] longs = random.longs(300_000).toArray();
        float[] halves = new float[600_001];
        for (int i = 0; i < halves.length; i++) {
            halves[i] = (float) random.nextDouble(-100, 100);
        }
        var tensors = Map.of(
                "w", TensorData.ofFloats(big, 700, 1000),
                "l", TensorData.ofLongs(longs, 300_000),
                "h", new TensorData.Floats(SafeDType.F16, new int[] {halves.length}, halves));
        SafeTensorsFile read = SafeTensors.read(write(tensors, Map.of()));
        tensors.forEach((name, t) -> assertEquals(t, read.tensor(name), name));
    }

    @Test
    void rewritingReplacesTheFile() throws IOException {
        write(Map.of("a", TensorData.ofFloats(new float[] {1}, 1)), Map.of());
        Path file = write(Map.of("b", TensorData.ofFloats(new float[] {2, 3}, 2)), Map.of());
        assertEquals(List.of("b"), new ArrayList<>(SafeTensors.read(file).tensors().keySet()));
    }

    @Test
    void writeRejectsReservedNameAndLeavesNoFile() {
        Path file = dir.resolve("x.safetensors");
        var e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.write(file, Map.of("__metadata__", TensorData.ofFloats(new float[] {1}, 1))));
        assertEquals("cannot write " + file + ": '__metadata__' is reserved and cannot name a tensor", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void missingTensorLookupListsNames() throws IOException {
        SafeTensorsFile read = SafeTensors.read(write(Map.of("w", TensorData.ofFloats(new float[] {1}, 1)), Map.of()));
        var e = assertThrows(IllegalArgumentException.class, () -> read.tensor("bias"));
        assertEquals("no tensor named 'bias'; the file has [w]", e.getMessage());
    }
}
