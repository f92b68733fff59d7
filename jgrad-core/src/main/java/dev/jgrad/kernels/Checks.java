package dev.jgrad.kernels;

/**
 * Argument checks shared by the kernels, so that a bad call names the operation instead of an
 * index. They run on every call, so the message is only built on failure.
 */
final class Checks {
    private Checks() {}

    /**
     * Elements off, off + stride, ..., off + (n-1)*stride must lie inside an array of this length.
     * {@code op} and {@code kind} together name the operation, e.g. "unary" and RELU.
     */
    static void range(String op, Object kind, String operand, int length, int off, int n, int stride) {
        if (n > 0 && off >= 0 && off < length) {
            long last = off + (n - 1L) * stride;
            if (last >= 0 && last < length) return;
        } else if (n == 0) {
            return;
        }
        throw fail(op, kind, operand, length, off, n, stride);
    }

    private static RuntimeException fail(String op, Object kind, String operand, int length, int off, int n, int stride) {
        String name = kind == null ? op : op + " " + kind;
        if (n < 0) return new IllegalArgumentException(name + ": negative length " + n);
        return new IndexOutOfBoundsException(name + ": " + operand + " elements " + off + ".." + (off + (n - 1L) * stride)
                + (stride == 1 ? "" : " (stride " + stride + ")") + " outside its array of length " + length);
    }

    /** A rows x len row-major block at off. */
    static void block(String op, Object kind, String operand, int length, int off, int rows, int len) {
        if (rows < 0 || len < 0)
            throw new IllegalArgumentException(op + " " + kind + ": negative size " + rows + " x " + len);
        long n = (long) rows * len;
        range(op, kind, operand, length, off, (int) Math.min(Integer.MAX_VALUE, n), 1);
    }

    /**
     * True when [a, a+n) and [b, b+n) of one array overlap without coinciding; a vector loop
     * would then read elements it has already written, unlike the element-by-element loop.
     */
    static boolean shifted(boolean sameArray, int a, int b, int n) {
        return sameArray && a != b && Math.abs((long) a - b) < n;
    }
}
