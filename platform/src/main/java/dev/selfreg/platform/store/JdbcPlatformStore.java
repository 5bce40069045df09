package dev.selfreg.platform.store;

import dev.selfreg.platform.store.DmDeviceTable.Versioned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform store on JDBC: H2 (embedded, the default) or PostgreSQL, same SQL, same tests. Writes go
 * through a {@link GroupCommitWriter} on a connection of its own; reads (the dashboard's, the REST API's) on
 * another, so they never wait for a commit. Both connections are opened again after the database went away,
 * without restarting the store. At most {@link #WRITE_QUEUE_CAPACITY} writes wait for the writer, none for longer
 * than {@link #WRITE_QUEUE_MAX_WAIT}; the rest are refused as load shed.
 *
 * <p>A device's save appends its new record to {@code dm_device_change} beside its event, and the reply waits for
 * those appends alone. A {@link DeviceChangeFolder} folds the changes into {@code dm_device} every
 * {@link #FOLD_EVERY} saves and at start (what a killed platform left), each endpoint's newest in one upsert, on a
 * connection of its own, its commit and the writer's taking turns; the device reads take the newest record of each
 * endpoint from both tables, so they see every save acknowledged.
 *
 * <p>The embedded store ({@link #openEmbedded}) journals its CMDMP records instead ({@link DmJournal}): a save is
 * acknowledged once the saving thread has written its frame to the journal's file (no hand-off to the writer), as
 * durable as an H2 commit, and the folder imports
 * the journal into {@code dm_event} and {@code dm_device} every {@link #FOLD_EVERY} records, at start and at close;
 * the reads take the records not imported yet with the tables'.
 */
public final class JdbcPlatformStore implements PlatformStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcPlatformStore.class);

    /**
     * H2 options for the embedded default: commit means written to the file (no write delay),
     * so a killed platform keeps every acknowledged record; and the database closes when the store does, not in
     * H2's own shutdown hook, so that a platform stopped by a signal still imports its journal as it closes.
     */
    private static final String H2_DURABLE = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    /** How long a read waits for the writer to open its connection again. */
    private static final int REOPEN_SECONDS = 5;

    /** The most writes waiting for the writer at once. */
    public static final int WRITE_QUEUE_CAPACITY = GroupCommitWriter.CAPACITY;
    /** The longest a write waits for the writer and is still run ({@link StoreUnavailableException.Reason#QUEUE_WAIT}). */
    public static final Duration WRITE_QUEUE_MAX_WAIT = GroupCommitWriter.MAX_WAIT;

    /**
     * Device changes saved between folds. Each endpoint's changes within them become one upsert: about 4 saves per
     * registered device (its Register and Update, and the object 666 read after each) are seldom split by a fold.
     */
    public static final int FOLD_EVERY = 1024;

    /** The directory of the embedded store's CMDMP journal, beside its H2 file. */
    static final String JOURNAL_DIR = "dm-journal";

    private final GroupCommitWriter writer;
    /** Where CMDMP records go first; null for a store that commits them to the database before each reply. */
    private final DmJournal journal;
    /** Changes saved since the last fold was queued; on the writer's thread only. */
    private int unfolded;
    private final DeviceChangeFolder folder;
    /** The reads' connection, one query at a time. */
    private final StoreConnection reads;

    private JdbcPlatformStore(GroupCommitWriter writer, DmJournal journal, DeviceChangeFolder folder,
            StoreConnection reads) {
        this.writer = writer;
        this.journal = journal;
        this.folder = folder;
        this.reads = reads;
    }

    /**
     * From now on a write that waited longer than {@code maxWait} for the writer is refused untried (by default
     * {@link #WRITE_QUEUE_MAX_WAIT}).
     */
    public void refuseWritesWaitingOver(Duration maxWait) {
        writer.refuseWaitingOver(maxWait);
    }

    /** The default store: an H2 database file under {@code dataDir}, created if missing. */
    public static JdbcPlatformStore openEmbedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create " + dataDir, e);
        }
        return open(ConnectionSource.of("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("selfreg") + H2_DURABLE,
                null, null), JdbcPlatformStore::writerThread, ForkJoinPool.commonPool(), System::nanoTime,
                dataDir.resolve(JOURNAL_DIR));
    }

    /** Opens (and migrates) the database at {@code jdbcUrl}. */
    public static JdbcPlatformStore open(String jdbcUrl, String user, String password) {
        return open(ConnectionSource.of(jdbcUrl, user, password), JdbcPlatformStore::writerThread,
                ForkJoinPool.commonPool());
    }

    /**
     * Opens (and migrates) the database {@code source} connects to.
     *
     * @param writerThread runs the writer, on a thread of its own until the store is closed
     * @param completions  runs the continuations of committed writes
     */
    static JdbcPlatformStore open(ConnectionSource source, Executor writerThread, Executor completions) {
        return open(source, writerThread, completions, System::nanoTime);
    }

    /** The same, the writer measuring how long writes wait on {@code nanoTime}. */
    static JdbcPlatformStore open(ConnectionSource source, Executor writerThread, Executor completions,
            LongSupplier nanoTime) {
        return open(source, writerThread, completions, nanoTime, null);
    }

    /** The same, journaling CMDMP records in {@code journalDir} (null: none). */
    static JdbcPlatformStore open(ConnectionSource source, Executor writerThread, Executor completions,
            LongSupplier nanoTime, Path journalDir) {
        StoreConnection written = null;
        StoreConnection folds = null;
        StoreConnection reads = null;
        DmJournal journal = null;
        try {
            // the migrated connection is the writer's: an in-memory H2 database lives only while one is open
            Connection first = source.connect();
            try {
                SchemaMigrations.migrate(first);
                written = new StoreConnection(source, first, false, "writer");
            } catch (SQLException | RuntimeException e) {
                first.close();
                throw e;
            }
            folds = StoreConnection.open(source, false, "folds");
            reads = StoreConnection.open(source, true, "reads");
            CommitTurns turns = new CommitTurns();
            if (journalDir != null) {
                journal = DmJournal.open(journalDir,
                        folds.query(DmEventTable.NEWEST_ID, 1, new Object[0], row -> row.getLong(1)).get(0));
            }
            DeviceChangeFolder folder = new DeviceChangeFolder(folds, turns, journal);
            if (journal != null) {
                journal.importEvery(FOLD_EVERY, folder::foldSoon);
            }
            // the changes a platform killed before its fold left, and its journal
            folder.foldNow();
            if (journal != null) {
                folder.continueEventIdsAbove(journal.newestId());
            }
            return new JdbcPlatformStore(new GroupCommitWriter(written, writerThread, completions, nanoTime, turns),
                    journal, folder, reads);
        } catch (SQLException | RuntimeException e) {
            for (StoreConnection opened : new StoreConnection[] {written, folds, reads}) {
                if (opened != null) {
                    opened.close();
                }
            }
            if (journal != null) {
                journal.close();
            }
            throw new StoreException("cannot open the platform store at " + source.where() + ": " + e.getMessage(), e);
        }
    }

    private static void writerThread(Runnable loop) {
        Thread thread = new Thread(loop, "platform-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes waiting for the writer now. */
    public int writesQueued() {
        return writer.queued();
    }

    /**
     * CMDMP records acknowledged and not yet imported from the journal into the tables (0 for a store without a
     * journal); fewer than {@link #FOLD_EVERY} wait for the next import.
     */
    public int journalBacklog() {
        return journal == null ? 0 : journal.backlog();
    }

    /** The most writes that ever waited for the writer at once: never above {@link #WRITE_QUEUE_CAPACITY}. */
    public int writesQueuedPeak() {
        return writer.peak();
    }

    @Override
    public CtRegistration add(CtRegistration registration) {
        return await(addAsync(registration));
    }

    @Override
    public CompletableFuture<CtRegistration> addAsync(CtRegistration registration) {
        Object[] values = CtRegistrationTable.values(registration);
        return writer.submit(connection -> registration.withId(connection.insert(CtRegistrationTable.INSERT, values)));
    }

    @Override
    public CtRejection add(CtRejection rejection) {
        return await(addAsync(rejection));
    }

    @Override
    public CompletableFuture<CtRejection> addAsync(CtRejection rejection) {
        Object[] values = CtRejectionTable.values(rejection);
        return writer.submit(connection -> rejection.withId(connection.insert(CtRejectionTable.INSERT, values)));
    }

    @Override
    public DmEvent add(DmEvent event) {
        return await(addAsync(event));
    }

    @Override
    public CompletableFuture<DmEvent> addAsync(DmEvent event) {
        CompletableFuture<DmEvent> unfit = unfit(event, null);
        if (unfit != null) {
            return unfit;
        }
        if (journal != null) {
            return journaled(event, null);
        }
        Object[] values = DmEventTable.values(event);
        return writer.submit(connection -> event.withId(connection.insert(DmEventTable.INSERT, values)));
    }

    /**
     * A record that does not fit the tables, refused at once on every store ({@link DmRecordFit}); null for one that
     * fits.
     */
    private static CompletableFuture<DmEvent> unfit(DmEvent event, DmDevice device) {
        try {
            DmRecordFit.check(event, device);
            return null;
        } catch (StoreException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The event and the device's record (null: none) written to the journal on the caller's thread, not the writer's;
     * the future is complete when it returns.
     */
    private CompletableFuture<DmEvent> journaled(DmEvent event, DmDevice device) {
        try {
            return CompletableFuture.completedFuture(journal.write(event, device,
                    DmJournalFrames.record(event, device)));
        } catch (StoreUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public DmEvent save(DmDevice device, DmEvent event) {
        return await(saveAsync(device, event));
    }

    @Override
    public CompletableFuture<DmEvent> saveAsync(DmDevice device, DmEvent event) {
        CompletableFuture<DmEvent> unfit = unfit(event, device);
        if (unfit != null) {
            return unfit;
        }
        if (journal != null) {
            return journaled(event, device);
        }
        // the values (the terminal information as JSON among them) are made here, not on the writer thread
        Object[] change = DmDeviceTable.values(device);
        Object[] eventValues = DmEventTable.values(event);
        return writer.submit(connection -> {
            long id = connection.insert(DmEventTable.INSERT, eventValues);
            change[change.length - 1] = id;
            connection.update(DmDeviceTable.APPEND, change);
            foldWhenDue();
            return event.withId(id);
        });
    }

    /** On the writer's thread: queues a fold once {@link #FOLD_EVERY} changes were saved since the last. */
    private void foldWhenDue() {
        if (++unfolded >= FOLD_EVERY) {
            unfolded = 0;
            folder.foldSoon();
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StoreException store ? store : new StoreException("write failed", e.getCause());
        }
    }

    @Override
    public List<CtRegistration> ctRegistrations(String search, long beforeId, int limit) {
        return read(CtRegistrationTable.newestFirst(search), limit, CtRegistrationTable.args(beforeId, search),
                CtRegistrationTable::read);
    }

    @Override
    public List<CtRejection> ctRejections(long beforeId, int limit) {
        return read(CtRejectionTable.NEWEST_FIRST, limit, new Object[] {beforeId}, CtRejectionTable::read);
    }

    @Override
    public List<DmDevice> dmDevices(String search, int limit) {
        // the journal's first, then the changes: a record imported or folded between the reads is found in the next
        List<Versioned> changes = new ArrayList<>(journal == null ? List.of() : journal.devices());
        changes.addAll(read(DmDeviceTable.CHANGES, Integer.MAX_VALUE, new Object[0], DmDeviceTable::read));
        List<Versioned> folded = read(DmDeviceTable.lastSeenFirst(search), DmDeviceTable.foldedToRead(limit, changes),
                DmDeviceTable.searchArgs(search), DmDeviceTable::read);
        return DmDeviceTable.newest(changes, folded, search, limit);
    }

    @Override
    public Optional<DmDevice> dmDevice(String endpoint) {
        Object[] args = {endpoint};
        Optional<Versioned> journaled = journal == null ? Optional.empty() : journal.device(endpoint);
        List<Versioned> change = read(DmDeviceTable.CHANGES_BY_ENDPOINT, 1, args, DmDeviceTable::read);
        List<Versioned> folded = read(DmDeviceTable.BY_ENDPOINT, 1, args, DmDeviceTable::read);
        return Stream.of(journaled.stream(), change.stream(), folded.stream()).flatMap(s -> s)
                .reduce(Versioned::newer).map(Versioned::device);
    }

    @Override
    public List<DmEvent> dmEvents(long beforeId, int limit) {
        if (journal == null) {
            return read(DmEventTable.NEWEST_FIRST, limit, new Object[] {beforeId}, DmEventTable::read);
        }
        // the journal's first: an event imported between the reads is then found in the table
        TreeMap<Long, DmEvent> newest = new TreeMap<>(Comparator.reverseOrder());
        journal.events(beforeId, limit).forEach(e -> newest.put(e.id(), e));
        read(DmEventTable.NEWEST_FIRST, limit, new Object[] {beforeId}, DmEventTable::read)
                .forEach(e -> newest.putIfAbsent(e.id(), e));
        return newest.values().stream().limit(limit).toList();
    }

    /**
     * One query on the reads' connection, once more on a fresh one when it broke under the query. When H2 lost track
     * of the database the writer reopened ({@link StoreConnection#lockedByAnUnregisteredDatabase}), the writer opens
     * its connection again first, so that the reads find that database instead of trying a second one on its file.
     */
    private <T> List<T> read(String sql, int limit, Object[] args, StoreConnection.RowReader<T> reader) {
        synchronized (reads) {
            try {
                return readOnce(sql, limit, args, reader);
            } catch (StoreUnavailableException e) {
                if (!StoreConnection.lockedByAnUnregisteredDatabase(e)) {
                    throw e;
                }
                try {
                    writer.submit(connection -> {
                        connection.reopen();
                        return null;
                    }).get(REOPEN_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException reopenFailed) {
                    throw e;
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
            return readOnce(sql, limit, args, reader);
        }
    }

    /** Called holding the reads' connection. */
    private <T> List<T> readOnce(String sql, int limit, Object[] args, StoreConnection.RowReader<T> reader) {
        try {
            return reads.query(sql, limit, args, reader);
        } catch (SQLException e) {
            StoreException failure = reads.failure("query", e);
            if (!GroupCommitWriter.lost(failure)) {
                throw failure;
            }
        }
        // the connection broke under the query: once more on a fresh one
        try {
            return reads.query(sql, limit, args, reader);
        } catch (SQLException e) {
            throw reads.failure("query", e);
        }
    }

    /** The journal's records into the database; what fails to go is left in the journal for the next start. */
    private void importBeforeClosing() {
        try {
            folder.foldNow();
            folder.continueEventIdsAbove(journal.newestId());
        } catch (StoreException e) {
            log.warn("platform store: CMDMP journal not imported at close, it is at the next start: {}",
                    e.getMessage());
        }
    }

    /** Commits what is waiting, lets a fold under way finish, then closes. */
    @Override
    public void close() {
        writer.close();
        if (journal != null) {
            journal.stopWrites();
            importBeforeClosing();
        }
        folder.close();
        if (journal != null) {
            journal.close();
        }
        synchronized (reads) {
            reads.close();
        }
    }
}
