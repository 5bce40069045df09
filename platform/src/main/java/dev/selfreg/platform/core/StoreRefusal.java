package dev.selfreg.platform.core;

import dev.selfreg.platform.store.StoreException;
import dev.selfreg.platform.store.StoreUnavailableException;
import dev.selfreg.platform.store.StoreUnavailableException.Reason;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A device's message the store did not commit, as the front ends answer it. While the store cannot commit at all
 * ({@link StoreUnavailableException}: its database gone, a commit failed) the message is refused as a carrier
 * platform under trouble refuses it — CoAP 5.03 with a Max-Age of {@link #RETRY_AFTER}, HTTP 503 with Retry-After,
 * LwM2M 5.03, never a success reply — and the device tries again later; the store recovers by itself once its
 * database is back. A write refused because the store's queue is full or too slow is load shed: answered the same, counted
 * {@code shed} and logged at a bounded rate ({@link Shedding}). Any other failure (a record the database refused) is a
 * server error, 5.00.
 *
 * @param cause why it was not committed
 */
public record StoreRefusal(StoreException cause) {

    /** How long a refused device is asked to wait before it tries again (CoAP Max-Age, HTTP Retry-After). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    /** The refusal a failed commit's future or call ended with. */
    public static StoreRefusal of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return new StoreRefusal(cause instanceof StoreException store ? store : new StoreException("write failed", cause));
    }

    /** True when the store cannot commit at the moment: the answer is "service unavailable", not a server error. */
    public boolean unavailable() {
        return cause instanceof StoreUnavailableException;
    }

    /** True when the write was refused untried, the store's queue full or too slow: load shed, not a fault. */
    public boolean shed() {
        return cause instanceof StoreUnavailableException unavailable
                && (unavailable.reason() == Reason.QUEUE_FULL || unavailable.reason() == Reason.QUEUE_WAIT);
    }

    /**
     * The outcome counted in {@link PlatformMetrics}: {@code shed} when the queue was full, {@code refused} while
     * otherwise unavailable, else {@code failed}.
     */
    public String outcome() {
        if (shed()) {
            return Shedding.OUTCOME;
        }
        return unavailable() ? "refused" : "failed";
    }

    /**
     * The reason counted and logged: {@value Shedding#STORE_QUEUE_FULL} or {@value Shedding#STORE_QUEUE_WAIT} when
     * shed, the store's reason in words ({@code database unreachable}), else {@code not stored}.
     */
    public String reason() {
        if (shed()) {
            return ((StoreUnavailableException) cause).reason() == Reason.QUEUE_FULL
                    ? Shedding.STORE_QUEUE_FULL : Shedding.STORE_QUEUE_WAIT;
        }
        return cause instanceof StoreUnavailableException unavailable
                ? unavailable.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                : "not stored";
    }

    /** Counts it under {@code service} with its {@link #outcome()} and {@link #reason()}; returns it. */
    public StoreRefusal counted(PlatformMetrics metrics, String service) {
        metrics.count(service, outcome(), reason());
        return this;
    }

    /** One log line's worth: the answer given, the reason and the store's own message. */
    public String describe() {
        return (unavailable() ? "refused (" : "failed (") + reason() + "): " + cause.getMessage();
    }
}
