package dev.jgrad.io;

import static dev.jgrad.io.SafeTensorsTest.concat;
import static dev.jgrad.io.SafeTensorsTest.floatsLe;
import static dev.jgrad.io.SafeTensorsTest.rawFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a safetensors file can be broken must give a FileFormatException that says how. */
class SafeTensorsMalformedTest {

    @TempDir
    Path dir;

    private String problem(byte[] content) throws IOException {
        Path file = dir.resolve("bad.safetensors");
        Files.write(file, content);
        var e = assertThrows(FileFormatException.class, () -> SafeTensors.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.problem();
    }

    private String problem(String header, byte[] data) throws IOException {
        return problem(rawFile(header, data));
    }

    private static String tensor(String name, String dtype, String shape, String offsets) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}";
    }

    private static byte[] lengthOnly(long headerLength, int extraBytes) {
        return concat(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerLength).array(), new byte[extraBytes]);
    }

    private static void assertContains(String expectedPart, String actual) {
        assertTrue(actual.contains(expectedPart), () -> "expected to contain <" + expectedPart + "> but was <" + actual + ">");
    }

    @Test
    void fileShorterThanLengthField() throws IOException {
        assertEquals("file is 5 bytes, too short for the 8-byte header length of a safetensors file", problem(new byte[5]));
        assertEquals("file is 0 bytes, too short for the 8-byte header length of a safetensors file", problem(new byte[0]));
    }

    @Test
    void absurdHeaderLengthsAreRejectedBeforeAllocating() throws IOException {
        assertEquals("declared header length 4611686018427387904 bytes exceeds the limit of 100000000 (not a safetensors file?)",
                problem(lengthOnly(1L << 62, 16)));
        assertEquals("declared header length 18446744073709551615 bytes exceeds the limit of 100000000 (not a safetensors file?)",
                problem(lengthOnly(-1L, 16)));
        assertEquals("declared header length 100000001 bytes exceeds the limit of 100000000 (not a safetensors file?)",
                problem(lengthOnly(100_000_001L, 0)));
    }

    @Test
    void headerLongerThanFile() throws IOException {
        assertEquals("declared header length 1000 bytes exceeds the 12 bytes that follow it (truncated file?)",
                problem(lengthOnly(1000, 12)));
        assertEquals("declared header length 99999999 bytes exceeds the 0 bytes that follow it (truncated file?)",
                problem(lengthOnly(99_999_999, 0)));
    }

    @Test
    void headerMustBeAJsonObject() throws IOException {
        assertEquals("header does not start with '{' (not a safetensors file?)", problem("[]      ", new byte[0]));
        assertEquals("header does not start with '{' (not a safetensors file?)", problem(" {}", new byte[0]));
        assertEquals("header does not start with '{' (not a safetensors file?)", problem(lengthOnly(0, 0)));
    }

    @Test
    void badJsonReportsTheOffset() throws IOException {
        assertEquals("bad JSON header: expected a JSON value at offset 6, found '}'", problem("{\"a\": }", new byte[0]));
        assertEquals("bad JSON header: expected ',' or '}' in an object at offset 7, found end of input",
                problem("{\"a\":{}", new byte[0]));
        assertEquals("bad JSON header: duplicate object key \"a\" at offset 54",
                problem("{" + tensor("a", "F32", "[1]", "[0,4]") + "," + tensor("a", "F32", "[1]", "[4,8]") + "}", new byte[8]));
        byte[] badUtf8 = concat(lengthOnly(6, 0), new byte[] {'{', '"', (byte) 0xff, '"', ':', '1'});
        assertEquals("bad JSON header: invalid UTF-8 at byte offset 2", problem(badUtf8));
        assertEquals("bad JSON header: JSON nested deeper than 64 levels at offset 68",
                problem("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}", new byte[0]));
    }

    @Test
    void tensorEntriesMustHaveWellTypedFields() throws IOException {
        assertEquals("tensor 'a': expected an object with dtype, shape and data_offsets, found integer",
                problem("{\"a\":5}", new byte[0]));
        assertEquals("tensor 'a': 'dtype' must be a string, found nothing (missing)",
                problem("{\"a\":{\"shape\":[],\"data_offsets\":[0,4]}}", new byte[4]));
        assertEquals("tensor 'a': 'dtype' must be a string, found integer 4",
                problem("{\"a\":{\"dtype\":4,\"shape\":[],\"data_offsets\":[0,4]}}", new byte[4]));
        assertEquals("tensor 'a': unexpected field 'offsets'",
                problem("{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"offsets\":[0,4]}}", new byte[4]));
        assertEquals("tensor 'a': 'shape' must be an array, found string \"2\"",
                problem("{\"a\":{\"dtype\":\"F32\",\"shape\":\"2\",\"data_offsets\":[0,8]}}", new byte[8]));
        assertEquals("tensor 'a': 'data_offsets' must be an array of two integers [begin, end], found array [0]",
                problem("{" + tensor("a", "F32", "[]", "[0]") + "}", new byte[4]));
        assertEquals("tensor 'a': 'data_offsets' must be an array of two integers [begin, end], found array [0,4.0]",
                problem("{" + tensor("a", "F32", "[]", "[0,4.0]") + "}", new byte[4]));
        assertEquals("tensor 'a': 'data_offsets' must be an array of two integers [begin, end], found nothing (missing)",
                problem("{\"a\":{\"dtype\":\"F32\",\"shape\":[]}}", new byte[4]));
    }

    @Test
    void metadataMustBeStrings() throws IOException {
        assertEquals("'__metadata__' entry 'epoch' must be a string, found integer",
                problem("{\"__metadata__\":{\"epoch\":3}}", new byte[0]));
        assertEquals("'__metadata__' must be an object of strings, found array",
                problem("{\"__metadata__\":[]}", new byte[0]));
    }

    @Test
    void unknownDtype() throws IOException {
        String p = problem("{" + tensor("a", "F8_E4M3", "[1]", "[0,1]") + "}", new byte[1]);
        assertContains("tensor 'a': unsupported dtype 'F8_E4M3' (supported: BOOL, U8, I8", p);
        assertContains("unsupported dtype 'f32'", problem("{" + tensor("a", "f32", "[1]", "[0,4]") + "}", new byte[4]));
    }

    @Test
    void badShapes() throws IOException {
        assertEquals("tensor 'a': shape [2,-1] has integer -1, not a non-negative integer",
                problem("{" + tensor("a", "F32", "[2,-1]", "[0,0]") + "}", new byte[0]));
        assertEquals("tensor 'a': shape [2.5] has number 2.5, not a non-negative integer",
                problem("{" + tensor("a", "F32", "[2.5]", "[0,10]") + "}", new byte[10]));
        assertEquals("tensor 'a': shape [\"2\"] has string \"2\", not a non-negative integer",
                problem("{" + tensor("a", "F32", "[\"2\"]", "[0,8]") + "}", new byte[8]));
        assertEquals("tensor 'a': dimension 3000000000 in shape [3000000000] is larger than jgrad supports (2147483647)",
                problem("{" + tensor("a", "U8", "[3000000000]", "[0,3000000000]") + "}", new byte[8]));
        assertEquals("tensor 'a': shape [2147483647,2147483647,2147483647] has more elements than can be counted (overflow)",
                problem("{" + tensor("a", "F32", "[2147483647,2147483647,2147483647]", "[0,4]") + "}", new byte[4]));
        assertEquals("tensor 'a': shape [2147483647,2147483647,2] has more elements than can be counted (overflow)",
                problem("{" + tensor("a", "F32", "[2147483647,2147483647,2]", "[0,4]") + "}", new byte[4]));
    }

    @Test
    void badOffsets() throws IOException {
        assertEquals("tensor 'a': data_offsets [8, 4] must satisfy 0 <= begin <= end",
                problem("{" + tensor("a", "F32", "[1]", "[8,4]") + "}", new byte[8]));
        assertEquals("tensor 'a': data_offsets [-4, 0] must satisfy 0 <= begin <= end",
                problem("{" + tensor("a", "F32", "[1]", "[-4,0]") + "}", new byte[8]));
        assertEquals("tensor 'a': data_offsets [0, 800] reach past the end of the 8-byte data buffer (truncated file?)",
                problem("{" + tensor("a", "F32", "[200]", "[0,800]") + "}", new byte[8]));
        assertEquals("tensor 'a': data_offsets [0, 4] span 4 bytes, but shape [2] of F32 needs 2 x 4 = 8 bytes",
                problem("{" + tensor("a", "F32", "[2]", "[0,4]") + "}", new byte[4]));
    }

    @Test
    void hugeDeclaredTensorInTinyFileFailsWithoutAllocating() throws IOException {
        assertEquals("tensor 'a': data_offsets [0, 4000000000] reach past the end of the 16-byte data buffer (truncated file?)",
                problem("{" + tensor("a", "F32", "[1000000000]", "[0,4000000000]") + "}", new byte[16]));
    }

    @Test
    void overlappingGappedOrIncompleteCoverage() throws IOException {
        String two = "{" + tensor("a", "F32", "[2]", "[0,8]") + "," + tensor("b", "F32", "[2]", "[4,12]") + "}";
        assertEquals("tensors 'a' [0, 8] and 'b' [4, 12] overlap", problem(two, new byte[12]));
        String gap = "{" + tensor("a", "F32", "[1]", "[0,4]") + "," + tensor("b", "F32", "[1]", "[8,12]") + "}";
        assertEquals("bytes [4, 8) of the data buffer belong to no tensor (gap before 'b')", problem(gap, new byte[12]));
        String late = "{" + tensor("a", "F32", "[1]", "[4,8]") + "}";
        assertEquals("bytes [0, 4) of the data buffer belong to no tensor (gap before 'a')", problem(late, new byte[8]));
        String partial = "{" + tensor("a", "F32", "[1]", "[0,4]") + "}";
        assertEquals("the data buffer has 8 bytes but the tensors cover only 4 (trailing bytes belong to no tensor)",
                problem(partial, new byte[8]));
        assertEquals("the data buffer has 3 bytes but the tensors cover only 0 (trailing bytes belong to no tensor)",
                problem("{}", new byte[3]));
        String same = "{" + tensor("a", "F32", "[1]", "[0,4]") + "," + tensor("b", "F32", "[1]", "[0,4]") + "}";
        assertEquals("tensors 'a' [0, 4] and 'b' [0, 4] overlap", problem(same, floatsLe(1)));
    }

    @Test
    void valuesOutOfRangeForTheirDtype() throws IOException {
        assertEquals("tensor 'a': value 2 at index 1 is out of range for BOOL [0, 1]",
                problem("{" + tensor("a", "BOOL", "[2]", "[0,2]") + "}", new byte[] {1, 2}));
    }
}
