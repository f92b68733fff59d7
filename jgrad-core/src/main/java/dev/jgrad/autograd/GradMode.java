package dev.jgrad.autograd;

/** Per-thread switches: whether operations are recorded, and whether anomaly checks run. */
public final class GradMode {
    private static final ThreadLocal<boolean[]> STATE = ThreadLocal.withInitial(() -> new boolean[] {true, false});

    private GradMode() {}

    public static boolean isEnabled() {
        return STATE.get()[0];
    }

    public static boolean isAnomalyDetection() {
        return STATE.get()[1];
    }

    /** Restores the previous setting when closed; use with try-with-resources. */
    public static Scope set(boolean enabled) {
        return flip(0, enabled);
    }

    public static Scope anomalyDetection(boolean enabled) {
        return flip(1, enabled);
    }

    private static Scope flip(int which, boolean value) {
        boolean[] state = STATE.get();
        boolean previous = state[which];
        state[which] = value;
        return () -> state[which] = previous;
    }

    /** A scope that needs no checked exception on close. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
