package dev.selfreg.platform.web;

import dev.selfreg.platform.core.PlatformChange;
import dev.selfreg.platform.core.PlatformRecords;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's live feed over server-sent events: each connected client subscribes to
 * {@link PlatformRecords} and receives every committed record as an event named after its
 * {@link PlatformChange#kind() kind}, with the record's API view as JSON data. A first
 * {@code ready} event tells the client it is subscribed, so it can load the lists without
 * missing a record.
 *
 * <p>A service announces a record on the thread that replies to the device, so nothing here
 * writes on that thread: a change is queued per client and written by a sender thread. A client
 * too slow to keep up is disconnected (its browser reconnects and reloads the lists). A periodic
 * comment keeps proxies from timing the stream out and detects clients that went away.
 */
final class LiveStream implements AutoCloseable {

    static final String READY_EVENT = "ready";
    static final String KEEP_ALIVE_COMMENT = "keep-alive";

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    /** Changes queued for one client before it counts as stalled. */
    private static final int MAX_PENDING = 1000;

    private final PlatformRecords records;
    private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newCachedThreadPool(daemonThreads("web-live-sender"));
    private final ScheduledExecutorService keepAlive =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("web-live-keep-alive"));

    LiveStream(PlatformRecords records, Duration keepAliveInterval) {
        this.records = records;
        long millis = keepAliveInterval.toMillis();
        keepAlive.scheduleWithFixedDelay(() -> clients.forEach(LiveClient::keepAlive), millis, millis,
                TimeUnit.MILLISECONDS);
    }

    /** The SSE handler: holds the request open and feeds it until the client goes or the server stops. */
    void connect(SseClient sse) {
        sse.keepAlive();
        LiveClient client = new LiveClient(sse);
        sse.onClose(client::disconnected);
        clients.add(client);
        records.subscribe(client);
        client.enqueue(out -> out.sendEvent(READY_EVENT, "{}"));
    }

    /** How many clients are connected (and subscribed). */
    int clientCount() {
        return clients.size();
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        clients.forEach(client -> client.sse.close());
        senders.shutdown();
    }

    /** One connected browser: its queue of writes, drained in order by at most one sender at a time. */
    private final class LiveClient implements Consumer<PlatformChange> {
        private final SseClient sse;
        private final Queue<Consumer<SseClient>> pending = new ArrayBlockingQueue<>(MAX_PENDING);
        private final AtomicBoolean draining = new AtomicBoolean();
        private final AtomicBoolean dropped = new AtomicBoolean();

        LiveClient(SseClient sse) {
            this.sse = sse;
        }

        /** Called by {@link PlatformRecords} on the committing thread: queue only; the view is made by the sender. */
        @Override
        public void accept(PlatformChange change) {
            enqueue(out -> out.sendEvent(change.kind(), ApiViews.json(ApiViews.of(change))));
        }

        void keepAlive() {
            enqueue(out -> out.sendComment(KEEP_ALIVE_COMMENT));
        }

        void enqueue(Consumer<SseClient> write) {
            if (dropped.get()) {
                return;
            }
            if (!pending.offer(write)) {
                if (dropped.compareAndSet(false, true)) {
                    log.info("a live client fell {} changes behind; disconnecting it", MAX_PENDING);
                    pending.clear();
                    // Not on this (committing) thread, and not behind the sender that may be stuck writing.
                    senders.execute(sse::close);
                }
                return;
            }
            if (draining.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        /** A failed write closes the client (Javalin's emitter notices), which ends the loop. */
        private void drain() {
            do {
                Consumer<SseClient> write;
                while ((write = pending.poll()) != null && open()) {
                    write.accept(sse);
                }
                draining.set(false);
            } while (!pending.isEmpty() && open() && draining.compareAndSet(false, true));
        }

        private boolean open() {
            return !dropped.get() && !sse.terminated();
        }

        void disconnected() {
            records.unsubscribe(this);
            clients.remove(this);
            pending.clear();
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
