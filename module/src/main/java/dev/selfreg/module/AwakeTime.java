package dev.selfreg.module;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The account of a module's awake time, by reason, in nanoseconds of module time. */
final class AwakeTime {

    private final Map<AwakeReason, Long> nanos = new EnumMap<>(AwakeReason.class);
    private AwakeReason current;
    private long since;

    /** The module woke up (or powered on) at {@code now} for {@code reason}. */
    void start(AwakeReason reason, long now) {
        current = reason;
        since = now;
    }

    /** From {@code now} on, the time counts for {@code reason}; nothing happens while asleep. */
    void switchTo(AwakeReason reason, long now) {
        if (current != null && current != reason) {
            close(now);
            current = reason;
            since = now;
        }
    }

    /** The module went to sleep or lost power at {@code now}. */
    void stop(long now) {
        if (current != null) {
            close(now);
            current = null;
        }
    }

    /** The reason the time counts for now; null while asleep or off. */
    AwakeReason current() {
        return current;
    }

    Duration total(long now) {
        long sum = nanos.values().stream().mapToLong(Long::longValue).sum();
        return Duration.ofNanos(sum + (current != null ? now - since : 0));
    }

    /** Every reason, in declaration order, with its time so far. */
    Map<AwakeReason, Duration> breakdown(long now) {
        Map<AwakeReason, Duration> out = new EnumMap<>(AwakeReason.class);
        for (AwakeReason reason : AwakeReason.values()) {
            long value = nanos.getOrDefault(reason, 0L) + (reason == current ? now - since : 0);
            out.put(reason, Duration.ofNanos(value));
        }
        return out;
    }

    private void close(long now) {
        nanos.merge(current, now - since, Long::sum);
    }
}
