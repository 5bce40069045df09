package dev.selfreg.platform.core;

import dev.selfreg.time.Quiescence;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's work under way, as {@link PlatformTime#begin} counts it: awaiting it returns once every piece is done,
 * or has outlasted the bound (then it is logged and no longer waited for).
 */
final class WorkInProgress implements Quiescence {

    private static final Logger log = LoggerFactory.getLogger(WorkInProgress.class);

    private final long boundNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Set<Piece> pieces = new HashSet<>();

    WorkInProgress(Duration bound) {
        this.boundNanos = bound.toNanos();
    }

    PlatformTime.Work begin(String what) {
        Piece piece = new Piece(what, System.nanoTime() + boundNanos);
        lock.lock();
        try {
            pieces.add(piece);
        } finally {
            lock.unlock();
        }
        return piece;
    }

    @Override
    public void awaitQuiet() {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                pieces.removeIf(piece -> outlasted(piece, now));
                if (pieces.isEmpty()) {
                    return;
                }
                long earliest = pieces.stream().mapToLong(piece -> piece.deadline - now).min().getAsLong();
                changed.await(earliest, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private boolean outlasted(Piece piece, long now) {
        if (piece.deadline - now > 0) {
            return false;
        }
        log.warn("the platform's {} is still not done after {} s; time moves on without it", piece.what,
                Duration.ofNanos(boundNanos).toSeconds());
        return true;
    }

    private final class Piece implements PlatformTime.Work {
        final String what;
        final long deadline;

        Piece(String what, long deadline) {
            this.what = what;
            this.deadline = deadline;
        }

        @Override
        public void done() {
            lock.lock();
            try {
                if (pieces.remove(this)) {
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
