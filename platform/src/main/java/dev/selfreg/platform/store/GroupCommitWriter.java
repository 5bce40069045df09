package dev.selfreg.platform.store;

import dev.selfreg.platform.store.StoreUnavailableException.Reason;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one writer. It commits whatever writes are waiting as one transaction (group commit), so many
 * devices reporting at once share the cost of a commit, and completes a write's future only after its
 * commit, which is what the platform's "reply only after commit" rule needs. A write that fails in a group
 * is retried alone, so one bad record never takes others down with it. A group whose connection broke
 * before its commit (the database restarted, or ended the session) is run once more on a fresh connection;
 * a group the database could not commit fails as a whole, and the next group gets a fresh connection: the
 * store recovers by itself once the database is back. If the writer itself dies, every write waiting and every later one fails at once
 * ({@link Reason#WRITER_STOPPED}) rather than waiting forever.
 *
 * <p>The queue is bounded, in room and in time. Offered more writes than the database commits, the writer refuses
 * those that do not fit ({@link #CAPACITY}, {@link Reason#QUEUE_FULL}) at once, so the platform sheds load instead of
 * growing its heap; and a write that waited longer than {@link #MAX_WAIT} for its group is refused untried
 * ({@link Reason#QUEUE_WAIT}), so what is committed is answered within a bounded time however slow the database.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** The most writes committed together. */
    private static final int MAX_GROUP = 512;

    /** The most writes waiting at once: two full groups. */
    static final int CAPACITY = 2 * MAX_GROUP;
    /** The longest a write waits for its group and is still run, unless told otherwise. */
    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    /** One unit of work inside the writer's transaction. */
    @FunctionalInterface
    interface Write<T> {
        T run(StoreConnection connection) throws SQLException;
    }

    private record Pending<T>(Write<T> write, CompletableFuture<T> done, long queuedAt) {
        void runAndHold(StoreConnection connection, List<Runnable> completions) throws SQLException {
            T result = write.run(connection);
            completions.add(() -> done.complete(result));
        }

        void fail(StoreException e) {
            done.completeExceptionally(e);
        }
    }

    /** Queued by {@link #close()} after the last write it takes; the writer stops when it gets there. */
    private static final Pending<Void> CLOSE = new Pending<>(connection -> null, new CompletableFuture<>(), 0);

    private final StoreConnection connection;
    private final CommitTurns turns;
    private final Executor completions;
    private final BlockingQueue<Pending<?>> pending = new LinkedBlockingQueue<>();
    private final LongSupplier nanoTime;
    private volatile long maxWaitNanos = MAX_WAIT.toNanos();
    /** Guards {@link #refusal}, {@link #peak} and queuing: once writes are refused nothing more is queued. */
    private final Object intake = new Object();
    /** The most writes ever waiting at once. */
    private int peak;
    /** Why writes are refused; null while they are taken. */
    private StoreUnavailableException refusal;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * Starts writing on {@code connection}, which it owns from now on.
     *
     * @param thread      runs the writer's loop, on a thread of its own until the writer stops
     * @param completions runs the callers' continuations of committed writes, off the writer
     */
    GroupCommitWriter(StoreConnection connection, Executor thread, Executor completions) {
        this(connection, thread, completions, System::nanoTime, new CommitTurns());
    }

    /**
     * The same, measuring how long writes wait on {@code nanoTime} (monotonic, as {@link System#nanoTime()}), its
     * commits taking {@code turns} with the other connections' commits.
     */
    GroupCommitWriter(StoreConnection connection, Executor thread, Executor completions, LongSupplier nanoTime,
            CommitTurns turns) {
        this.connection = connection;
        this.turns = turns;
        this.completions = completions;
        this.nanoTime = nanoTime;
        thread.execute(this::run);
    }

    /** Queues a write; the future completes once it is committed, or fails with a {@link StoreException}. */
    <T> CompletableFuture<T> submit(Write<T> write) {
        CompletableFuture<T> done = new CompletableFuture<>();
        synchronized (intake) {
            if (refusal != null) {
                done.completeExceptionally(refusal.again());
            } else if (pending.size() >= CAPACITY) {
                done.completeExceptionally(new StoreUnavailableException(Reason.QUEUE_FULL,
                        "the platform store's queue is full (" + CAPACITY + " writes waiting)", null));
            } else {
                pending.add(new Pending<>(write, done, nanoTime.getAsLong()));
                peak = Math.max(peak, pending.size());
            }
        }
        return done;
    }

    /** From now on a write that waited longer than {@code maxWait} is refused untried. */
    void refuseWaitingOver(Duration maxWait) {
        maxWaitNanos = maxWait.toNanos();
    }

    /** Writes waiting for the writer now. */
    int queued() {
        return pending.size();
    }

    /** The most writes that ever waited at once; never above {@link #CAPACITY}. */
    int peak() {
        synchronized (intake) {
            return peak;
        }
    }

    /** Commits what is waiting, refuses what comes after, and returns once the writer has stopped. */
    @Override
    public void close() {
        synchronized (intake) {
            if (refusal == null) {
                refusal = new StoreUnavailableException(Reason.CLOSED, "the platform store is closed", null);
                pending.add(CLOSE);
            }
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending<?>> group = new ArrayList<>();
        Throwable death = null;
        try {
            boolean closing = false;
            while (!closing) {
                group.add(pending.take());
                pending.drainTo(group, MAX_GROUP - 1);
                // nothing is queued after CLOSE, so it can only be last
                closing = group.get(group.size() - 1) == CLOSE;
                if (closing) {
                    group.remove(group.size() - 1);
                }
                refuseStale(group);
                if (!group.isEmpty()) {
                    commit(group);
                }
                group.clear();
            }
        } catch (Throwable t) {
            death = t;
        } finally {
            stop(group, death);
        }
    }

    /** Refuses, untried, the writes of the group that waited longer than the bound ({@link #MAX_WAIT} by default). */
    private void refuseStale(List<Pending<?>> group) {
        long now = nanoTime.getAsLong();
        long bound = maxWaitNanos;
        group.removeIf(write -> {
            long waited = now - write.queuedAt();
            if (waited <= bound) {
                return false;
            }
            write.fail(new StoreUnavailableException(Reason.QUEUE_WAIT, "the write waited "
                    + Duration.ofNanos(waited).toMillis() + " ms in the platform store's queue", null));
            return true;
        });
    }

    /** Commits the group as one transaction; when a record of it fails, each write alone, so only that one fails. */
    private void commit(List<Pending<?>> group) {
        StoreException first = commitTogether(group);
        // nothing was committed on the broken connection, so once more on a fresh one is safe
        StoreException failure = lost(first) ? commitTogether(group) : first;
        if (failure == null) {
            return;
        }
        if (group.size() == 1 || failure instanceof StoreUnavailableException) {
            group.forEach(write -> write.fail(failure));
            return;
        }
        StoreException unavailable = null;
        for (Pending<?> write : group) {
            // once the database is gone the rest of the group fails with it, without a connection attempt each
            StoreException alone = unavailable != null ? unavailable : commitTogether(List.of(write));
            if (unavailable == null && lost(alone)) {
                alone = commitTogether(List.of(write));
            }
            if (alone instanceof StoreUnavailableException) {
                unavailable = alone;
            }
            if (alone != null) {
                write.fail(alone);
            }
        }
    }

    /** Whether the writes failed on a connection that broke under them, before their commit. */
    static boolean lost(StoreException failure) {
        return failure instanceof StoreUnavailableException unavailable && unavailable.reason() == Reason.CONNECTION_LOST;
    }

    /** Runs and commits the writes as one transaction; returns why that failed, or null once committed. */
    private StoreException commitTogether(List<Pending<?>> writes) {
        List<Runnable> done = new ArrayList<>(writes.size());
        try {
            for (Pending<?> write : writes) {
                write.runAndHold(connection, done);
            }
        } catch (SQLException | RuntimeException e) {
            return connection.failure("write", e);
        }
        try {
            turns.commit(connection);
        } catch (SQLException | RuntimeException e) {
            connection.giveUp(e);
            return new StoreUnavailableException(Reason.COMMIT_FAILED,
                    "the platform store could not commit: " + e.getMessage(), e);
        }
        handOff(done);
        return null;
    }

    /**
     * The callers' continuations (announcing, replying to the device) run off the writer, which goes straight
     * on to the next group; on the writer only when the executor refuses them.
     */
    private void handOff(List<Runnable> done) {
        Runnable complete = () -> done.forEach(Runnable::run);
        try {
            completions.execute(complete);
        } catch (RejectedExecutionException e) {
            complete.run();
        }
    }

    /** Refuses every write from now on, fails those queued and the group in hand, and lets the connection go. */
    private void stop(List<Pending<?>> inHand, Throwable death) {
        if (death instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        List<Pending<?>> left = new ArrayList<>(inHand);
        StoreUnavailableException why;
        synchronized (intake) {
            if (death != null) {
                refusal = new StoreUnavailableException(Reason.WRITER_STOPPED,
                        "the platform store's writer stopped (" + death + "); restart the platform", death);
            }
            why = refusal;
            pending.drainTo(left);
        }
        if (death != null) {
            log.error("platform store: the writer stopped; every write is refused until the platform restarts", death);
        }
        for (Pending<?> write : left) {
            if (write != CLOSE) {
                write.fail(why.again());
            }
        }
        connection.close();
        stopped.countDown();
    }
}
