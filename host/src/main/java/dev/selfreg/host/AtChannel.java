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
 * {@link AtTimeoutException}, unless {@link AtChannelOptions#retryAfterSilence()} sends it once
 * more first.
 *
 * <p>A command that timed out may still be answered, late. Before the next line goes out, the
 * channel resynchronises, as reference-ril's handshake drains the unmatched {@code OK}s after its
 * probe: it sends {@code AT} and waits for its final result. The module answers in order, and each
 * command at most once, so the probe's result is the last of them: with one final result for every
 * command that timed out and one for the probe, the channel is in step at once; with fewer (a line
 * was lost), once a final result has been followed by a timeout's silence. What a late answer holds
 * is dropped (a timeout reports it as heard), never taken for a later command's answer; an
 * unsolicited line among it still goes to the listeners. The echo could carry a marker, but it may
 * be off, and a BC260Y-CN has no harmless command that repeats a value of the host's choosing in its
 * answer: so the probe is a plain {@code AT}, and the silence stands in for a marker. Only a module
 * that leaves more than a timeout between two answers could still be misread.
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
    /** The answer or resynchronisation the reader matches lines against; guarded by {@link #lock}. */
    private Awaited pending;
    /** Commands that timed out since the channel was last in step, whose answers may still come; guarded by {@link #sending}. */
    private final List<AtRequest> owed = new ArrayList<>();
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
                return inStep(request, timeout);
            } catch (AtTimeoutException silence) {
                if (!options.retryAfterSilence()) {
                    throw silence;
                }
            }
            try {
                // the command timed out, so it is owed: the retry resynchronises with AT first
                return inStep(request, timeout);
            } catch (AtTimeoutException stillSilent) {
                throw new AtTimeoutException(request.shown(), "no answer to " + request.shown() + " (nor to a retry after AT)",
                        timeout, redacted(stillSilent.heard(), request));
            }
        }
    }

    /**
     * Brings the channel in step with a module that may still be answering a command of an
     * earlier process on the same port (one that timed out and exited): sends {@code AT} and
     * drops every answer that comes before its result, until a timeout's silence follows the last
     * final result, as reference-ril's handshake does when it opens the port. Nothing sent before
     * is known, so every line but a known unsolicited one is taken for a late answer. The silence
     * is the seed's response time, or the command timeout when that is shorter. A module that does
     * not answer the probe at all (asleep, or silent) is left to the first command to report.
     *
     * @throws ChannelClosedException the port ended
     */
    public void handshake() {
        AtRequest probe = AtRequest.withoutLines("AT");
        Duration timeout = options.commandTimeout();
        Duration quiet = timeout.compareTo(AtChannelOptions.SEED_RESPONSE_TIME) < 0 ? timeout : AtChannelOptions.SEED_RESPONSE_TIME;
        synchronized (sending) {
            try {
                resynchronise(probe, timeout, quiet, true);
            } catch (AtTimeoutException silence) {
                // a silent or sleeping module: nothing can be late, and the first command says what is wrong
                owed.clear();
            }
        }
    }

    /** A late echo of a command that carries a secret shows as the command is shown. */
    private static List<String> redacted(List<String> heard, AtRequest request) {
        return heard.stream().map(line -> line.replace(request.command(), request.shown())).toList();
    }

    /** Sends the request once the channel is in step: after a resynchronisation, if anything is owed. */
    private AtResult inStep(AtRequest request, Duration timeout) {
        if (!owed.isEmpty()) {
            resynchronise(request, timeout, timeout, false);
        }
        return exchange(request, timeout);
    }

    private AtResult exchange(AtRequest request, Duration timeout) {
        Pending waiting = new Pending(request);
        writeAwaiting(waiting, request, request);
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
                if (waiting.result == null) {
                    owed.add(request);
                }
            }
            if (waiting.result == null) {
                throw new ChannelClosedException(request.shown(), "no answer to " + request.shown() + ": " + ended, null);
            }
            return new AtResult(request.shown(), waiting.lines, waiting.result);
        }
    }

    /**
     * Sends {@code AT} and waits until its final result is in and every late answer before it has
     * been drained (see the class comment); {@code before} is the command that waits for it.
     * The wait ends after {@code silence} without a line once a final result came; with
     * {@code unknownBefore}, what was sent before is not known (another process sent it), and
     * only that silence ends it.
     */
    private void resynchronise(AtRequest before, Duration timeout, Duration silence, boolean unknownBefore) {
        AtRequest probe = AtRequest.withoutLines("AT");
        Resynchronisation probing = new Resynchronisation(probe, owed, unknownBefore);
        writeAwaiting(probing, probe, before);
        long quiet = silence.toNanos();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            try {
                while (ended == null && !probing.complete()) {
                    long until = probing.finals == 0 ? deadline : probing.lastFinal + quiet;
                    long left = until - System.nanoTime();
                    if (left <= 0 && probing.finals == 0) {
                        throw new AtTimeoutException(before.shown(), "no answer to AT, sent to resynchronise before "
                                + before.shown(), timeout, probing.heard);
                    }
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AtChannelException(before.shown(), "interrupted resynchronising before " + before.shown(), e);
            } finally {
                pending = null;
                if (probing.finals == 0) {
                    owed.add(probe);
                }
            }
            if (ended != null && probing.finals == 0) {
                throw new ChannelClosedException(before.shown(), "no answer to AT before " + before.shown() + ": " + ended, null);
            }
            owed.clear();
        }
    }

    /** Makes {@code awaited} what the reader matches lines against, then writes {@code line}, on behalf of {@code request}. */
    private void writeAwaiting(Awaited awaited, AtRequest line, AtRequest request) {
        synchronized (lock) {
            if (ended != null) {
                throw new ChannelClosedException(request.shown(), "cannot send " + request.shown() + ": " + ended, null);
            }
            pending = awaited;
        }
        try {
            transport.write((line.command() + "\r").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            synchronized (lock) {
                pending = null;
            }
            throw new ChannelClosedException(request.shown(), "sending " + line.shown() + " failed: " + e.getMessage(), e);
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
            Awaited waiting = pending;
            if (waiting != null && waiting.takes(line, known)) {
                lock.notifyAll();
                return;
            }
            if (waiting != null) {
                waiting.hear(line);
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

    /** What the host waits for; the reader offers it every line. */
    private abstract static class Awaited {
        /** Every line but echoes and final results, for a timeout to report. */
        final List<String> heard = new ArrayList<>();

        /**
         * Takes the line if it belongs to what is awaited; one it does not take is unsolicited.
         * {@code knownUnsolicited}: the reader's {@link UnsolicitedLines.Sequence} knows it as a URC.
         */
        abstract boolean takes(String line, boolean knownUnsolicited);

        /** Keeps an unsolicited line for a timeout to report. */
        void hear(String line) {
            heard.add(line);
        }
    }

    /** A command waiting for its answer. */
    private static final class Pending extends Awaited {
        final AtRequest request;
        final List<String> lines = new ArrayList<>();
        boolean echoSeen;
        FinalResult result;

        Pending(AtRequest request) {
            this.request = request;
        }

        /** Takes the line if it belongs to this command's answer (echo, information, final), until the final. */
        @Override
        boolean takes(String line, boolean knownUnsolicited) {
            if (result != null) {
                return false;
            }
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

    /**
     * The probe {@code AT} after a timeout: drops the late answers of the owed commands, counting
     * the final results. Any line one of them could answer (its echo, a line its answer admits)
     * is theirs; a known URC, or a line none of them admits, is unsolicited.
     */
    private static final class Resynchronisation extends Awaited {
        final AtRequest probe;
        final List<AtRequest> owed;
        /** Whether commands nobody here sent may still be answered: then the count of finals proves nothing. */
        final boolean unknownBefore;
        int finals;
        /** When the last final result came, in {@link System#nanoTime()}. */
        long lastFinal;

        Resynchronisation(AtRequest probe, List<AtRequest> owed, boolean unknownBefore) {
            this.probe = probe;
            this.owed = List.copyOf(owed);
            this.unknownBefore = unknownBefore;
        }

        /** One final result for each owed command and one for the probe: nothing more can be late. */
        boolean complete() {
            return !unknownBefore && finals > owed.size();
        }

        @Override
        boolean takes(String line, boolean knownUnsolicited) {
            if (complete()) {
                return false;
            }
            if (FinalResult.parse(line).isPresent()) {
                finals++;
                lastFinal = System.nanoTime();
                return true;
            }
            if (line.equals(probe.command())) {
                return true;
            }
            if (knownUnsolicited) {
                return false;
            }
            boolean late = unknownBefore
                    || owed.stream().anyMatch(command -> line.equals(command.command()) || command.admits(line, 0));
            if (late) {
                hear(line);
            }
            return late;
        }

        /** A late echo of a command that carries a secret is kept as the command is shown. */
        @Override
        void hear(String line) {
            String shown = line;
            for (AtRequest command : owed) {
                shown = shown.replace(command.command(), command.shown());
            }
            heard.add(shown);
        }
    }
}
