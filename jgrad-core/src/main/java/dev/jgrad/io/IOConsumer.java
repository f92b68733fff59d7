package dev.jgrad.io;

import java.io.IOException;

/** A consumer that may throw {@link IOException}, for callbacks that write to streams. */
@FunctionalInterface
public interface IOConsumer<T> {

    void accept(T value) throws IOException;
}
