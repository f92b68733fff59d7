package dev.jgrad.symbolic;

import java.io.Serial;

/**
 * A value could not be computed: outside a function's domain, a division by zero, an overflow.
 * An {@link Expression.Algebra} throws it with just the problem; folding adds the sub-expression
 * where it happened and {@link Expression#evaluate} the point, giving messages such as
 * {@code log of a negative number (-2) in log(x - 3) at x=1}.
 */
public final class EvaluationException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String location;
    private final String point;

    public EvaluationException(String problem) {
        this(problem, null, null);
    }

    private EvaluationException(String problem, String location, String point) {
        super(problem + (location == null ? "" : " in " + location) + (point == null ? "" : " at " + point));
        this.problem = problem;
        this.location = location;
        this.point = point;
    }

    /** What went wrong, without location, e.g. "division by zero". */
    public String problem() {
        return problem;
    }

    /** The innermost sub-expression that failed, as text, or null when not known yet. */
    public String location() {
        return location;
    }

    EvaluationException locatedIn(Expr node) {
        return location != null ? this : new EvaluationException(problem, TextPrinter.print(node), point);
    }

    EvaluationException at(String pointText) {
        return point != null || pointText.isEmpty() ? this : new EvaluationException(problem, location, pointText);
    }
}
