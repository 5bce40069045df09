package dev.selfreg.cli;

import dev.selfreg.host.AtChannel;
import dev.selfreg.host.AtChannelException;
import dev.selfreg.host.AtCommandException;
import dev.selfreg.host.AtResponseException;
import dev.selfreg.host.AtTimeoutException;
import dev.selfreg.host.Bc260yDriver;
import dev.selfreg.host.ChannelClosedException;
import dev.selfreg.host.PortUnavailableException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a module on a port. Failures end in one line on stderr (the stack
 * trace only with {@code --verbose}) and an exit code that says what kind of failure it was.
 */
abstract class HostCommand implements Callable<Integer> {

    static final int OK = 0;
    /** The module answered ERROR or +CME ERROR. */
    static final int ERROR_RESULT = 1;
    /** The module did not answer in time. */
    static final int NO_ANSWER = 2;
    /** The port could not be opened, or went away. */
    static final int PORT_UNAVAILABLE = 3;
    /** Provisioning read back or ran something other than what it wrote. */
    static final int MISMATCH = 4;
    /** The module answered OK, but not what the command answers. */
    static final int UNEXPECTED_ANSWER = 5;
    /** A wrong option or file (picocli's usage errors, and ours). */
    static final int USAGE = ExitCodes.USAGE;

    static final String EXIT_OK = "0:Success.";
    static final String EXIT_ERROR_RESULT = "1:The module answered ERROR or +CME ERROR (the command is named).";
    static final String EXIT_NO_ANSWER = "2:No answer within --timeout (module off, wrong port or baud rate).";
    static final String EXIT_PORT = "3:The port cannot be opened (no such device, permission, refused) or was lost.";
    static final String EXIT_MISMATCH = "4:A value read back differs from the one written (the command is named).";
    static final String EXIT_UNEXPECTED = "5:The module answered something the command does not answer.";
    static final String EXIT_USAGE = ExitCodes.LINE_USAGE;

    @Spec
    CommandSpec spec;

    @Mixin
    HostOptions host;

    /** Checks options before the port is opened, so a wrong one costs no module traffic. */
    void prepare() {
    }

    /** How long a reboot may take; only provisioning reboots. */
    Duration rebootTimeout() {
        return Bc260yDriver.DEFAULT_REBOOT_TIMEOUT;
    }

    /** Subscribes to unsolicited lines from the start, the handshake's included (a wake-up's); none by default. */
    void listen(AtChannel channel) {
    }

    /** The command's work, with the port open. */
    abstract int run(Bc260yDriver driver) throws Exception;

    @Override
    public final Integer call() throws Exception {
        Bc260yDriver opened;
        try {
            prepare();
            opened = host.open(spec, rebootTimeout());
        } catch (ParameterException e) {
            // Our own checks of option values and files: one line, not the whole usage text.
            err().println("selfreg " + spec.name() + ": " + e.getMessage() + " (see selfreg " + spec.name() + " --help)");
            err().flush();
            return USAGE;
        } catch (AtChannelException e) {
            return fail(e);
        }
        try (Bc260yDriver driver = opened) {
            listen(driver.channel());
            driver.channel().handshake(); // an earlier run's late answer is not this run's
            return run(driver);
        } catch (AtChannelException e) {
            return fail(e);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Colours and box tables on a terminal, plain text when piped (picocli's AUTO detection). */
    static boolean styled() {
        return Ansi.AUTO.enabled();
    }

    /** One line on stderr, naming the command that failed; the exit code for it. */
    int fail(AtChannelException e) {
        String prefix = "selfreg " + spec.name() + ": ";
        int code;
        String message = e.getMessage();
        if (e instanceof PortUnavailableException) {
            code = PORT_UNAVAILABLE;
        } else if (e instanceof ChannelClosedException) {
            code = PORT_UNAVAILABLE;
            message += " (" + host.port + ")";
        } else if (e instanceof AtTimeoutException) {
            code = NO_ANSWER;
            message += " on " + host.port + (host.isTcp()
                    ? " (is the module listening there?)"
                    : " (is the module powered, on this port, at " + host.baud + " baud? see --baud)");
        } else if (e instanceof AtCommandException) {
            code = ERROR_RESULT;
        } else if (e instanceof AtResponseException) {
            code = UNEXPECTED_ANSWER;
        } else {
            code = PORT_UNAVAILABLE;
        }
        err().println(prefix + message);
        if (host.verbose) {
            e.printStackTrace(err());
        }
        err().flush();
        return code;
    }
}
