package dev.jgrad.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Little-endian encoding of {@link TensorData} values, in bounded chunks so that neither reading
 * nor writing a large tensor needs a second full-size buffer.
 */
final class TensorCodec {

    private static final int CHUNK_BYTES = 1 << 20; // a multiple of every element size

    private TensorCodec() {
    }

    @FunctionalInterface
    private interface ChunkAction {
        /** Handles elements [offset, offset + n) whose bytes start at index 0 of {@code chunk}. */
        void apply(ByteBuffer chunk, int offset, int n);
    }

    /** Writes the values of {@code data} in safetensors layout (row-major, little-endian). */
    static void write(TensorData data, OutputStream out) throws IOException {
        int size = data.size();
        int elementSize = data.dtype().byteSize();
        ChunkAction encode = switch (data.dtype()) {
            case F32 -> {
                float[] v = ((TensorData.Floats) data).values();
                yield (chunk, off, n) -> chunk.asFloatBuffer().put(v, off, n);
            }
            case F16 -> {
                float[] v = ((TensorData.Floats) data).values();
                yield (chunk, off, n) -> {
                    for (int i = 0; i < n; i++) {
                        chunk.putShort(2 * i, HalfFloats.floatToF16(v[off + i]));
                    }
                };
            }
            case BF16 -> {
                float[] v = ((TensorData.Floats) data).values();
                yield (chunk, off, n) -> {
                    for (int i = 0; i < n; i++) {
                        chunk.putShort(2 * i, HalfFloats.floatToBf16(v[off + i]));
                    }
                };
            }
            case F64 -> {
                double[] v = ((TensorData.Doubles) data).values();
                yield (chunk, off, n) -> chunk.asDoubleBuffer().put(v, off, n);
            }
            case I64 -> {
                long[] v = ((TensorData.Longs) data).values();
                yield (chunk, off, n) -> chunk.asLongBuffer().put(v, off, n);
            }
            case U32 -> {
                long[] v = ((TensorData.Longs) data).values();
                yield (chunk, off, n) -> {
                    for (int i = 0; i < n; i++) {
                        chunk.putInt(4 * i, (int) v[off + i]);
                    }
                };
            }
            case I32 -> {
                int[] v = ((TensorData.Ints) data).values();
                yield (chunk, off, n) -> chunk.asIntBuffer().put(v, off, n);
            }
            case I16, U16 -> {
                int[] v = ((TensorData.Ints) data).values();
                yield (chunk, off, n) -> {
                    for (int i = 0; i < n; i++) {
                        chunk.putShort(2 * i, (short) v[off + i]);
                    }
                };
            }
            case I8, U8, BOOL -> {
                int[] v = ((TensorData.Ints) data).values();
                yield (chunk, off, n) -> {
                    for (int i = 0; i < n; i++) {
                        chunk.put(i, (byte) v[off + i]);
                    }
                };
            }
        };
        ByteBuffer chunk = newChunk(data.byteSize());
        int perChunk = chunk.capacity() / elementSize;
        for (int done = 0; done < size; ) {
            int n = Math.min(size - done, perChunk);
            encode.apply(chunk, done, n);
            out.write(chunk.array(), 0, n * elementSize);
            done += n;
        }
    }

    /**
     * Reads {@code count} elements of {@code dtype} starting at {@code position}. The caller has
     * already checked that the bytes lie within the file, so allocation is bounded by its size.
     */
    static TensorData read(FileChannel channel, long position, SafeDType dtype, int[] shape, int count,
                           Path file, String name) throws IOException {
        return switch (dtype) {
            case F32, F16, BF16 -> {
                float[] v = new float[count];
                forEachChunk(channel, position, dtype, count, file, name, switch (dtype) {
                    case F16 -> (chunk, off, n) -> {
                        for (int i = 0; i < n; i++) {
                            v[off + i] = HalfFloats.f16ToFloat(chunk.getShort(2 * i));
                        }
                    };
                    case BF16 -> (chunk, off, n) -> {
                        for (int i = 0; i < n; i++) {
                            v[off + i] = HalfFloats.bf16ToFloat(chunk.getShort(2 * i));
                        }
                    };
                    default -> (chunk, off, n) -> chunk.asFloatBuffer().get(v, off, n);
                });
                yield new TensorData.Floats(dtype, shape, v);
            }
            case F64 -> {
                double[] v = new double[count];
                forEachChunk(channel, position, dtype, count, file, name, (chunk, off, n) -> chunk.asDoubleBuffer().get(v, off, n));
                yield new TensorData.Doubles(dtype, shape, v);
            }
            case I64, U32 -> {
                long[] v = new long[count];
                forEachChunk(channel, position, dtype, count, file, name, dtype == SafeDType.I64
                        ? (chunk, off, n) -> chunk.asLongBuffer().get(v, off, n)
                        : (chunk, off, n) -> {
                            for (int i = 0; i < n; i++) {
                                v[off + i] = Integer.toUnsignedLong(chunk.getInt(4 * i));
                            }
                        });
                yield new TensorData.Longs(dtype, shape, v);
            }
            case I32, I16, U16, I8, U8, BOOL -> {
                int[] v = new int[count];
                forEachChunk(channel, position, dtype, count, file, name, switch (dtype) {
                    case I32 -> (chunk, off, n) -> chunk.asIntBuffer().get(v, off, n);
                    case I16 -> (chunk, off, n) -> {
                        for (int i = 0; i < n; i++) {
                            v[off + i] = chunk.getShort(2 * i);
                        }
                    };
                    case U16 -> (chunk, off, n) -> {
                        for (int i = 0; i < n; i++) {
                            v[off + i] = Short.toUnsignedInt(chunk.getShort(2 * i));
                        }
                    };
                    case I8 -> (chunk, off, n) -> {
                        for (int i = 0; i < n; i++) {
                            v[off + i] = chunk.get(i);
                        }
                    };
                    default -> (chunk, off, n) -> {
                        for (int i = 0; i < n; i++) {
                            v[off + i] = Byte.toUnsignedInt(chunk.get(i));
                        }
                    };
                });
                yield new TensorData.Ints(dtype, shape, v);
            }
        };
    }

    private static void forEachChunk(FileChannel channel, long position, SafeDType dtype, int count,
                                     Path file, String name, ChunkAction decode) throws IOException {
        int elementSize = dtype.byteSize();
        ByteBuffer chunk = newChunk((long) count * elementSize);
        int perChunk = chunk.capacity() / elementSize;
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, perChunk);
            chunk.clear().limit(n * elementSize);
            long start = position + (long) done * elementSize;
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, start + chunk.position()) < 0) {
                    throw new FileFormatException(file, "unexpected end of file in the data of tensor '" + name
                            + "' (was the file truncated while reading?)");
                }
            }
            chunk.flip();
            decode.apply(chunk, done, n);
            done += n;
        }
    }

    private static ByteBuffer newChunk(long totalBytes) {
        return ByteBuffer.allocate((int) Math.min(totalBytes, CHUNK_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
