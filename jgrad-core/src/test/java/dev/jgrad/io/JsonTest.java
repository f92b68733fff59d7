package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static JsonException parseError(String text) {
        return assertThrows(JsonException.class, () -> Json.parse(text), () -> "should reject: " + text);
    }

    @Test
    void parsesAllValueTypesKeepingKeyOrder() {
        Object v = Json.parse(" {\"z\": 1, \"a\": [true, false, null, -2.5e3, \"s\"], \"m\": {}, \"e\": []}\n");
        Map<?, ?> map = assertInstanceOf(Map.class, v);
        assertEquals(List.of("z", "a", "m", "e"), new ArrayList<>(map.keySet()));
        assertEquals(1L, map.get("z"));
        assertEquals(Arrays.asList(true, false, null, -2500.0, "s"), map.get("a"));
        assertEquals(Map.of(), map.get("m"));
        assertEquals(List.of(), map.get("e"));
    }

    @Test
    void numbersAreLongWhenIntegralAndInRangeElseDouble() {
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(9.223372036854775808e18, Json.parse("9223372036854775808"));
        assertEquals(0L, Json.parse("-0"));
        assertEquals(-0.0, Json.parse("-0.0"));
        assertEquals(1.0, Json.parse("1E0"));
        assertEquals(0.001, Json.parse("1e-3"));
        assertEquals(12.5, Json.parse("1.25E+1"));
    }

    @Test
    void decodesEscapes() {
        assertEquals("a\"b\\c/d\b\f\n\r\t\u00e9\uD83D\uDE00", Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00E9\\ud83d\\ude00\""));
        assertEquals("\uD83D\uDE00 raw", Json.parse("\"\uD83D\uDE00 raw\""));
    }

    @Test
    void resultsAreUnmodifiable() {
        var map = (Map<?, ?>) Json.parse("{\"a\": [1]}");
        assertThrows(UnsupportedOperationException.class, map::clear);
        assertThrows(UnsupportedOperationException.class, ((List<?>) map.get("a"))::clear);
    }

    @Test
    void rejectsSyntaxErrorsWithOffsetAndExpectation() {
        assertEquals("expected a JSON value at offset 0, found end of input", parseError("").getMessage());
        assertEquals("expected a JSON value at offset 2, found end of input", parseError("  ").getMessage());
        assertEquals("expected '\"' starting an object key at offset 9, found '}'", parseError("{\"a\": 1, }").getMessage());
        assertEquals("expected a JSON value at offset 4, found ']'", parseError("[1, ]").getMessage());
        assertEquals("expected ':' after an object key at offset 5, found '1'", parseError("{\"a\" 1}").getMessage());
        assertEquals("expected ',' or '}' in an object at offset 7, found '\"'", parseError("{\"a\":1 \"b\":2}").getMessage());
        assertEquals("expected ',' or ']' in an array at offset 2, found end of input", parseError("[1").getMessage());
        assertEquals("expected end of input after the value at offset 3, found 'x'", parseError("{} x").getMessage());
        assertEquals("expected '\"' starting an object key at offset 1, found '''", parseError("{'a': 1}").getMessage());
        assertEquals("expected a JSON value at offset 0, found '/'", parseError("// c\n1").getMessage());
        assertEquals("expected 'true' at offset 0, found 't'", parseError("tru").getMessage());
        assertEquals("expected a JSON value at offset 0, found 'N'", parseError("NaN").getMessage());
        assertEquals("expected a JSON value at offset 0, found U+FEFF", parseError("\uFEFF{}").getMessage());
    }

    @Test
    void rejectsMalformedNumbers() {
        assertEquals("leading zero in a number at offset 0", parseError("01").getMessage());
        assertEquals("expected a digit at offset 1, found 'a'", parseError("-a").getMessage());
        assertEquals("expected a digit after the decimal point at offset 2, found end of input", parseError("1.").getMessage());
        assertEquals("expected a digit in the exponent at offset 2, found end of input", parseError("1e").getMessage());
        assertEquals("expected a JSON value at offset 0, found '+'", parseError("+1").getMessage());
        assertEquals("expected a JSON value at offset 0, found '.'", parseError(".5").getMessage());
        assertEquals("number 1e400 at offset 0 is out of range", parseError("1e400").getMessage());
    }

    @Test
    void rejectsMalformedStrings() {
        assertEquals("unterminated string starting at offset 1", parseError("[\"abc").getMessage());
        assertEquals("unescaped control character U+000A in a string at offset 2", parseError("\"a\nb\"").getMessage());
        assertEquals("expected one of \" \\ / b f n r t u after '\\' at offset 2, found 'x'", parseError("\"\\x\"").getMessage());
        assertEquals("expected a hexadecimal digit in a \\u escape at offset 5, found 'g'", parseError("\"\\u12g4\"").getMessage());
        assertEquals("unpaired surrogate \\uD800 at offset 1", parseError("\"\\ud800\"").getMessage());
        assertEquals("unpaired surrogate \\uD800 at offset 1", parseError("\"\\ud800\\u0041\"").getMessage());
        assertEquals("unpaired surrogate \\uDC00 at offset 1", parseError("\"\\udc00\"").getMessage());
        assertEquals("unpaired surrogate U+D800 in a string at offset 1", parseError("\"\uD800\"").getMessage());
    }

    @Test
    void rejectsDuplicateKeys() {
        var e = parseError("{\"a\": 1, \"b\": 2, \"a\": 3}");
        assertEquals("duplicate object key \"a\" at offset 17", e.getMessage());
        assertEquals(17, e.offset());
    }

    @Test
    void limitsNestingDepthInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000);
        var e = parseError(deep);
        assertEquals("JSON nested deeper than 512 levels at offset 512", e.getMessage());
        String ok = "[".repeat(512) + "]".repeat(512);
        assertInstanceOf(List.class, Json.parse(ok));
        var shallow = new Json.Limits(2, 100);
        assertInstanceOf(Map.class, Json.parse("{\"a\": [1]}", shallow));
        assertThrows(JsonException.class, () -> Json.parse("{\"a\": [[1]]}", shallow));
    }

    @Test
    void limitsInputLength() {
        var e = assertThrows(JsonException.class, () -> Json.parse("[1, 2, 3]", new Json.Limits(8, 8)));
        assertEquals("JSON text of 9 characters exceeds the limit of 8", e.getMessage());
    }

    @Test
    void reportsInvalidUtf8WithByteOffset() {
        byte[] bytes = {'{', '"', 'a', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        var e = assertThrows(JsonException.class, () -> Json.parseUtf8(bytes, Json.Limits.DEFAULT));
        assertEquals("invalid UTF-8 at byte offset 3", e.getMessage());
        assertEquals(Map.of("é", 1L), Json.parseUtf8("{\"é\":1}".getBytes(StandardCharsets.UTF_8), Json.Limits.DEFAULT));
    }

    @Test
    void writesCompactJsonWithEscapes() {
        var map = new LinkedHashMap<String, Object>();
        map.put("a", Arrays.asList(1L, 2.5, true, null, "x\"\\\n\u0001é\uD83D\uDE00"));
        map.put("i", 7);
        map.put("f", 0.1f);
        map.put("d", 1e-7);
        map.put("o", Map.of());
        assertEquals("{\"a\":[1,2.5,true,null,\"x\\\"\\\\\\n\\u0001é\uD83D\uDE00\"],\"i\":7,\"f\":0.1,\"d\":1.0E-7,\"o\":{}}",
                Json.write(map));
    }

    @Test
    void writeRejectsWhatJsonCannotRepresent() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Float.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        var e = assertThrows(IllegalArgumentException.class, () -> Json.write("a\uD800"));
        assertTrue(e.getMessage().contains("unpaired surrogate U+D800 at index 1"), e.getMessage());
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThrows(IllegalArgumentException.class, () -> Json.write(cyclic));
    }

    @Test
    void randomDocumentsSurviveWriteThenParse() {
        var random = new Random(1234);
        for (int i = 0; i < 500; i++) {
            Object value = randomValue(random, 0);
            String text = Json.write(value);
            assertEquals(value, Json.parse(text), text);
            assertEquals(value, Json.parseUtf8(text.getBytes(StandardCharsets.UTF_8), Json.Limits.DEFAULT), text);
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong() >> random.nextInt(64);
            case 3 -> {
                double d = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                // Integral doubles print as "1.0E20"-style and parse back as Double: still equal.
                yield d;
            }
            case 4 -> randomString(random);
            case 5 -> {
                var list = new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> {
                var map = new LinkedHashMap<String, Object>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String randomString(Random random) {
        var sb = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            int cp;
            do {
                cp = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> random.nextInt(0x800);
                    case 2 -> random.nextInt(0x10000);
                    default -> 0x10000 + random.nextInt(0x100000);
                };
            } while (cp >= 0xD800 && cp <= 0xDFFF);
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
