package dev.selfreg.platform.core;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load one service of the platform ({@code ct} or {@code dm}) turns away to stay within its bounds. Each request
 * shed is counted in {@link PlatformMetrics} (outcome {@value #OUTCOME}, with its reason) and logged at a bounded
 * rate: the first of a burst at once, then at most one line each {@link #LOG_INTERVAL} saying how many were shed
 * since the last line, by reason. Overloaded, the platform's log grows by a line per interval, not one per request.
 */
public final class Shedding {

    /** The outcome a shed request is counted with. */
    public static final String OUTCOME = "shed";
    /** The store's writer queue was full; the request was answered 5.03 (CoAP, LwM2M) or 503 (HTTP) untried. */
    public static final String STORE_QUEUE_FULL = "store queue full";
    /** The request waited too long in the store's writer queue; answered as {@link #STORE_QUEUE_FULL}. */
    public static final String STORE_QUEUE_WAIT = "store queue wait";
    /** A CoAP endpoint's protocol queue was full: the datagram was dropped unread, and the device retransmits. */
    public static final String COAP_QUEUE_FULL = "coap queue full";
    /** The request waited longer than {@link CoapIntake#MAX_WAIT} for a protocol thread: answered 5.03 unhandled. */
    public static final String COAP_QUEUE_WAIT = "coap queue wait";

    /** The least time between two log lines about shedding. */
    public static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Shedding.class);

    private final PlatformMetrics metrics;
    private final String service;
    private final Consumer<String> lines;
    private final LongSupplier nanoTime;
    /** Requests shed since the last line, by reason; guarded by this. */
    private final Map<String, Long> unlogged = new TreeMap<>();
    private long lastLine;
    private boolean logging;

    /** Shedding for {@code service}, logged to the platform's log. */
    public Shedding(PlatformMetrics metrics, String service) {
        this(metrics, service, log::warn, System::nanoTime);
    }

    /**
     * The same, its lines going to {@code lines}.
     *
     * @param nanoTime the monotonic time the interval between lines is measured on
     */
    Shedding(PlatformMetrics metrics, String service, Consumer<String> lines, LongSupplier nanoTime) {
        this.metrics = metrics;
        this.service = service;
        this.lines = lines;
        this.nanoTime = nanoTime;
    }

    /** Counts one request shed for {@code reason} and logs it when a line is due. */
    public void shed(String reason) {
        metrics.count(service, OUTCOME, reason);
        note(reason);
    }

    /** Logs, when a line is due, one request shed for {@code reason} that its service counted itself. */
    public synchronized void note(String reason) {
        unlogged.merge(reason, 1L, Long::sum);
        long now = nanoTime.getAsLong();
        if (logging && now - lastLine < LOG_INTERVAL.toNanos()) {
            return;
        }
        long shed = unlogged.values().stream().mapToLong(Long::longValue).sum();
        String reasons = unlogged.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        lines.accept(logging
                ? service + " shedding load: " + shed + " request(s) shed in the " + Duration.ofNanos(now - lastLine)
                        .toSeconds() + " s since the last line (" + reasons + ")"
                : service + " shedding load: " + shed + " request(s) shed (" + reasons + "); while it lasts, one line"
                        + " each " + LOG_INTERVAL.toSeconds() + " s, every request counted in /metrics");
        unlogged.clear();
        lastLine = now;
        logging = true;
    }
}
