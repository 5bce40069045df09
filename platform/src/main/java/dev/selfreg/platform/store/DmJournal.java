package dev.selfreg.platform.store;

import dev.selfreg.platform.store.DmDeviceTable.Versioned;
import dev.selfreg.platform.store.DmJournalFrames.Entry;
import dev.selfreg.platform.store.StoreUnavailableException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's write-ahead journal of CMDMP records: a save is acknowledged once its frame is written to the
 * journal's file, and reaches {@code dm_event} and {@code dm_device} later, many saves in one transaction.
 *
 * <p>Why: on H2 the cost of a commit is mostly in storing again the pages it changed, the tables' tail pages whole,
 * once per group of saves (performance.md); appending the same records to a file costs one write. The durability is
 * H2's own: H2 writes a commit to its file without forcing it to the disk (it syncs only when it closes or compacts),
 * and the journal writes its frames the same way, before the reply. A platform killed at any instant finds every
 * frame written, and at most one torn frame after them, which is dropped: it was never acknowledged.
 *
 * <p>The journal is files {@code <seq>.log} in a directory of its own, a new one begun every
 * {@link #SEGMENT_BYTES}; a file is deleted once every record in it is in the database. Records journaled and not yet
 * imported are kept in memory too, and the store's reads take them with the tables', so every acknowledged save is
 * read at once. The ids of the events are the journal's, continuing above the database's; one platform owns the
 * journal (a lock file), as one owns an embedded H2 file.
 *
 * <p>Threads: {@link #write} runs on the saving threads, one at a time; {@link #importInto} on the folder's; the reads
 * anywhere.
 */
final class DmJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DmJournal.class);

    /** A segment's size before the next is begun. */
    static final long SEGMENT_BYTES = 16L << 20;
    /**
     * The most records journaled and not yet in the database: past it the database has not taken them for a long
     * while (it failed, or the disk is full), and saves are refused until it has.
     */
    static final int MAX_PENDING = 1 << 16;

    private static final String SUFFIX = ".log";

    /** A segment closed for writing, and the newest id in it. */
    private record Segment(Path file, long lastId) {
    }

    private final Path dir;
    private final long segmentBytes;
    private final FileChannel lockFile;
    private final FileLock lock;

    // guarded by this
    private boolean closing;
    private FileChannel segment;
    private Path segmentFile;
    private long segmentSeq;
    private long segmentSize;
    private long nextId;
    /** Records written since the import was last asked for. */
    private int sinceImportAsked;
    private int importEvery = Integer.MAX_VALUE;
    private Runnable importDue = () -> { };

    /** Records journaled, not yet in the database, by id. */
    private final ConcurrentSkipListMap<Long, Entry> pending = new ConcurrentSkipListMap<>();
    /** The size of {@link #pending}, which a skip list would count entry by entry. */
    private final AtomicInteger pendingCount = new AtomicInteger();
    /** The newest pending record of each endpoint. */
    private final Map<String, Versioned> pendingDevices = new ConcurrentHashMap<>();
    /** Every record up to this id that is journaled is in {@link #pending} or imported. */
    private volatile long flushedThrough;
    /** Segments closed for writing, oldest first; guarded by itself. */
    private final Deque<Segment> closed = new ArrayDeque<>();

    private DmJournal(Path dir, long segmentBytes, FileChannel lockFile, FileLock lock) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Opens the journal in {@code dir} (created if missing) and reads what a platform left in it: the records above
     * {@code databaseMaxId}, the newest event id in the database, are pending from now on; the next record is given
     * an id above both.
     */
    static DmJournal open(Path dir, long databaseMaxId) {
        return open(dir, databaseMaxId, SEGMENT_BYTES);
    }

    static DmJournal open(Path dir, long databaseMaxId, long segmentBytes) {
        FileChannel lockFile = null;
        try {
            Files.createDirectories(dir);
            lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockFile);
            if (lock == null) {
                throw new StoreException("the CMDMP journal " + dir + " is in use by another platform", null);
            }
            DmJournal journal = new DmJournal(dir, segmentBytes, lockFile, lock);
            journal.replay(databaseMaxId);
            return journal;
        } catch (IOException | RuntimeException e) {
            if (lockFile != null) {
                try {
                    lockFile.close();
                } catch (IOException ignored) {
                    // the first failure is the one to report
                }
            }
            if (e instanceof StoreException store) {
                throw store;
            }
            throw new StoreException("cannot open the CMDMP journal " + dir + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private void replay(long databaseMaxId) throws IOException {
        long newest = databaseMaxId;
        long lastSeq = 0;
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        int replayed = 0;
        for (Path file : files) {
            lastSeq = Math.max(lastSeq, seq(file));
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            long lastId = databaseMaxId;
            for (Entry entry = DmJournalFrames.next(bytes); entry != null; entry = DmJournalFrames.next(bytes)) {
                lastId = Math.max(lastId, entry.id());
                if (entry.id() > databaseMaxId) {
                    publish(entry);
                    replayed++;
                }
            }
            if (bytes.hasRemaining()) {
                // a torn last frame: written when the platform was killed, never acknowledged
                log.warn("platform store: CMDMP journal {}: {} bytes after its last intact frame dropped", file,
                        bytes.remaining());
            }
            newest = Math.max(newest, lastId);
            closed.add(new Segment(file, lastId));
        }
        if (replayed > 0) {
            log.info("platform store: {} CMDMP records from the journal not yet in the database", replayed);
        }
        nextId = newest + 1;
        flushedThrough = newest;
        segmentSeq = lastSeq;
        if (pending.isEmpty()) {
            deleteSegmentsThrough(newest);
        }
        begin();
    }

    private static long seq(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Begins the next segment: never one a platform wrote before, whose last frame may be torn. */
    private void begin() throws IOException {
        segmentSeq++;
        Path file = dir.resolve(String.format("%020d%s", segmentSeq, SUFFIX));
        segment = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segmentFile = file;
        segmentSize = 0;
    }

    /**
     * Asks for an import with {@code due} each time {@code records} more are written: after they are, so that the
     * import finds them all.
     */
    void importEvery(int records, Runnable due) {
        importEvery = records;
        importDue = due;
    }

    /**
     * Gives the event its id and writes its frame to the journal; from then on the reads see it. On the caller's
     * thread, one caller at a time: a frame costs one {@code write}, cheaper than handing it to another thread and
     * waiting to be woken. When the write fails the segment is cut back to where the frame began, and the save is
     * refused ({@link Reason#COMMIT_FAILED}); once the journal is closed every save is ({@link Reason#CLOSED}). While
     * {@link #MAX_PENDING} records wait to reach the database, saves are refused ({@link Reason#QUEUE_FULL}) and an
     * import is asked for.
     *
     * @param record {@link DmJournalFrames#record} of the event and the device
     */
    synchronized DmEvent write(DmEvent event, DmDevice device, byte[] record) {
        if (closing) {
            throw new StoreUnavailableException(Reason.CLOSED, "the platform store is closed", null);
        }
        int waiting = pendingCount.get();
        if (waiting >= MAX_PENDING) {
            // no more saves are taken until an import has been
            importDue.run();
            throw new StoreUnavailableException(Reason.QUEUE_FULL, "the platform store's database has not taken the "
                    + waiting + " CMDMP records journaled before this one", null);
        }
        // never given again, even when this write fails: a frame of it may be on the disk
        long id = nextId++;
        ByteBuffer frame = ByteBuffer.allocate(DmJournalFrames.frameLength(record));
        DmJournalFrames.putFrame(frame, id, record);
        frame.flip();
        // an interrupt of the writing thread would close the channel under the write
        boolean interrupted = Thread.interrupted();
        try {
            if (segment == null) {
                begin();
            }
            long at = segmentSize;
            while (frame.hasRemaining()) {
                at += segment.write(frame, at);
            }
        } catch (IOException e) {
            cutBack();
            throw new StoreUnavailableException(Reason.COMMIT_FAILED,
                    "the platform store could not write its journal: " + e.getMessage(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        segmentSize += frame.limit();
        Entry entry = new Entry(event.withId(id), device);
        publish(entry);
        flushedThrough = id;
        if (++sinceImportAsked >= importEvery) {
            sinceImportAsked = 0;
            importDue.run();
        }
        if (segmentSize >= segmentBytes) {
            beginNext();
        }
        return entry.event();
    }

    /**
     * Closes the segment written so far and begins the next; when that fails the next write tries again (a segment
     * is never written again once closed: its last frame may be torn).
     */
    private void beginNext() {
        try {
            segment.close();
        } catch (IOException e) {
            log.warn("platform store: CMDMP journal {} not closed cleanly: {}", segmentFile, e.toString());
        }
        synchronized (closed) {
            closed.add(new Segment(segmentFile, flushedThrough));
        }
        segment = null;
        try {
            begin();
        } catch (IOException e) {
            log.warn("platform store: CMDMP journal: no new segment yet: {}", e.toString());
        }
    }

    /**
     * After a failed write: the segment back to its last whole frame, opened again if the failure closed it; a new
     * segment when that fails too. Nothing to cut back when there was no segment to write to.
     */
    private void cutBack() {
        if (segment == null) {
            return;
        }
        try {
            if (!segment.isOpen()) {
                segment = FileChannel.open(segmentFile, StandardOpenOption.WRITE);
            }
            segment.truncate(segmentSize);
        } catch (IOException e) {
            log.warn("platform store: CMDMP journal {} not cut back after a failed write ({}); a new segment begins",
                    segmentFile, e.toString());
            beginNext();
        }
    }

    /** From now on every save is refused; the writes under way finish first. */
    synchronized void stopWrites() {
        closing = true;
    }

    private void publish(Entry entry) {
        pending.put(entry.id(), entry);
        pendingCount.incrementAndGet();
        if (entry.device() != null) {
            pendingDevices.merge(entry.device().endpoint(), new Versioned(entry.device(), entry.id()),
                    Versioned::newer);
        }
    }

    /**
     * On the folder: inserts the pending events and folds the pending devices (each endpoint's newest) in one
     * transaction, its statements and commit in one of {@code turns}; then they are no longer pending, and the
     * segments holding only imported records are deleted. Returns how many records it imported.
     */
    int importInto(StoreConnection connection, CommitTurns turns) throws SQLException {
        List<Entry> batch = new ArrayList<>(pending.headMap(flushedThrough, true).values());
        if (batch.isEmpty()) {
            return 0;
        }
        List<Object[]> events = new ArrayList<>(batch.size());
        // each endpoint's newest, in endpoint order, as the folds of dm_device_change go
        Map<String, Entry> newest = new TreeMap<>();
        for (Entry entry : batch) {
            events.add(DmEventTable.valuesWithId(entry.event()));
            if (entry.device() != null) {
                newest.put(entry.device().endpoint(), entry);
            }
        }
        List<Object[]> devices = new ArrayList<>(newest.size());
        newest.values().forEach(entry -> devices.add(DmDeviceTable.values(entry.device(), entry.id())));
        turns.exclusively(connection, () -> {
            connection.updateEach(DmEventTable.INSERT_WITH_ID, events);
            DmDeviceTable.foldNewest(connection, devices);
        });
        long through = batch.get(batch.size() - 1).id();
        for (Entry entry : batch) {
            pending.remove(entry.id());
            if (entry.device() != null) {
                pendingDevices.computeIfPresent(entry.device().endpoint(),
                        (endpoint, known) -> known.eventId() <= through ? null : known);
            }
        }
        pendingCount.addAndGet(-batch.size());
        deleteSegmentsThrough(through);
        return batch.size();
    }

    private void deleteSegmentsThrough(long id) {
        List<Segment> done = new ArrayList<>();
        synchronized (closed) {
            while (!closed.isEmpty() && closed.peekFirst().lastId() <= id) {
                done.add(closed.removeFirst());
            }
        }
        for (Segment s : done) {
            try {
                Files.deleteIfExists(s.file());
            } catch (IOException e) {
                log.warn("platform store: CMDMP journal segment {} not deleted: {}", s.file(), e.toString());
            }
        }
    }

    /** Records journaled and not yet imported. */
    int backlog() {
        return pendingCount.get();
    }

    /** The newest id given so far (0 for none). */
    long newestId() {
        return nextId - 1;
    }

    /** The pending events below {@code beforeId}, newest first, at most {@code limit}. */
    List<DmEvent> events(long beforeId, int limit) {
        List<DmEvent> events = new ArrayList<>();
        for (Entry entry : pending.headMap(beforeId, false).descendingMap().values()) {
            if (events.size() >= limit) {
                break;
            }
            events.add(entry.event());
        }
        return events;
    }

    /** The newest pending record of {@code endpoint}. */
    Optional<Versioned> device(String endpoint) {
        return Optional.ofNullable(pendingDevices.get(endpoint));
    }

    /** The newest pending record of each endpoint that has one. */
    List<Versioned> devices() {
        return new ArrayList<>(pendingDevices.values());
    }

    /**
     * Closes the journal and lets its lock go; with nothing pending, every segment is deleted, as the database holds
     * all of them. Called once the final import is done; a save after it is refused.
     */
    @Override
    public synchronized void close() {
        closing = true;
        try {
            if (segment != null) {
                segment.close();
            }
        } catch (IOException e) {
            log.warn("platform store: CMDMP journal {} not closed cleanly: {}", segmentFile, e.toString());
        }
        if (pending.isEmpty()) {
            synchronized (closed) {
                closed.add(new Segment(segmentFile, flushedThrough));
            }
            deleteSegmentsThrough(flushedThrough);
        }
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            log.warn("platform store: CMDMP journal lock {} not released cleanly: {}", dir, e.toString());
        }
    }
}
