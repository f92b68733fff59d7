package dev.jgrad.cli;

/** A problem with what the user gave (a file, an option value): exit code 2, message only. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }

    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
