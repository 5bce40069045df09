package dev.selfreg.lab;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting, in wall time, for what the lab platform does in real time beside the virtual clock
 * (it reads object 666 after answering a Register): a check is repeated until it holds or a short
 * bound has passed. Module timers are never waited for this way; they run on the virtual clock.
 */
public final class PlatformSettle {

    /** How long the platform is given. */
    public static final Duration BOUND = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 20;

    private PlatformSettle() {
    }

    /** Returns as soon as {@code done} holds, or when {@link #BOUND} has passed; says which. */
    public static boolean until(BooleanSupplier done) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return done.getAsBoolean();
            }
        }
        return true;
    }
}
