package dev.jgrad.io;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Element types of safetensors files that jgrad reads and writes, with their names as they
 * appear in the header. (The format also defines U64 and 8-bit float types, which jgrad does not
 * support; reading them fails with a clear message.)
 *
 * <p>The declaration order is the reference implementation's order of increasing alignment. The
 * writer lays tensors out in the reverse of this order so that every tensor's data starts at a
 * multiple of its element size, which zero-copy (memory-mapping) readers rely on.
 */
public enum SafeDType {
    BOOL(1),
    U8(1),
    I8(1),
    I16(2),
    U16(2),
    F16(2),
    BF16(2),
    I32(4),
    U32(4),
    F32(4),
    F64(8),
    I64(8);

    private final int byteSize;

    SafeDType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** True for the float types (F16, BF16, F32, F64). */
    public boolean isFloatingPoint() {
        return this == F16 || this == BF16 || this == F32 || this == F64;
    }

    /**
     * The dtype named {@code name} in a safetensors header (case-sensitive, as in the format).
     *
     * @throws IllegalArgumentException naming the unsupported type and listing the supported ones
     */
    public static SafeDType fromHeaderName(String name) {
        for (SafeDType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported dtype '" + name + "' (supported: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
}
