package dev.selfreg.platform.core;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * The platform's counters, handling-time histograms and bounded queues' gauges, rendered in the Prometheus text
 * format for {@code GET /metrics}. Labels are a fixed, small set (service, outcome, reason), so
 * a misbehaving device cannot grow the series without bound.
 */
public final class PlatformMetrics {

    /** Histogram bucket upper bounds, seconds. */
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final Map<String, LongAdder> messages = new ConcurrentHashMap<>();
    private final Map<String, Histogram> handling = new ConcurrentHashMap<>();
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    /** Counts one message of {@code service} ({@code ct}, {@code dm}) with its outcome and reason. */
    public void count(String service, String outcome, String reason) {
        messages.computeIfAbsent(labels("service", service, "outcome", outcome, "reason", reason), k -> new LongAdder())
                .increment();
    }

    /** Records how long the platform took to handle one message of {@code service}. */
    public void handled(String service, Duration took) {
        handling.computeIfAbsent(labels("service", service), k -> new Histogram()).observe(took.toNanos() / 1e9);
    }

    /**
     * Shows a bounded queue of the platform ({@code store}, a CoAP endpoint's intake) as three gauges: the work waiting
     * in it now, the most that ever waited at once, and its capacity.
     */
    public void queue(String queue, IntSupplier length, IntSupplier peak, int capacity) {
        queues.put(labels("queue", queue), new Queue(length, peak, capacity));
    }

    /** The count for exactly these labels (for tests and the dashboard). */
    public long total(String service, String outcome, String reason) {
        LongAdder adder = messages.get(labels("service", service, "outcome", outcome, "reason", reason));
        return adder == null ? 0 : adder.sum();
    }

    /** Everything, in the Prometheus text exposition format 0.0.4. */
    public String prometheusText() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP selfreg_messages_total Messages handled by the lab platform, by service, outcome and reason.\n");
        out.append("# TYPE selfreg_messages_total counter\n");
        new TreeMap<>(messages).forEach((labels, count) ->
                out.append("selfreg_messages_total{").append(labels).append("} ").append(count.sum()).append('\n'));
        out.append("# HELP selfreg_handling_seconds Time from a message's arrival to the platform's reply.\n");
        out.append("# TYPE selfreg_handling_seconds histogram\n");
        new TreeMap<>(handling).forEach((labels, histogram) -> histogram.render(out, labels));
        if (!queues.isEmpty()) {
            Map<String, Queue> sorted = new TreeMap<>(queues);
            gauge(out, "selfreg_queue_length", "Work waiting in a bounded queue of the platform now.", sorted,
                    queue -> queue.length.getAsInt());
            gauge(out, "selfreg_queue_peak", "The most work that ever waited in the queue at once.", sorted,
                    queue -> queue.peak.getAsInt());
            gauge(out, "selfreg_queue_capacity", "The most work the queue holds; more is shed.", sorted,
                    queue -> queue.capacity);
        }
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, Map<String, Queue> queues,
            ToIntFunction<Queue> value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        queues.forEach((labels, queue) ->
                out.append(name).append('{').append(labels).append("} ").append(value.applyAsInt(queue)).append('\n'));
    }

    private record Queue(IntSupplier length, IntSupplier peak, int capacity) {
    }

    private static String labels(String... pairs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                text.append(',');
            }
            text.append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
        }
        return text.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A cumulative histogram with fixed buckets. */
    private static final class Histogram {
        private final AtomicLongArray counts = new AtomicLongArray(BUCKETS.length + 1);
        private final LongAdder sumNanos = new LongAdder();

        void observe(double seconds) {
            int bucket = 0;
            while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) {
                bucket++;
            }
            counts.incrementAndGet(bucket);
            sumNanos.add(Math.round(seconds * 1e9));
        }

        void render(StringBuilder out, String labels) {
            long cumulative = 0;
            for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += counts.get(i);
                String le = i < BUCKETS.length ? Double.toString(BUCKETS[i]) : "+Inf";
                out.append("selfreg_handling_seconds_bucket{").append(labels).append(",le=\"").append(le).append("\"} ")
                        .append(cumulative).append('\n');
            }
            out.append("selfreg_handling_seconds_sum{").append(labels).append("} ").append(sumNanos.sum() / 1e9).append('\n');
            out.append("selfreg_handling_seconds_count{").append(labels).append("} ").append(cumulative).append('\n');
        }
    }
}
