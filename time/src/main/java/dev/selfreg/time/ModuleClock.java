package dev.selfreg.time;

import java.time.Duration;

/**
 * The one source of time and timers for an emulated module: boot delays, idle timers, retry
 * timers, update periods and protocol retransmissions all go through it, so the same code runs
 * on wall-clock time or on a {@link VirtualClock} that a test or a fleet run advances at will.
 */
public interface ModuleClock {

    /** Nanoseconds of module time since this clock started; never decreases. */
    long nanoTime();

    /** Module time since this clock started. */
    default Duration elapsed() {
        return Duration.ofNanos(nanoTime());
    }

    /**
     * Runs {@code task} once, {@code delay} from now in module time. Tasks due at the same
     * instant run in the order they were scheduled.
     */
    Timer schedule(Duration delay, Runnable task);

    /** True when time moves only when {@link VirtualClock#advance(Duration)} is called. */
    boolean isVirtual();

    /** A scheduled task. */
    interface Timer {
        /** Cancels the task if it has not run yet; returns whether it was still pending. */
        boolean cancel();

        /** Module time, in nanoseconds, at which the task is due. */
        long dueNanos();
    }
}
