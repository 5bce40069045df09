package dev.selfreg.module.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The faults in force on one module's network, in the order they were injected. Thread-safe:
 * the control API injects and clears while the module's network consults them.
 */
public final class NetworkFaults {

    /** What becomes of one request. */
    enum RequestFate { SEND, DROP, ERROR, MALFORMED, DUPLICATE }

    /** A fault and, for {@code drop} with a count, how many requests it still loses. */
    private static final class Active {
        final NetworkFault fault;
        int remaining;

        Active(NetworkFault fault) {
            this.fault = fault;
            this.remaining = fault.count().orElse(0);
        }
    }

    private final Random random;
    private final List<Active> active = new ArrayList<>();

    /** @param seed seeds the draws of {@code drop} faults with a probability */
    NetworkFaults(long seed) {
        this.random = new Random(seed);
    }

    /** Puts a fault in force, beside those already there. */
    public synchronized void add(NetworkFault fault) {
        active.add(new Active(fault));
    }

    /** Clears every fault. */
    public synchronized void clear() {
        active.clear();
    }

    /** The faults still in force; a {@code drop} of the first N leaves once it has lost N requests. */
    public synchronized List<NetworkFault> active() {
        return active.stream().map(a -> a.fault).toList();
    }

    /**
     * Decides the fate of the next request of {@code service}: a drop first, then an answer in place of the platform,
     * then a duplicate.
     */
    synchronized RequestFate onRequest(LabService service) {
        for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
            Active a = it.next();
            NetworkFault fault = a.fault;
            if (fault.service() != service || fault.mode() != NetworkFault.Mode.DROP) {
                continue;
            }
            if (fault.count().isPresent()) {
                if (--a.remaining == 0) {
                    it.remove();
                }
                return RequestFate.DROP;
            }
            if (fault.probability().isEmpty() || random.nextDouble() < fault.probability().getAsDouble()) {
                return RequestFate.DROP;
            }
        }
        for (Active a : active) {
            if (a.fault.service() == service && a.fault.mode() == NetworkFault.Mode.ERROR) {
                return RequestFate.ERROR;
            }
            if (a.fault.service() == service && a.fault.mode() == NetworkFault.Mode.MALFORMED) {
                return RequestFate.MALFORMED;
            }
        }
        for (Active a : active) {
            NetworkFault fault = a.fault;
            if (fault.service() == service && fault.mode() == NetworkFault.Mode.DUPLICATE
                    && (fault.probability().isEmpty() || random.nextDouble() < fault.probability().getAsDouble())) {
                return RequestFate.DUPLICATE;
            }
        }
        return RequestFate.SEND;
    }

    /** How late answers from {@code service} reach the module: the longest {@code delay} in force. */
    synchronized Duration answerDelay(LabService service) {
        return longest(service, NetworkFault.Mode.DELAY);
    }

    /** The extra time a lookup of a name of {@code service} takes. */
    synchronized Duration dnsDelay(LabService service) {
        return longest(service, NetworkFault.Mode.DNS_DELAY);
    }

    /** Whether names of {@code service} fail to resolve. */
    synchronized boolean dnsFails(LabService service) {
        return active.stream().anyMatch(a -> a.fault.service() == service && a.fault.mode() == NetworkFault.Mode.DNS_FAIL);
    }

    private Duration longest(LabService service, NetworkFault.Mode mode) {
        Duration longest = Duration.ZERO;
        for (Active a : active) {
            if (a.fault.service() == service && a.fault.mode() == mode && a.fault.duration().get().compareTo(longest) > 0) {
                longest = a.fault.duration().get();
            }
        }
        return longest;
    }
}
