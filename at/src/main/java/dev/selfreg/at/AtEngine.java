package dev.selfreg.at;

import dev.selfreg.vocabulary.CmeError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terminal adapter: bytes from the host in, bytes to the host out. It echoes input while
 * echo is on ({@code ATE1}), frames lines, dispatches them to the {@link AtCommandSet} and
 * writes every response line as {@code <CR><LF>text<CR><LF>}, ending each command with exactly
 * one final result code. It owns the V.25ter settings itself ({@code AT}, {@code ATE},
 * {@code AT+CMEE}); everything else comes from the command set. Not thread-safe: the owner
 * serialises calls, as a module's single AT task does.
 *
 * @param <C> what the commands act on
 */
public final class AtEngine<C> {

    /** Where the engine's bytes go (the UART towards the host). */
    @FunctionalInterface
    public interface Output {
        void write(byte[] bytes);
    }

    /** Sees every command and its outcome, for logs and diagnostics. */
    @FunctionalInterface
    public interface Trace {
        /** {@code reason} says why a command failed; null when it succeeded. */
        void exchanged(String line, AtResponse response, String reason);
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private final AtCommandSet<C> commands;
    private final C context;
    private final Output output;
    private final AtLineReader reader;
    private final Map<String, AtCommand<Object>> builtIns;
    private final ByteArrayOutputStream pendingEcho = new ByteArrayOutputStream();
    private Trace trace = (line, response, reason) -> { };
    private boolean echo = true;
    private long internalErrors;
    private int errorMode;

    public AtEngine(AtCommandSet<C> commands, C context, Output output) {
        this.commands = commands;
        this.context = context;
        this.output = output;
        this.reader = new AtLineReader(new AtLineReader.Listener() {
            @Override
            public void line(String body) {
                respond(body, outcome(body));
            }

            @Override
            public void overflow() {
                respond("<over-long line>", Outcome.failed(null, "line longer than "
                        + AtLineReader.MAX_LINE_BYTES + " bytes"));
            }
        });
        this.builtIns = Map.of("", new Attention(), "E", new Echo(), "+CMEE", new ErrorReporting());
    }

    public void setTrace(Trace trace) {
        this.trace = trace;
    }

    /** Feeds bytes from the host. */
    public void receive(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (echo) {
                pendingEcho.write(data[i]);
            }
            reader.accept(data[i]);
        }
        flushEcho();
    }

    /** Echoed bytes go out before the response to the line they end, in one write. */
    private void flushEcho() {
        if (pendingEcho.size() > 0) {
            output.write(pendingEcho.toByteArray());
            pendingEcho.reset();
        }
    }

    public void receive(byte[] data) {
        receive(data, 0, data.length);
    }

    /** Sends an unsolicited result code ({@code RDY}, {@code +QATWAKEUP}, ...). */
    public void urc(String line) {
        flushEcho();
        output.write(frame(List.of(line)));
    }

    /** Back to power-on defaults: echo on, {@code AT+CMEE=0}, no partial line. */
    public void reset() {
        restoreSettings();
        reader.reset();
        pendingEcho.reset();
    }

    /**
     * The V.25ter settings back to their power-on values, echo on and {@code AT+CMEE=0}, the
     * line being read untouched (what {@code ATZ} and {@code AT&F} do).
     */
    public void restoreSettings() {
        echo = true;
        errorMode = 0;
    }

    public boolean echo() {
        return echo;
    }

    /**
     * The names of the commands the engine answers itself, as {@link AtCommand#name()} spells
     * them: {@code ""} ({@code AT}), {@code E}, {@code +CMEE}.
     */
    public Set<String> builtInNames() {
        return builtIns.keySet();
    }

    /**
     * How many commands failed with an unexpected exception (a bug, answered with a plain
     * {@code ERROR} so the host can go on); the trace says which and why.
     */
    public long internalErrors() {
        return internalErrors;
    }

    /**
     * Parses and runs one command line ({@code body} is what follows {@code AT}, a chain of
     * commands separated by {@code ;} included) without touching the byte stream; the response
     * says what the host would see.
     */
    public AtResponse dispatch(String body) {
        return outcome(body).response();
    }

    /** A response, and why it failed (null when it did not). */
    private record Outcome(AtResponse response, String reason) {
        static Outcome failed(CmeError error, String reason) {
            return new Outcome(AtResponse.error(error), reason);
        }
    }

    /**
     * The answer to a whole line: one command, or several separated by {@code ;} outside quotes
     * (V.25ter §5.2.1, at-commands.md §1). A chain runs its commands in order; their
     * information lines go out in order, their {@code OK}s are folded into one final result, and
     * the first that fails ends the chain with its error (the commands after it are not run).
     */
    private Outcome outcome(String body) {
        List<String> commands = splitChain(body);
        if (commands.size() > 1 && commands.get(commands.size() - 1).isBlank()) {
            // a ';' may end the line, as V.25ter allows after any command
            commands = commands.subList(0, commands.size() - 1);
        }
        if (commands.size() == 1) {
            return command(commands.get(0));
        }
        Outcome chain = null;
        for (String next : commands) {
            Outcome piece = next.isBlank() ? Outcome.failed(null, "empty command") : command(next);
            String reason = piece.reason() == null ? null : "in " + next.strip() + ": " + piece.reason();
            chain = chain == null ? new Outcome(piece.response(), reason)
                    : new Outcome(chain.response().followedBy(piece.response()), reason);
            if (!piece.response().isOk()) {
                break;
            }
        }
        return chain;
    }

    /** {@code body} cut at every {@code ;} that is not inside double quotes. */
    private static List<String> splitChain(String body) {
        List<String> commands = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                commands.add(body.substring(start, i));
                start = i + 1;
            }
        }
        commands.add(body.substring(start));
        return commands;
    }

    private Outcome command(String body) {
        AtCommandLine line;
        try {
            line = AtCommandLine.parse(body);
        } catch (AtSyntaxException e) {
            return Outcome.failed(null, e.getMessage());
        }
        AtCommand<? super C> command = builtIns.get(line.name());
        if (command == null) {
            command = commands.find(line.name());
        }
        if (command == null) {
            return Outcome.failed(null, "unknown command " + line.name());
        }
        try {
            AtResponse response = run(command, line);
            return new Outcome(response, null);
        } catch (AtException e) {
            return Outcome.failed(e.error(), e.getMessage());
        } catch (RuntimeException e) {
            internalErrors++;
            return Outcome.failed(null, "internal error: " + e);
        }
    }

    private AtResponse run(AtCommand<? super C> command, AtCommandLine line) {
        return switch (line.form()) {
            case TEST -> command.test(context);
            case QUERY -> command.query(context);
            case EXECUTE -> command.execute(context);
            case SET -> {
                Signature signature = command.signature();
                if (signature == null) {
                    throw AtException.notSupported(line.name() + "= not supported");
                }
                yield command.set(context, signature.bind(line.args()));
            }
        };
    }

    private void respond(String body, Outcome outcome) {
        AtResponse response = outcome.response();
        flushEcho();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        bytes.writeBytes(frame(response.lines()));
        bytes.writeBytes(frame(List.of(finalResult(response))));
        output.write(bytes.toByteArray());
        trace.exchanged(body, response, outcome.reason());
        response.after().run();
    }

    private String finalResult(AtResponse response) {
        if (response.isOk()) {
            return "OK";
        }
        CmeError error = response.error();
        if (error == null || errorMode == 0) {
            return "ERROR";
        }
        return errorMode == 1 ? error.numericLine() : error.verboseLine();
    }

    private static byte[] frame(List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : lines) {
            bytes.writeBytes(CRLF);
            bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(CRLF);
        }
        return bytes.toByteArray();
    }

    /** {@code AT}: are you there. */
    private final class Attention extends AtCommand<Object> {
        Attention() {
            super("");
        }

        @Override
        public AtResponse execute(Object context) {
            return AtResponse.ok();
        }
    }

    /** {@code ATE0} / {@code ATE1}; a bare {@code ATE} is {@code ATE0} (V.25ter 6.2.4). */
    private final class Echo extends AtCommand<Object> {
        private final Signature signature = Signature.of(Param.integer("echo", 0, 1));

        Echo() {
            super("E");
        }

        @Override
        public Signature signature() {
            return signature;
        }

        @Override
        public AtResponse set(Object context, Args args) {
            echo = args.integer("echo") == 1;
            return AtResponse.ok();
        }

        @Override
        public AtResponse execute(Object context) {
            echo = false;
            return AtResponse.ok();
        }
    }

    /** {@code AT+CMEE}: 0 plain ERROR, 1 numeric, 2 verbose +CME ERROR (TS 27.007 §9.1). */
    private final class ErrorReporting extends AtCommand<Object> {
        private final Signature signature = Signature.of(Param.integer("n", 0, 2));

        ErrorReporting() {
            super("+CMEE");
        }

        @Override
        public Signature signature() {
            return signature;
        }

        @Override
        public AtResponse set(Object context, Args args) {
            errorMode = args.integer("n");
            return AtResponse.ok();
        }

        @Override
        public AtResponse query(Object context) {
            return AtResponse.ok("+CMEE: " + errorMode);
        }

        @Override
        public AtResponse test(Object context) {
            return testFromSignature();
        }
    }
}
