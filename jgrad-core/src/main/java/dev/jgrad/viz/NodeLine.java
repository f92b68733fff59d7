package dev.jgrad.viz;

import java.util.Objects;

/** One line of text inside a node box, with the role that decides its font and colour. */
public record NodeLine(String text, Role role) {

    public enum Role {
        /** The node's label, e.g. "mul". */
        LABEL,
        /** Its shape, e.g. "[2, 3]". */
        SHAPE,
        /** Forward value, drawn in the "values forward" colour. */
        VALUE,
        /** Gradient, drawn in the "gradients backward" colour. */
        GRAD
    }

    public NodeLine {
        Objects.requireNonNull(text, "NodeLine: text is null");
        Objects.requireNonNull(role, "NodeLine: role is null");
    }
}
