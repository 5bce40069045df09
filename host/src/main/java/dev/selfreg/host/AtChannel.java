package dev.selfreg.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The host end of a module's AT interface, after Android reference-ril's atchannel: one reader
 * thread splits the byte stream into lines; while a command is outstanding (one at a time)
 * each line is its echo (dropped), its final result, an information line of the kind its
 * {@link AtRequest.Answer} admits, or unsolicited; unsolicited lines go to {@link UrcListener}s
 * on a dispatch thread of their own.
 *
 * <p>Echo on or off makes no difference: a line equal to the command before any information
 * line is the echo. A command that gets no answer within its timeout fails with
 * {@link AtTimeoutException}, unless {@link AtChannelOptions#retryAfterSilence()} sends
 * {@code AT} and the command once more first.
 */
public final class AtChannel implements AutoCloseable {

    private final AtTransport transport;
    private final AtChannelOptions options;
    private final Object lock = new Object();
    private final Object sending = new Object();
    private final List<UrcListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatch;
    private final Thread reader;
    /** The reader thread's: which of the lines read are unsolicited, the boot's by their order. */
    private final UnsolicitedLines.Sequence unsolicited = new UnsolicitedLines.Sequence();
    /** The command waiting for its final result; guarded by {@link #lock}. */
    private Pending pending;
    /** Why the port ended, once it has; guarded by {@link #lock}. */
    private String ended;

    private AtChannel(AtTransport transport, AtChannelOptions options) {
        this.transport = transport;
        this.options = options;
        String name = "at " + transport.description();
        this.dispatch = Executors.newSingleThreadExecutor(task -> daemon(task, name + " urc"));
        this.reader = daemon(this::readLoop, name + " reader");
    }

    /** Starts reading {@code transport}; the channel owns it from now on. */
    public static AtChannel open(AtTransport transport, AtChannelOptions options) {
        AtChannel channel = new AtChannel(transport, options);
        channel.reader.start();
        return channel;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The port, as a person reads it. */
    public String description() {
        return transport.description();
    }

    public void addUrcListener(UrcListener listener) {
        listeners.add(listener);
    }

    public void removeUrcListener(UrcListener listener) {
        listeners.remove(listener);
    }

    /**
     * The next unsolicited line that matches, from now on. Register it before the command that
     * provokes the line (e.g. {@code RDY} after {@code AT+QRST=1}), so it cannot be missed;
     * cancelling the future stops listening.
     */
    public CompletableFuture<String> nextUnsolicited(Predicate<String> matching) {
        CompletableFuture<String> next = new CompletableFuture<>();
        UrcListener listener = line -> {
            if (matching.test(line)) {
                next.complete(line);
            }
        };
        addUrcListener(listener);
        next.whenComplete((line, failure) -> removeUrcListener(listener));
        return next;
    }

    /**
     * Sends {@code command} as a person typed it ({@link AtRequest#typed}) and returns its
     * answer, whatever the final result.
     */
    public AtResult send(String command) {
        return send(AtRequest.typed(command));
    }

    /**
     * Sends the request and returns its answer, whatever the final result; {@link
     * AtResult#orThrow()} turns an error result into an exception.
     *
     * @throws AtTimeoutException     no final result in time (after the retry, when enabled)
     * @throws ChannelClosedException the port ended
     */
    public AtResult send(AtRequest request) {
        Duration timeout = request.timeout().orElse(options.commandTimeout());
        synchronized (sending) {
            try {
                return exchange(request, timeout);
            } catch (AtTimeoutException silence) {
                if (!options.retryAfterSilence()) {
                    throw silence;
                }
            }
            try {
                exchange(AtRequest.withoutLines("AT"), timeout);
                return exchange(request, timeout);
            } catch (AtTimeoutException stillSilent) {
                throw new AtTimeoutException(request.shown(), "no answer to " + request.shown() + " (nor to a retry after AT)",
                        timeout, redacted(stillSilent.heard(), request));
            }
        }
    }

    /** A late echo of a command that carries a secret shows as the command is shown. */
    private static List<String> redacted(List<String> heard, AtRequest request) {
        return heard.stream().map(line -> line.replace(request.command(), request.shown())).toList();
    }

    private AtResult exchange(AtRequest request, Duration timeout) {
        Pending waiting = new Pending(request);
        synchronized (lock) {
            if (ended != null) {
                throw new ChannelClosedException(request.shown(), "cannot send " + request.shown() + ": " + ended, null);
            }
            pending = waiting;
        }
        try {
            transport.write((request.command() + "\r").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            synchronized (lock) {
                pending = null;
            }
            throw new ChannelClosedException(request.shown(), "sending " + request.shown() + " failed: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            try {
                while (waiting.result == null && ended == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AtTimeoutException(request.shown(), "no answer to " + request.shown(), timeout,
                                redacted(waiting.heard, request));
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AtChannelException(request.shown(), "interrupted waiting for the answer to " + request.shown(), e);
            } finally {
                pending = null;
            }
            if (waiting.result == null) {
                throw new ChannelClosedException(request.shown(), "no answer to " + request.shown() + ": " + ended, null);
            }
            return new AtResult(request.shown(), waiting.lines, waiting.result);
        }
    }

    private void readLoop() {
        AtLineSplitter splitter = new AtLineSplitter(this::onLine);
        byte[] buffer = new byte[1024];
        String why = "the port closed";
        try {
            int n;
            while ((n = transport.read(buffer)) >= 0) {
                splitter.accept(buffer, 0, n);
            }
        } catch (IOException e) {
            why = "the port failed: " + e.getMessage();
        } finally {
            synchronized (lock) {
                ended = why;
                lock.notifyAll();
            }
        }
    }

    /** Matches one line against the outstanding command; what is not its answer is unsolicited. */
    private void onLine(String line) {
        boolean known = unsolicited.isUnsolicited(line);
        synchronized (lock) {
            Pending waiting = pending;
            if (waiting != null && waiting.result == null && waiting.takes(line, known)) {
                if (waiting.result != null) {
                    lock.notifyAll();
                }
                return;
            }
            if (waiting != null) {
                waiting.heard.add(line);
            }
        }
        // the listeners of the moment the line was read: one added later never gets an older line
        List<UrcListener> receivers = List.copyOf(listeners);
        dispatch.execute(() -> {
            for (UrcListener listener : receivers) {
                listener.unsolicited(line);
            }
        });
    }

    /** Closes the port; a command in flight fails with {@link ChannelClosedException}. */
    @Override
    public void close() {
        transport.close();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatch.shutdown();
    }

    /** A command waiting for its answer. */
    private static final class Pending {
        final AtRequest request;
        final List<String> lines = new ArrayList<>();
        /** Every line but the echo and the final result, for a timeout to report. */
        final List<String> heard = new ArrayList<>();
        boolean echoSeen;
        FinalResult result;

        Pending(AtRequest request) {
            this.request = request;
        }

        /** Takes the line if it belongs to this command's answer (echo, information, final). */
        boolean takes(String line, boolean knownUnsolicited) {
            if (!echoSeen && lines.isEmpty() && line.equals(request.command())) {
                echoSeen = true;
                return true;
            }
            if (knownUnsolicited) {
                return false;
            }
            var last = FinalResult.parse(line);
            if (last.isPresent()) {
                result = last.get();
                return true;
            }
            if (request.admits(line, lines.size())) {
                lines.add(line);
                heard.add(line);
                return true;
            }
            return false;
        }
    }
}
