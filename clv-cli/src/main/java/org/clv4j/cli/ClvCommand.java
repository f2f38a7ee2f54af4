package org.clv4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code clv} command: customer summaries, historical CLV, model fits and predictions (probabilistic CLV),
 * loyalty metrics (cohorts, retention, NPS, RFM segments), the customer CLV table and a demo, from CSV files.
 *
 * <p>Exit codes: 0 success, 1 bad input data or an I/O error, 2 an invalid command line, 3 a fit that did not
 * converge (its model file is written all the same), 70 an internal error.
 * Errors are one line on stderr, {@code clv <command>: error: <what, where>}; {@code --verbose} adds the stack
 * trace.
 *
 * <p>To add a subcommand: write a {@code @Command} class implementing {@code Callable<Integer>} with
 * {@code @Mixin TransactionOptions} (reading transactions) and {@code @Mixin OutputOptions} (writing CSV), and list
 * it in {@code subcommands} below. Throw {@link IllegalArgumentException} for bad input; the handler here prints
 * it.
 */
@Command(name = "clv", mixinStandardHelpOptions = true, versionProvider = ClvCommand.Version.class,
        usageHelpAutoWidth = true, sortOptions = false,
        description = "Customer lifetime value and loyalty metrics from transaction CSV files.",
        subcommands = {SummaryCommand.class, HistoricalCommand.class, FitCommand.class, PredictCommand.class,
                CohortCommand.class, RetentionCommand.class, NpsCommand.class, SegmentCommand.class,
                TableCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 bad input or I/O error, 2 invalid command line, 3 fit did not converge "
                + "(model file written), 70 internal error.",
                "Run 'clv demo' for a tour on the bundled CDNOW sample."})
public final class ClvCommand implements Callable<Integer> {

    /** Exit code for bad input data or an I/O error. */
    public static final int EXIT_INPUT = 1;
    /** Exit code for an invalid command line. */
    public static final int EXIT_USAGE = 2;
    /** Exit code of {@code clv fit} when the fit did not converge; the model file is written all the same. */
    public static final int EXIT_NOT_CONVERGED = 3;
    /** Exit code for an internal error (a bug). */
    public static final int EXIT_INTERNAL = 70;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On error, also print the stack trace.")
    boolean verbose;

    /**
     * The command line with clv's error handling; used by {@link #main} and by tests, which set its out and err.
     *
     * @return a new command line
     */
    public static CommandLine newCommandLine() {
        CommandLine cmd = new CommandLine(new ClvCommand());
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        cmd.setParameterExceptionHandler(new UsageErrorHandler());
        return cmd;
    }

    /**
     * Runs {@code clv} and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String... args) {
        System.exit(newCommandLine().execute(args));
    }

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        cmd.usage(cmd.getErr());
        return EXIT_USAGE;
    }

    /** The version from the jar manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ClvCommand.class.getPackage().getImplementationVersion();
            return new String[] {"clv " + (version == null ? "(development build)" : version)};
        }
    }

    static boolean verbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** Turns exceptions from a subcommand into one line on stderr and an exit code. */
    static final class ErrorHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            String command = cmd.getCommandSpec().qualifiedName();
            if (verbose(parseResult)) {
                ex.printStackTrace(err);
            }
            Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
            int code;
            if (cause instanceof IOException) {
                err.println(command + ": error: " + describe((IOException) cause));
                code = EXIT_INPUT;
            } else if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                err.println(command + ": error: " + oneLine(cause.getMessage()));
                code = EXIT_INPUT;
            } else {
                err.println(command + ": internal error: " + oneLine(String.valueOf(cause))
                        + (verbose(parseResult) ? "" : " (run with --verbose for the stack trace)"));
                code = EXIT_INTERNAL;
            }
            err.flush();
            return code;
        }

        private static String describe(IOException e) {
            if (e instanceof NoSuchFileException) {
                NoSuchFileException missing = (NoSuchFileException) e;
                return missing.getReason() != null ? missing.getFile() + ": " + missing.getReason()
                        : "no such file: " + missing.getFile();
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied: " + ((AccessDeniedException) e).getFile();
            }
            if (e instanceof FileSystemException) {
                return oneLine(e.getMessage());
            }
            return "I/O error: " + oneLine(e.getMessage());
        }
    }

    /** Prints a command-line error as one line with a pointer to the help. */
    static final class UsageErrorHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            String command = cmd.getCommandSpec().qualifiedName();
            PrintWriter err = cmd.getErr();
            String suggestion = "";
            if (ex instanceof UnmatchedArgumentException) {
                List<String> similar = ((UnmatchedArgumentException) ex).getSuggestions();
                if (!similar.isEmpty()) {
                    suggestion = " Did you mean " + String.join(" or ", similar) + "?";
                }
            }
            err.println(command + ": " + oneLine(ex.getMessage()) + (suggestion.isEmpty() ? "" : ".") + suggestion
                    + " (see '" + command + " --help')");
            err.flush();
            return EXIT_USAGE;
        }
    }
}
