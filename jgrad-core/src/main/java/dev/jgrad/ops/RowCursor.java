package dev.jgrad.ops;

/**
 * Walks the rows (all dims but the last) of one shape for several strided operands at once,
 * keeping each operand's offset of the current row. Inner loops then run over a whole row with
 * a fixed stride, so no per-element index arithmetic is needed.
 */
final class RowCursor {
    final int rows;
    final int rowLength;
    final int[] innerStride;
    final int[] offset;
    private final int[] shape;
    private final int[][] strides;
    private final int[] index;

    RowCursor(int[] shape, int[][] strides, int[] offsets) {
        this.shape = shape;
        this.strides = strides;
        this.offset = offsets.clone();
        int rank = shape.length;
        this.rowLength = rank == 0 ? 1 : shape[rank - 1];
        int r = 1;
        for (int i = 0; i < rank - 1; i++) r *= shape[i];
        this.rows = rowLength == 0 ? 0 : r;
        this.innerStride = new int[strides.length];
        for (int k = 0; k < strides.length; k++) innerStride[k] = rank == 0 ? 0 : strides[k][rank - 1];
        this.index = new int[Math.max(rank - 1, 0)];
    }

    /** Moves every operand's offset to the next row. */
    void next() {
        for (int d = index.length - 1; d >= 0; d--) {
            if (++index[d] < shape[d]) {
                for (int k = 0; k < offset.length; k++) offset[k] += strides[k][d];
                return;
            }
            index[d] = 0;
            for (int k = 0; k < offset.length; k++) offset[k] -= strides[k][d] * (shape[d] - 1);
        }
    }
}
