package dev.selfreg.module.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;

/**
 * The real datagrams the module sent whose answer has not come back yet, so that virtual time
 * can wait for them (the module network's {@link dev.selfreg.time.Quiescence}). An entry ends
 * when the answer arrives, when the peer's host reports it unreachable, or when the wall-time
 * bound passes (then it counts as lost, and the module's retransmission takes over in module
 * time). An empty ACK turns the entry into a wait for the separate response, with a new bound.
 * A lab service known to follow an answer with a request of its own (the DM platform reading
 * {@code /666/0}) has that request waited for the same way.
 */
final class InFlight {

    /** What an entry waits for. */
    private enum Awaiting {
        /** The answer to a request: an ACK, a piggybacked response or a Reset, by MID. */
        ANSWER,
        /** The separate response after an empty ACK, by token. */
        SEPARATE_RESPONSE,
        /** A request of the service's own, whatever its MID and token. */
        REQUEST
    }

    /** One awaited datagram. */
    private record Entry(LabService service, int mid, Token token, Awaiting awaiting, long deadline) {
    }

    private final long boundNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Entry> entries = new ArrayList<>();

    InFlight(Duration bound) {
        this.boundNanos = bound.toNanos();
    }

    /** Called before the datagram is sent, so no answer can come before its entry. */
    void sent(LabService service, int mid, Token token) {
        lock.lock();
        try {
            long now = System.nanoTime();
            entries.removeIf(e -> e.deadline - now <= 0);
            entries.add(new Entry(service, mid, token, Awaiting.ANSWER, now + boundNanos));
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code service} will send a request of its own; called on the receiving thread before
     * the answer that announces it is {@link #answered}, so the wait has no gap.
     */
    void expectRequest(LabService service) {
        lock.lock();
        try {
            entries.add(new Entry(service, -1, Token.EMPTY, Awaiting.REQUEST, System.nanoTime() + boundNanos));
        } finally {
            lock.unlock();
        }
    }

    /** A message from {@code service} arrived: it ends the oldest entry it answers. */
    void answered(LabService service, Message message) {
        lock.lock();
        try {
            boolean byMid = message.getType() == Type.ACK || message.getType() == Type.RST;
            boolean request = message instanceof Request;
            for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (e.service != service) {
                    continue;
                }
                if (request) {
                    if (e.awaiting == Awaiting.REQUEST) {
                        it.remove();
                        break;
                    }
                    continue;
                }
                if (byMid && e.awaiting == Awaiting.ANSWER && e.mid == message.getMID()) {
                    it.remove();
                    if (message.getType() == Type.ACK && message.getRawCode() == 0) {
                        entries.add(new Entry(service, e.mid, e.token, Awaiting.SEPARATE_RESPONSE,
                                System.nanoTime() + boundNanos));
                    }
                    break;
                }
                if (!byMid && e.awaiting != Awaiting.REQUEST && e.token.equals(message.getToken())) {
                    it.remove();
                    break;
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The peer's host reported the port unreachable: nothing sent to {@code service} will be answered. */
    void unreachable(LabService service) {
        lock.lock();
        try {
            entries.removeIf(e -> e.service == service);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets everything (the module lost power: its answers no longer matter). */
    void clear() {
        lock.lock();
        try {
            entries.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits, at most until each entry's bound, until every entry has ended. */
    void awaitQuiet() {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                entries.removeIf(e -> e.deadline - now <= 0);
                if (entries.isEmpty()) {
                    return;
                }
                long earliest = entries.stream().mapToLong(e -> e.deadline - now).min().getAsLong();
                changed.await(earliest, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
