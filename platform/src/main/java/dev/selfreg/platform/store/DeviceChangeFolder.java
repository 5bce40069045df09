package dev.selfreg.platform.store;

import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the device changes saves appended into {@code dm_device} ({@link DmDeviceTable#fold}), and imports an
 * embedded store's {@link DmJournal} into {@code dm_event} and {@code dm_device}, on a connection and a
 * thread of its own: the writer runs its statements meanwhile, and only its next commit waits for the fold's
 * ({@link CommitTurns}). The two touch no row in common: a save appends a change and an event, a fold writes
 * {@code dm_device} and deletes changes already committed. A fold that fails is logged; its changes stay, and the
 * next fold takes them.
 */
final class DeviceChangeFolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceChangeFolder.class);

    private final StoreConnection connection;
    private final CommitTurns turns;
    private final DmJournal journal;
    /**
     * Whether a fold reads {@code dm_device_change}: always without a journal; with one only the first, at start,
     * for what a platform before the journal left, as a journaled store's saves append no changes.
     */
    private boolean foldsChanges = true;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(fold -> {
        Thread t = new Thread(fold, "platform-store-fold");
        t.setDaemon(true);
        return t;
    });
    /** Whether a fold is queued and has not started yet. */
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * Folds on {@code connection}, which it owns from now on, each fold taking its turn among {@code turns}; and
     * imports what {@code journal} holds (null: an unjournaled store).
     */
    DeviceChangeFolder(StoreConnection connection, CommitTurns turns, DmJournal journal) {
        this.connection = connection;
        this.turns = turns;
        this.journal = journal;
    }

    /** Folds every change committed so far, on the caller's thread. */
    void foldNow() {
        fold();
    }

    /** Queues a fold, unless one is queued already; returns at once. */
    void foldSoon() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                queued.set(false);
                try {
                    fold();
                } catch (StoreException e) {
                    log.warn("platform store: device changes not folded yet, again with the next fold: {}",
                            e.getMessage());
                }
            });
        } catch (RejectedExecutionException closed) {
            queued.set(false);
        }
    }

    private synchronized void fold() {
        try {
            if (foldsChanges) {
                turns.exclusively(connection, () -> DmDeviceTable.fold(connection));
                foldsChanges = journal == null;
            }
            if (journal != null) {
                journal.importInto(connection, turns);
            }
        } catch (SQLException | RuntimeException e) {
            throw connection.failure("fold", e);
        }
    }

    /**
     * Sets {@code dm_event}'s identity to go on above {@code newestId}, the journal's newest: a platform opening the
     * same database without the journal (a {@code --db} URL to its file) then numbers its events above them.
     */
    synchronized void continueEventIdsAbove(long newestId) {
        try {
            turns.exclusively(connection, () -> connection.update("ALTER TABLE dm_event ALTER COLUMN id RESTART WITH "
                    + (newestId + 1), new Object[0]));
        } catch (SQLException | RuntimeException e) {
            throw connection.failure("setting the event identity", e);
        }
    }

    /** Lets a fold under way finish, then closes the connection. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            connection.close();
        }
    }
}
