package dev.selfreg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code selfreg} command: the lab, the emulated module and the host tools. */
@Command(name = "selfreg", mixinStandardHelpOptions = true, version = "selfreg 0.1.0",
        description = "Carrier self-registration toolkit and lab for the Quectel BC260Y-CN.",
        subcommands = {PlatformCommand.class, ModuleCommand.class, ScenarioCommand.class, DemoCommand.class, FleetCommand.class,
                AtConsoleCommand.class, StatusCommand.class, ProvisionCommand.class, CommandLine.HelpCommand.class})
public final class Selfreg {

    /** Exit code when a command could not run (a port in use, a store that cannot be opened). */
    static final int CANNOT_RUN = 70;
    /** Set to print the stack trace of a command that could not run. */
    static final String TRACE_VARIABLE = "SELFREG_TRACE";

    public static void main(String[] args) {
        CommandLine selfreg = new CommandLine(new Selfreg());
        selfreg.setExecutionExceptionHandler((failure, command, parsed) -> {
            Throwable cause = failure;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String top = failure.getMessage() != null ? failure.getMessage() : failure.toString();
            String root = cause == failure || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
            command.getErr().println("selfreg " + command.getCommandName() + ": " + top + root);
            if (System.getenv(TRACE_VARIABLE) != null) {
                failure.printStackTrace(command.getErr());
            } else {
                command.getErr().println("(set " + TRACE_VARIABLE + "=1 for the stack trace)");
            }
            return CANNOT_RUN;
        });
        System.exit(selfreg.execute(args));
    }
}
