package dev.jgrad.optim;

/**
 * The learning rate as a function of the step (or epoch) number, scaling a base rate:
 * {@code optimizer.setLearningRate(schedule.at(baseLr, epoch))}. Steps count from 0.
 */
public sealed interface LearningRateSchedule {

    /** The learning rate at {@code step} for a schedule starting from {@code baseLr}. */
    double at(double baseLr, long step);

    /** Sets the optimizer's learning rate for {@code step}. */
    default void apply(Optimizer optimizer, double baseLr, long step) {
        optimizer.setLearningRate(at(baseLr, step));
    }

    static LearningRateSchedule constant() {
        return new Constant();
    }

    /** baseLr * gamma^floor(step / stepSize), as PyTorch's StepLR. */
    static LearningRateSchedule step(long stepSize, double gamma) {
        return new StepDecay(stepSize, gamma);
    }

    /** Cosine annealing from baseLr down to {@code min} at step {@code total}, then {@code min}. */
    static LearningRateSchedule cosine(long total, double min) {
        return new Cosine(total, min);
    }

    /** A linear ramp baseLr * (step + 1) / steps over {@code steps} steps, then {@code then} from its step 0. */
    static LearningRateSchedule warmup(long steps, LearningRateSchedule then) {
        return new Warmup(steps, then);
    }

    record Constant() implements LearningRateSchedule {
        @Override
        public double at(double baseLr, long step) {
            return baseLr;
        }
    }

    record StepDecay(long stepSize, double gamma) implements LearningRateSchedule {
        public StepDecay {
            if (stepSize <= 0) throw new IllegalArgumentException("step schedule: step size must be positive, got " + stepSize);
            if (!(gamma > 0) || Double.isInfinite(gamma)) throw new IllegalArgumentException("step schedule: gamma must be finite and > 0, got " + gamma);
        }

        @Override
        public double at(double baseLr, long step) {
            return baseLr * Math.pow(gamma, Math.floorDiv(Math.max(step, 0), stepSize));
        }
    }

    record Cosine(long total, double min) implements LearningRateSchedule {
        public Cosine {
            if (total <= 0) throw new IllegalArgumentException("cosine schedule: total must be positive, got " + total);
            if (!(min >= 0) || Double.isInfinite(min)) throw new IllegalArgumentException("cosine schedule: min must be finite and >= 0, got " + min);
        }

        @Override
        public double at(double baseLr, long step) {
            double t = Math.min(Math.max(step, 0), total);
            return min + (baseLr - min) * (1 + Math.cos(Math.PI * t / total)) / 2;
        }
    }

    record Warmup(long steps, LearningRateSchedule then) implements LearningRateSchedule {
        public Warmup {
            if (steps < 0) throw new IllegalArgumentException("warm-up: steps must be >= 0, got " + steps);
            if (then == null) throw new IllegalArgumentException("warm-up: the schedule after the warm-up is null");
        }

        @Override
        public double at(double baseLr, long step) {
            return step < steps ? baseLr * (Math.max(step, 0) + 1) / steps : then.at(baseLr, step - steps);
        }
    }
}
