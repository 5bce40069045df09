package dev.selfreg.cli;

import dev.selfreg.nvram.NvramException;
import dev.selfreg.platform.ListenerUnavailableException;
import dev.selfreg.platform.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code selfreg} command: the lab, the emulated module and the host tools. */
@Command(name = "selfreg", mixinStandardHelpOptions = true, version = "selfreg 0.1.0",
        description = "Carrier self-registration toolkit and lab for the Quectel BC260Y-CN.",
        subcommands = {PlatformCommand.class, ModuleCommand.class, ScenarioCommand.class, DemoCommand.class, FleetCommand.class,
                AtConsoleCommand.class, StatusCommand.class, ProvisionCommand.class, ChecksCommand.class, CheckCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.LINE_OK, ExitCodes.LINE_USAGE, ExitCodes.LINE_UNAVAILABLE, ExitCodes.LINE_INTERNAL})
public final class Selfreg {

    /** Set to print the stack trace of a command that could not run. */
    static final String TRACE_VARIABLE = "SELFREG_TRACE";

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@code selfreg} with the exit-code convention of {@link ExitCodes} applied to every command. */
    static CommandLine commandLine() {
        CommandLine selfreg = new CommandLine(new Selfreg());
        selfreg.setParameterExceptionHandler(Selfreg::usageError);
        selfreg.setExecutionExceptionHandler((failure, command, parsed) -> cannotRun(failure, command));
        HelpText.apply(selfreg);
        return selfreg;
    }

    /** A usage error: the one line that matters and where the help is, not the whole usage text. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        String suggestion = e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()
                ? "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?" : "";
        err.println(name + ": " + e.getMessage() + suggestion + " (see " + name + " --help)");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * A command that could not run: one line naming what, and 69 when a resource it needs is taken
     * or out of reach, 70 (with the way to the stack trace) for anything else, which is a bug.
     */
    private static int cannotRun(Exception failure, CommandLine command) {
        PrintWriter err = command.getErr();
        String prefix = command.getCommandSpec().qualifiedName() + ": ";
        Throwable unavailable = unavailable(failure);
        if (unavailable != null) {
            err.println(prefix + unavailable.getMessage());
        } else {
            Throwable cause = failure;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String top = failure.getMessage() != null ? failure.getMessage() : failure.toString();
            String root = cause == failure || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
            err.println(prefix + "internal error: " + top + root
                    + (System.getenv(TRACE_VARIABLE) == null ? " (set " + TRACE_VARIABLE + "=1 for the stack trace)" : ""));
        }
        if (System.getenv(TRACE_VARIABLE) != null) {
            failure.printStackTrace(err);
        }
        err.flush();
        return unavailable != null ? ExitCodes.UNAVAILABLE : ExitCodes.INTERNAL;
    }

    /** The exception in {@code failure}'s causes that says a resource is taken or out of reach, or null. */
    private static Throwable unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ListenerUnavailableException || t instanceof CannotStartException
                    || t instanceof NvramException || t instanceof StoreException) {
                return t;
            }
        }
        return null;
    }
}
