package dev.jgrad.io;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON (RFC 8259) reader and writer for headers and configuration files.
 *
 * <p>Parsed values are: {@code Map<String, Object>} (unmodifiable, in document order),
 * {@code List<Object>} (unmodifiable), {@code String}, {@code Long} for integers that fit in a
 * long, {@code Double} for all other numbers, {@code Boolean}, and {@code null}. Strict means:
 * no comments, trailing commas, single quotes, leading zeros, NaN/Infinity, unescaped control
 * characters, unpaired surrogates, byte order marks or duplicate object keys. Nesting depth and
 * input length are limited so that hostile input fails with a message instead of a
 * StackOverflowError or OutOfMemoryError.
 */
public final class Json {

    /** Bounds on the input accepted by the parser. */
    public record Limits(int maxDepth, int maxLength) {

        /** 512 levels of nesting, 64 Mi characters. */
        public static final Limits DEFAULT = new Limits(512, 64 << 20);

        public Limits {
            if (maxDepth < 1 || maxLength < 0) {
                throw new IllegalArgumentException("invalid JSON limits: maxDepth " + maxDepth + ", maxLength " + maxLength);
            }
        }
    }

    private static final int MAX_WRITE_DEPTH = 512;

    private Json() {
    }

    /** Parses one JSON value with {@link Limits#DEFAULT}. */
    public static Object parse(CharSequence text) {
        return parse(text, Limits.DEFAULT);
    }

    /** Parses one JSON value; anything but whitespace after it is an error. */
    public static Object parse(CharSequence text, Limits limits) {
        if (text.length() > limits.maxLength()) {
            throw new JsonException("JSON text of " + text.length() + " characters exceeds the limit of "
                    + limits.maxLength(), limits.maxLength());
        }
        return new Parser(text, limits.maxDepth()).parseDocument();
    }

    /** Parses UTF-8 encoded JSON; malformed UTF-8 is an error, not replaced. */
    public static Object parseUtf8(byte[] utf8, Limits limits) {
        if (utf8.length > limits.maxLength()) {
            throw new JsonException("JSON text of " + utf8.length + " bytes exceeds the limit of "
                    + limits.maxLength(), limits.maxLength());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        // UTF-8 never decodes to more UTF-16 units than it has bytes.
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new JsonException("invalid UTF-8 at byte offset " + in.position(), in.position());
        }
        return parse(out.flip(), limits);
    }

    /**
     * Compact JSON for {@code value}: a Map with String keys, an Iterable, a String, a Boolean,
     * null, or a Number (Byte, Short, Integer, Long, BigInteger, or a finite Float/Double).
     * Strings are escaped as RFC 8259 requires; non-ASCII characters are written as they are.
     *
     * @throws IllegalArgumentException for other types, non-String keys, non-finite numbers,
     *                                  unpaired surrogates or nesting deeper than 512
     */
    public static String write(Object value) {
        var out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (depth > MAX_WRITE_DEPTH) {
            throw new IllegalArgumentException("JSON nesting deeper than " + MAX_WRITE_DEPTH + " (cyclic structure?)");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON cannot represent the number " + value);
            }
            // Float.toString gives the shortest decimal that round-trips to the float (0.1f -> "0.1").
            out.append(value instanceof Float f ? Float.toString(f) : Double.toString(d));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be Strings, got " + describe(entry.getKey()));
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(key, out);
                out.append(':');
                write(entry.getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out, depth + 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + describe(value) + " as JSON");
        }
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // Would not survive UTF-8 encoding; refuse rather than write a corrupt file.
                        throw new IllegalArgumentException(String.format(
                                "string has an unpaired surrogate U+%04X at index %d", (int) c, i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Recursive descent over the RFC 8259 grammar; recursion depth is bounded by maxDepth. */
    private static final class Parser {

        private final CharSequence text;
        private final int length;
        private final int maxDepth;
        private int pos;

        Parser(CharSequence text, int maxDepth) {
            this.text = text;
            this.length = text.length();
            this.maxDepth = maxDepth;
        }

        Object parseDocument() {
            skipWhitespace();
            Object value = parseValue(0);
            skipWhitespace();
            if (pos < length) {
                throw error("end of input after the value");
            }
            return value;
        }

        private Object parseValue(int depth) {
            if (pos >= length) {
                throw error("a JSON value");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> parseObject(depth + 1);
                case '[' -> parseArray(depth + 1);
                case '"' -> parseString();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield parseNumber();
                    }
                    throw error("a JSON value");
                }
            };
        }

        private Map<String, Object> parseObject(int depth) {
            checkDepth(depth);
            pos++; // '{'
            var map = new LinkedHashMap<String, Object>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(map);
            }
            while (true) {
                if (peek() != '"') {
                    throw error("'\"' starting an object key");
                }
                int keyOffset = pos;
                String key = parseString();
                if (map.containsKey(key)) {
                    throw new JsonException("duplicate object key " + quote(key) + " at offset " + keyOffset, keyOffset);
                }
                skipWhitespace();
                expect(':', "':' after an object key");
                skipWhitespace();
                map.put(key, parseValue(depth));
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    pos++;
                    skipWhitespace();
                } else if (c == '}') {
                    pos++;
                    return Collections.unmodifiableMap(map);
                } else {
                    throw error("',' or '}' in an object");
                }
            }
        }

        private List<Object> parseArray(int depth) {
            checkDepth(depth);
            pos++; // '['
            var list = new ArrayList<Object>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return Collections.unmodifiableList(list);
            }
            while (true) {
                list.add(parseValue(depth));
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    pos++;
                    skipWhitespace();
                } else if (c == ']') {
                    pos++;
                    return Collections.unmodifiableList(list);
                } else {
                    throw error("',' or ']' in an array");
                }
            }
        }

        private void checkDepth(int depth) {
            if (depth > maxDepth) {
                throw new JsonException("JSON nested deeper than " + maxDepth + " levels at offset " + pos, pos);
            }
        }

        private String parseString() {
            int start = pos;
            pos++; // opening quote
            StringBuilder sb = null;
            int runStart = pos;
            while (true) {
                if (pos >= length) {
                    throw new JsonException("unterminated string starting at offset " + start, pos);
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    String s = sb == null
                            ? text.subSequence(runStart, pos).toString()
                            : sb.append(text, runStart, pos).toString();
                    pos++;
                    return s;
                }
                if (c == '\\') {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(text, runStart, pos);
                    parseEscape(sb);
                    runStart = pos;
                } else if (c < 0x20) {
                    throw new JsonException(String.format("unescaped control character U+%04X in a string at offset %d",
                            (int) c, pos), pos);
                } else if (Character.isHighSurrogate(c) && pos + 1 < length && Character.isLowSurrogate(text.charAt(pos + 1))) {
                    pos += 2;
                } else if (Character.isSurrogate(c)) {
                    throw new JsonException(String.format("unpaired surrogate U+%04X in a string at offset %d", (int) c, pos), pos);
                } else {
                    pos++;
                }
            }
        }

        /** At a backslash; appends the escaped character(s) and moves past the escape. */
        private void parseEscape(StringBuilder sb) {
            int escapeStart = pos;
            pos++;
            if (pos >= length) {
                throw error("an escape character after '\\'");
            }
            char c = text.charAt(pos++);
            switch (c) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    char unit = (char) hex4();
                    if (Character.isHighSurrogate(unit)) {
                        if (pos + 1 < length && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
                            pos += 2;
                            char low = (char) hex4();
                            if (!Character.isLowSurrogate(low)) {
                                throw new JsonException(String.format("unpaired surrogate \\u%04X at offset %d", (int) unit,
                                        escapeStart), escapeStart);
                            }
                            sb.append(unit).append(low);
                        } else {
                            throw new JsonException(String.format("unpaired surrogate \\u%04X at offset %d", (int) unit,
                                    escapeStart), escapeStart);
                        }
                    } else if (Character.isLowSurrogate(unit)) {
                        throw new JsonException(String.format("unpaired surrogate \\u%04X at offset %d", (int) unit,
                                escapeStart), escapeStart);
                    } else {
                        sb.append(unit);
                    }
                }
                default -> {
                    pos--;
                    throw error("one of \" \\ / b f n r t u after '\\'");
                }
            }
        }

        private int hex4() {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = pos < length ? Character.digit(text.charAt(pos), 16) : -1;
                // Character.digit also accepts non-ASCII digits; JSON allows only [0-9a-fA-F].
                if (digit < 0 || text.charAt(pos) > 'f') {
                    throw error("a hexadecimal digit in a \\u escape");
                }
                value = value * 16 + digit;
                pos++;
            }
            return value;
        }

        private Object parseNumber() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
                if (isDigit(peek())) {
                    throw new JsonException("leading zero in a number at offset " + start, pos);
                }
            } else if (isDigit(peek())) {
                skipDigits();
            } else {
                throw error("a digit");
            }
            boolean integral = true;
            if (peek() == '.') {
                integral = false;
                pos++;
                if (!isDigit(peek())) {
                    throw error("a digit after the decimal point");
                }
                skipDigits();
            }
            char e = peek();
            if (e == 'e' || e == 'E') {
                integral = false;
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("a digit in the exponent");
                }
                skipDigits();
            }
            String token = text.subSequence(start, pos).toString();
            if (integral) {
                try {
                    return Long.parseLong(token);
                } catch (NumberFormatException tooLarge) {
                    // fall through: integers beyond the long range become doubles
                }
            }
            double value = Double.parseDouble(token);
            if (Double.isInfinite(value)) {
                throw new JsonException("number " + abbreviate(token) + " at offset " + start + " is out of range", start);
            }
            return value;
        }

        private void skipDigits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private Object literal(String word, Object value) {
            int end = pos + word.length();
            if (end > length || !text.subSequence(pos, end).toString().equals(word)) {
                throw error("'" + word + "'");
            }
            pos = end;
            return value;
        }

        private void expect(char c, String what) {
            if (peek() != c) {
                throw error(what);
            }
            pos++;
        }

        /** The current character, or U+0000 at the end (never valid where a token is expected). */
        private char peek() {
            return pos < length ? text.charAt(pos) : '\0';
        }

        private void skipWhitespace() {
            while (pos < length) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private JsonException error(String expected) {
            String found;
            if (pos >= length) {
                found = "end of input";
            } else {
                char c = text.charAt(pos);
                found = c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
            }
            return new JsonException("expected " + expected + " at offset " + pos + ", found " + found, pos);
        }

        private static String quote(String s) {
            return '"' + abbreviate(s) + '"';
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 37) + "...";
        }
    }
}
