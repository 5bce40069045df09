package dev.selfreg.time;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock whose time moves only when told. {@link #advance(Duration)} runs every timer that
 * falls due, in due order, with the clock set to each timer's due time while it runs, so a
 * 24 h update period or a 1 h retry is exercised in microseconds and in exactly the order it
 * would happen in real time.
 *
 * <p>Time stands still for the outside world too: before each due timer runs, and before time
 * moves to the target of an advance, every registered {@link Quiescence} is awaited, so events
 * from real I/O started at the current instant (a reply from a real peer) are handled at that
 * instant, as they would be on a wall clock where they take milliseconds.
 *
 * <p>Some outside work is fed by the clock's own tasks: a lab platform that reads a module's
 * object after the module's Register waits for the module's answer, which a task due at this
 * instant sends. Such work is a quiescence {@linkplain #addQuiescenceBeforeMove awaited before
 * time moves}: once no task is due at the current instant any more, before a later timer runs
 * and before time moves to the target, so that what it records carries the current instant.
 */
public final class VirtualClock implements ModuleClock {

    /** Cancelled timers the queue may hold before they are all taken out at once. */
    private static final int PURGE_AT = 1024;

    private final Object lock = new Object();
    private final Object advanceLock = new Object();
    private final PriorityQueue<VirtualTimer> queue = new PriorityQueue<>();
    private final List<Quiescence> quiescences = new CopyOnWriteArrayList<>();
    private final List<Quiescence> beforeMove = new CopyOnWriteArrayList<>();
    private final Set<Quiescence> active = ConcurrentHashMap.newKeySet();
    private long now;
    private long sequence;
    /** Timers cancelled but still in the queue: taken out when they reach its head, or all at once when many. */
    private int cancelled;

    @Override
    public long nanoTime() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        synchronized (lock) {
            VirtualTimer timer = new VirtualTimer(Math.addExact(now, delay.toNanos()), sequence++, task);
            queue.add(timer);
            return timer;
        }
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    /**
     * Registers something whose pending real-world events must be waited for (in wall time,
     * bounded by the quiescence itself) before a timer runs or time moves on.
     */
    public void addQuiescence(Quiescence quiescence) {
        quiescences.add(quiescence);
    }

    public void removeQuiescence(Quiescence quiescence) {
        quiescences.remove(quiescence);
    }

    /**
     * Tells the clock that {@code quiescence} has just started something real (a datagram sent): it is awaited once
     * no task is due at the current instant any more, before time moves on (to a later timer or to the target of an
     * advance), until it has once come to rest. What it makes happen meanwhile is handled at the current instant.
     * Called again for each new start; cheap, and safe from any thread.
     */
    public void awaitActivity(Quiescence quiescence) {
        active.add(quiescence);
    }

    /**
     * Registers outside work that the clock's own tasks may feed, awaited only when no task is
     * due at the current instant, before time moves on (to a later timer or to the target of an
     * advance). Waiting for it before each timer could wait for a task that has not run yet.
     */
    public void addQuiescenceBeforeMove(Quiescence quiescence) {
        beforeMove.add(quiescence);
    }

    public void removeQuiescenceBeforeMove(Quiescence quiescence) {
        beforeMove.remove(quiescence);
    }

    /**
     * Moves time forward by {@code duration}, running every timer due up to the new time,
     * including timers that those tasks schedule within the window. Before each timer and
     * before the final move, every {@link Quiescence} is awaited, and before time moves on,
     * every {@linkplain #addQuiescenceBeforeMove quiescence before a move}. Returns the number
     * of tasks run. Calls are serialised; a task may schedule but must not call advance.
     */
    public int advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards: " + duration);
        }
        synchronized (advanceLock) {
            long target;
            synchronized (lock) {
                target = Math.addExact(now, duration.toNanos());
            }
            int ran = 0;
            while (true) {
                awaitQuiet(quiescences);
                if (!dueNow()) {
                    awaitActive();
                }
                if (!dueNow()) {
                    awaitQuiet(beforeMove);
                }
                VirtualTimer next = takeDue(target);
                if (next == null) {
                    break;
                }
                next.task.run();
                ran++;
            }
            synchronized (lock) {
                now = target;
            }
            return ran;
        }
    }

    /** Runs the tasks due now (scheduled with a zero delay) without moving time. */
    public int runDue() {
        return advance(Duration.ZERO);
    }

    /** Number of timers still waiting. */
    public int pendingTimers() {
        synchronized (lock) {
            return queue.size() - cancelled;
        }
    }

    /** Module time until the earliest waiting timer is due; empty when none waits. */
    public Optional<Duration> untilNextTimer() {
        synchronized (lock) {
            VirtualTimer head = head();
            return head == null ? Optional.empty() : Optional.of(Duration.ofNanos(Math.max(0, head.due - now)));
        }
    }

    private static void awaitQuiet(List<Quiescence> all) {
        for (Quiescence quiescence : all) {
            quiescence.awaitQuiet();
        }
    }

    /** Each active quiescence leaves the set before it is awaited, so one that starts again meanwhile is awaited again. */
    private void awaitActive() {
        while (!active.isEmpty()) {
            for (var it = active.iterator(); it.hasNext(); ) {
                Quiescence quiescence = it.next();
                it.remove();
                quiescence.awaitQuiet();
            }
        }
    }

    private boolean dueNow() {
        synchronized (lock) {
            VirtualTimer head = head();
            return head != null && head.due <= now;
        }
    }

    private VirtualTimer takeDue(long target) {
        synchronized (lock) {
            VirtualTimer head = head();
            if (head == null || head.due > target) {
                return null;
            }
            queue.poll();
            head.over = true;
            now = head.due;
            return head;
        }
    }

    /** The earliest timer still pending, the cancelled ones before it dropped (under the lock). */
    private VirtualTimer head() {
        VirtualTimer head = queue.peek();
        while (head != null && head.over) {
            queue.poll();
            cancelled--;
            head = queue.peek();
        }
        return head;
    }

    private final class VirtualTimer implements Timer, Comparable<VirtualTimer> {
        final long due;
        final long seq;
        final Runnable task;
        /** Run or cancelled (under the lock). */
        boolean over;

        VirtualTimer(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public boolean cancel() {
            synchronized (lock) {
                if (over) {
                    return false;
                }
                // marked, not searched for: a queue of a fleet's timers is too long to scan at each cancel
                over = true;
                cancelled++;
                if (cancelled > PURGE_AT && cancelled > queue.size() / 2) {
                    queue.removeIf(timer -> timer.over);
                    cancelled = 0;
                }
                return true;
            }
        }

        @Override
        public long dueNanos() {
            return due;
        }

        @Override
        public int compareTo(VirtualTimer other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(seq, other.seq);
        }
    }
}
