package dev.jgrad.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code jgrad} command. Exit codes: 0 success, 2 bad input or usage (the message names the
 * file or option and the problem), 1 internal error.
 */
@Command(name = "jgrad", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Differentiable programming and neural networks in pure Java.",
        subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, GradcheckCommand.class,
                InfoCommand.class, GraphCommand.class, DiffCommand.class, ExampleCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    @Spec
    private CommandSpec spec;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;

    private Main(PrintWriter out, PrintWriter err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Terminal.isInteractive()));
    }

    /** Runs one command line in this JVM, as a non-interactive session; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean interactive) {
        var outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        var errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        var main = new Main(outWriter, errWriter, interactive);
        var commandLine = new CommandLine(main)
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler((e, cl, parsed) -> failure(e, errWriter));
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Without a subcommand: the overview, as a usage error so that scripts notice. */
    @Override
    public void run() {
        spec.commandLine().usage(err);
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. 'jgrad train'");
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** True when stdout is a terminal: progress bars are redrawn in place. */
    boolean interactive() {
        return interactive;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        var cl = e.getCommandLine();
        var err = cl.getErr();
        err.println("jgrad: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err))
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return BAD_INPUT;
    }

    private static int failure(Exception e, PrintWriter err) {
        String message = badInputMessage(e);
        if (message != null) {
            err.println("jgrad: " + message);
            err.flush();
            return BAD_INPUT;
        }
        err.println("jgrad: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    /** The message of an input problem, or null for a failure of jgrad itself. */
    private static String badInputMessage(Throwable e) {
        if (e instanceof BadInputException) return e.getMessage();
        if (e instanceof UncheckedIOException u) return ioMessage(u.getCause());
        if (e instanceof IOException io) return ioMessage(io);
        return null;
    }

    private static String ioMessage(IOException e) {
        // the JDK's own messages for missing files are just the path: say what happened
        if (e instanceof NoSuchFileException n)
            return n.getFile() + ": " + (n.getReason() != null ? n.getReason() : "no such file");
        if (e instanceof AccessDeniedException a) return a.getFile() + ": permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null)
            return f.getFile() + ": " + f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
