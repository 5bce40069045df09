package dev.selfreg.platform.store;

/**
 * The platform store cannot commit at the moment, through no fault of the record: the database cannot be
 * reached, its commit failed, more writes wait than its queue holds or for longer than it allows, or the store is
 * closed or its writer stopped. A front end answers "service unavailable" and counts the refusal by
 * {@link #reason()}; the device tries again later. After
 * {@link Reason#DATABASE_UNREACHABLE}, {@link Reason#CONNECTION_LOST} and {@link Reason#COMMIT_FAILED} the store
 * recovers by itself: the next write opens a fresh connection; after {@link Reason#QUEUE_FULL} and
 * {@link Reason#QUEUE_WAIT} (load shed) the next write is taken once the queue has room.
 */
public final class StoreUnavailableException extends StoreException {

    /** Why the store refused. */
    public enum Reason {
        /** The database could not be reached: no connection to it could be opened. */
        DATABASE_UNREACHABLE,
        /**
         * The connection broke under a statement (the database restarted, or ended the session). The store tries
         * once more on a fresh connection before it refuses with this reason.
         */
        CONNECTION_LOST,
        /** The database did not commit the transaction (its outcome is then unknown to the store). */
        COMMIT_FAILED,
        /**
         * More writes are waiting than the store's queue holds: the database commits less than is offered. The write
         * is refused at once, untried; the next one is taken as soon as the queue has room.
         */
        QUEUE_FULL,
        /**
         * The write waited longer in the store's queue than the store lets a write wait: the database commits too
         * slowly for the load. Refused untried, as load shed.
         */
        QUEUE_WAIT,
        /** The store's writer stopped on an unexpected error; nothing is written until the platform restarts. */
        WRITER_STOPPED,
        /** The store was closed. */
        CLOSED
    }

    private final Reason reason;

    public StoreUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The same refusal, raised anew for another write (each caller gets an exception of its own). */
    StoreUnavailableException again() {
        return new StoreUnavailableException(reason, getMessage(), getCause());
    }
}
