package dev.jgrad.tensor;

import java.util.ArrayList;

/**
 * A flat array of one element type, shared by a tensor and all its views. The version counter
 * counts in-place writes so that backward can detect a saved tensor that was changed.
 */
public final class Storage {
    private static final java.util.concurrent.atomic.AtomicLong CREATED = new java.util.concurrent.atomic.AtomicLong();

    private final DType dtype;
    private final long serial = CREATED.getAndIncrement();
    private final float[] floats;
    private final double[] doubles;
    private final long[] longs;
    private int version;
    /** Copies derived from the contents (a weight packed for inference), newest first. */
    private volatile Derived[] derived = new Derived[0];

    private record Derived(Object key, int version, Object value) {}

    /** How many derived copies a storage keeps: one per view of it that a kernel packs. */
    private static final int MAX_DERIVED = 4;

    private Storage(DType dtype, float[] f, double[] d, long[] l) {
        this.dtype = dtype;
        this.floats = f;
        this.doubles = d;
        this.longs = l;
    }

    public static Storage of(float[] data) {
        return new Storage(DType.FLOAT32, data, null, null);
    }

    public static Storage of(double[] data) {
        return new Storage(DType.FLOAT64, null, data, null);
    }

    public static Storage of(long[] data) {
        return new Storage(DType.INT64, null, null, data);
    }

    public static Storage allocate(DType dtype, int size) {
        return switch (dtype) {
            case FLOAT32 -> of(new float[size]);
            case FLOAT64 -> of(new double[size]);
            case INT64 -> of(new long[size]);
        };
    }

    public DType dtype() {
        return dtype;
    }

    public int size() {
        return switch (dtype) {
            case FLOAT32 -> floats.length;
            case FLOAT64 -> doubles.length;
            case INT64 -> longs.length;
        };
    }

    public float[] floats() {
        if (floats == null) throw new IllegalStateException("storage holds " + dtype + ", not float32");
        return floats;
    }

    public double[] doubles() {
        if (doubles == null) throw new IllegalStateException("storage holds " + dtype + ", not float64");
        return doubles;
    }

    public long[] longs() {
        if (longs == null) throw new IllegalStateException("storage holds " + dtype + ", not int64");
        return longs;
    }

    /** The backing array as an Object, for dtype-agnostic {@link System#arraycopy}. */
    public Object array() {
        return switch (dtype) {
            case FLOAT32 -> floats;
            case FLOAT64 -> doubles;
            case INT64 -> longs;
        };
    }

    public double get(int i) {
        return switch (dtype) {
            case FLOAT32 -> floats[i];
            case FLOAT64 -> doubles[i];
            case INT64 -> longs[i];
        };
    }

    public void set(int i, double v) {
        switch (dtype) {
            case FLOAT32 -> floats[i] = (float) v;
            case FLOAT64 -> doubles[i] = v;
            case INT64 -> longs[i] = (long) v;
        }
    }

    /**
     * The serial number of the next storage to be created: a storage whose {@link #serial()} is at
     * least a value read earlier was created after that read.
     */
    public static long nextSerial() {
        return CREATED.get();
    }

    /** The order in which storages were created, counted from 0 at class load. */
    public long serial() {
        return serial;
    }

    public int version() {
        return version;
    }

    /** Called by every in-place write. */
    public void bumpVersion() {
        version++;
    }

    /**
     * The value {@link #keep} stored under an equal key, if no in-place write has happened since;
     * otherwise null. Writes straight into the backing array are not seen, as they are not by
     * autograd's check of saved tensors.
     */
    public Object derived(Object key) {
        int v = version;
        for (Derived d : derived) if (d.version == v && d.key.equals(key)) return d.value;
        return null;
    }

    /**
     * Keeps a value derived from the current contents under {@code key} (for instance a view's
     * offset and strides), replacing what was kept for that key and anything out of date. At
     * most {@value #MAX_DERIVED} are kept; the oldest goes first.
     */
    public void keep(Object key, Object value) {
        int v = version;
        var kept = new ArrayList<Derived>(MAX_DERIVED);
        kept.add(new Derived(key, v, value));
        for (Derived d : derived)
            if (kept.size() < MAX_DERIVED && d.version == v && !d.key.equals(key)) kept.add(d);
        derived = kept.toArray(new Derived[0]);
    }
}
