package dev.selfreg.cli;

/**
 * The one table of exit codes every {@code selfreg} command follows, sysexits-style where a
 * sysexits code fits. The lines are picocli exit-code list entries ({@code "code:meaning"}),
 * so every {@code --help} lists the codes its command can end with.
 *
 * <p>1 to 5 say what a run found (an outcome not met; for the host commands which way the
 * module failed); 64 and up say that it could not run as asked.
 */
final class ExitCodes {

    static final int OK = 0;
    /** An expected outcome did not happen (a scenario step, the demo's or a fleet's checks). */
    static final int OUTCOME_NOT_MET = 1;
    /** A wrong option, option value or input file (EX_USAGE). */
    static final int USAGE = 64;
    /** An input file damaged part way: what was read before the damage was still judged (EX_DATAERR). */
    static final int DATA = 65;
    /** A resource the command needs is taken or out of reach: a port, an NVRAM directory, the store (EX_UNAVAILABLE). */
    static final int UNAVAILABLE = 69;
    /** A bug in selfreg (EX_SOFTWARE); the message says how to get the stack trace. */
    static final int INTERNAL = 70;

    static final String HEADING = "%nExit codes:%n";
    static final String LINE_OK = "0:Success.";
    static final String LINE_USAGE = "64:A wrong option, option value or input file (one line says which).";
    static final String LINE_UNAVAILABLE = "69:Cannot start: a port in use, the NVRAM directory held, the store out of reach"
            + " (one line names it).";
    static final String LINE_INTERNAL = "70:An internal error (a bug; SELFREG_TRACE=1 shows the stack trace).";
    static final String LINE_SIGNAL = "130:Stopped with Ctrl-C (143 with SIGTERM), after closing cleanly.";

    private ExitCodes() {
    }
}
