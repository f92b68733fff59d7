package dev.jgrad.cli;

import java.io.Console;

/** Whether the standard streams belong to a person at a terminal. */
final class Terminal {
    private Terminal() {}

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) return false;
        // From JDK 22 on System.console() may exist with redirected streams; isTerminal() (not in
        // the Java 17 API this is compiled against) then tells the difference.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
