package dev.selfreg.cli;

import dev.selfreg.host.AtChannel;
import dev.selfreg.host.AtChannelException;
import dev.selfreg.host.AtResult;
import dev.selfreg.host.Bc260yDriver;
import dev.selfreg.host.ChannelClosedException;
import dev.selfreg.host.FinalResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code selfreg at}: AT commands to a module, one-shot from the command line or in an
 * interactive console (line editing and history on a terminal, one command per line from a pipe).
 */
@Command(name = "at", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send AT commands to a module and print its answers.",
                "With COMMANDs: sends each in turn (stopping at the first that fails), prints the answer lines and the final result.",
                "Without: an interactive console (line editing, history in ~/.selfreg/at_history); unsolicited lines (RDY, +CEREG: ...) show as they come.",
                "From a pipe, one command per line. Type exit or press Ctrl-D to leave. The module's echo is never shown."},
        exitCodeListHeading = "%nExit codes (one-shot; the console exits 0, or 3 when the port is lost):%n",
        exitCodeList = {"0:The module answered OK.", HostCommand.EXIT_ERROR_RESULT, HostCommand.EXIT_NO_ANSWER,
                HostCommand.EXIT_PORT, HostCommand.EXIT_USAGE, ExitCodes.LINE_INTERNAL})
final class AtConsoleCommand extends HostCommand {

    private static final String PROMPT = "AT> ";

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "AT command lines, e.g. 'AT+QDMPCFG?' (quote them for the shell).")
    List<String> commands;

    @Option(names = "--listen", paramLabel = "MS", defaultValue = "0",
            description = "With COMMANDs: print the module's unsolicited lines (+CEREG: 1, +IP: ..., +QNBIOTEVENT: ...) on standard output as they come, and keep the port open MS milliseconds after the last command for those that come later (default: ${DEFAULT-VALUE}, not listening).")
    long listenMillis;

    @Override
    int run(Bc260yDriver driver) throws Exception {
        AtChannel channel = driver.channel();
        if (commands != null && !commands.isEmpty()) {
            return oneShot(channel);
        }
        return System.console() != null ? terminal(channel) : piped(channel);
    }

    @Override
    void prepare() {
        if (listenMillis < 0) {
            throw new ParameterException(spec.commandLine(), "--listen must be 0 or more: " + listenMillis);
        }
    }

    /** One-shot: with --listen on standard output, with --verbose on stderr; the consoles subscribe in their own way. */
    @Override
    void listen(AtChannel channel) {
        if (commands == null || commands.isEmpty()) {
            return;
        }
        PrintWriter out = out();
        if (listenMillis > 0) {
            channel.addUrcListener(line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            });
        } else if (host.verbose) {
            channel.addUrcListener(line -> err().println("unsolicited: " + line));
        }
    }

    private int oneShot(AtChannel channel) throws InterruptedException {
        PrintWriter out = out();
        for (String command : commands) {
            AtResult result = channel.send(command);
            synchronized (out) {
                print(result, out);
            }
            if (!result.isOk()) {
                return ERROR_RESULT;
            }
        }
        // a real port's later lines: the wait is the person's, in wall time
        Thread.sleep(listenMillis);
        return OK;
    }

    /** A person at a terminal: JLine for editing and history; unsolicited lines printed above the prompt. */
    private int terminal(AtChannel channel) throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".selfreg", "at_history"))
                    .build();
            channel.addUrcListener(reader::printAbove);
            PrintWriter out = terminal.writer();
            out.println("Connected to " + channel.description() + ". Type AT commands; exit or Ctrl-D to leave.");
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return OK;
                }
                if (!handle(channel, line, out)) {
                    return OK;
                }
            }
        } catch (ChannelClosedException e) {
            return fail(e);
        }
    }

    /** Commands from a pipe, one a line; unsolicited lines printed as they come. */
    private int piped(AtChannel channel) throws Exception {
        PrintWriter out = out();
        channel.addUrcListener(line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (!handle(channel, line, out)) {
                    break;
                }
            }
        } catch (ChannelClosedException e) {
            return fail(e);
        }
        return OK;
    }

    /** Sends one typed line and prints the answer; false when the person asked to leave. */
    private boolean handle(AtChannel channel, String typed, PrintWriter out) {
        String line = typed.strip();
        if (line.isEmpty()) {
            return true;
        }
        if (line.equalsIgnoreCase("exit") || line.equalsIgnoreCase("quit")) {
            return false;
        }
        try {
            AtResult result = channel.send(line);
            synchronized (out) {
                print(result, out);
            }
        } catch (ChannelClosedException e) {
            throw e;
        } catch (AtChannelException e) {
            // A command without an answer does not end the session: the next one may get one.
            synchronized (out) {
                out.println("(" + e.getMessage() + ")");
                out.flush();
            }
        }
        return true;
    }

    private static void print(AtResult result, PrintWriter out) {
        result.lines().forEach(out::println);
        out.println(finalLine(result.result()));
        out.flush();
    }

    private static String finalLine(FinalResult result) {
        if (!styled()) {
            return result.line();
        }
        return (result.isOk() ? "\u001B[32m" : "\u001B[1;31m") + result.line() + "\u001B[0m";
    }
}
