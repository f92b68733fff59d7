package dev.jgrad.symbolic;

import java.io.Serial;

/**
 * The text is not a valid expression. The message names the problem and its column and shows
 * the input with a caret under the offending character:
 * <pre>
 * expected ')' at column 7: found end of input
 * (x + 1
 *       ^
 * </pre>
 */
public final class ParseException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int column;
    private final String problem;

    /**
     * @param index   0-based position of the offending character (input length for the end)
     * @param problem e.g. "expected ')'"
     * @param detail  e.g. "found end of input", or empty
     */
    ParseException(String input, int index, String problem, String detail) {
        super(problem + " at column " + (index + 1) + (detail.isEmpty() ? "" : ": " + detail)
                + "\n" + oneLine(input) + "\n" + " ".repeat(index) + "^");
        this.input = input;
        this.column = index + 1;
        this.problem = problem;
    }

    /** Tabs and line breaks as spaces, so that the caret stays under its character. */
    private static String oneLine(String input) {
        return input.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    public String input() {
        return input;
    }

    /** 1-based column of the offending character. */
    public int column() {
        return column;
    }

    /** The problem without position, e.g. "expected ')'". */
    public String problem() {
        return problem;
    }
}
