package dev.jgrad.io;

/** Malformed JSON text; {@link #offset()} is where the parser stopped. */
public class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public JsonException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** Character offset (byte offset for invalid UTF-8) at which the problem was found. */
    public long offset() {
        return offset;
    }
}
