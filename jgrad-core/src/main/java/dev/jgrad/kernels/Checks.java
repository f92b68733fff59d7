package dev.jgrad.kernels;

/** Argument checks shared by the kernels, so a bad call names the operation, not an index. */
final class Checks {
    private Checks() {}

    /** Elements off, off + stride, ..., off + (n-1)*stride must lie inside an array of this length. */
    static void range(String op, String operand, int length, int off, int n, int stride) {
        if (n < 0) throw new IllegalArgumentException(op + ": negative length " + n);
        if (n == 0) return;
        long last = off + (n - 1L) * stride;
        if (off < 0 || off >= length || last < 0 || last >= length)
            throw new IndexOutOfBoundsException(op + ": " + operand + " elements " + off + ".." + last
                    + (stride == 1 ? "" : " (stride " + stride + ")") + " outside its array of length " + length);
    }

    /** rows x len row-major block at off. */
    static void block(String op, String operand, int length, int off, int rows, int len) {
        if (rows < 0 || len < 0) throw new IllegalArgumentException(op + ": negative size " + rows + " x " + len);
        range(op, operand, length, off, rows == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (long) rows * len), 1);
    }

    /**
     * True when [a, a+n) and [b, b+n) of one array overlap without coinciding; a vector loop
     * would then read elements it has already written, unlike the element-by-element loop.
     */
    static boolean shifted(boolean sameArray, int a, int b, int n) {
        return sameArray && a != b && Math.abs((long) a - b) < n;
    }
}
