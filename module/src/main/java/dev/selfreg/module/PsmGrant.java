package dev.selfreg.module;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the network grants when the module asks for PSM ({@code AT+CPSMS=1}): the timers asked
 * for, other timers of its own, or no PSM at all (TS 24.301 §5.3.11 and §5.5.1.2.4: the network
 * decides the T3324 and T3412 it sends in the Attach or TAU Accept, or leaves T3324 out). A
 * network condition, so a test or a scenario can give the MCU's firmware a network that does not
 * grant what it asks for. Without a request the network grants nothing whatever this says.
 *
 * @param kind   which of the three
 * @param timers the timers granted when {@code kind} is {@link Kind#TIMERS}; empty otherwise
 */
public record PsmGrant(Kind kind, Optional<PsmTimers> timers) {

    /** The three answers a network may give to a PSM request. */
    public enum Kind {
        /** The timers requested (the default). */
        REQUESTED,
        /** No PSM: the module keeps listening for paging on its DRX cycle. */
        REFUSED,
        /** Timers of the network's choosing. */
        TIMERS;

        /** The word the control API and scenarios use: {@code requested}, {@code refused}, {@code timers}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The network's default: it grants what is asked (Interpretation, at-commands.md §9.1). */
    public static final PsmGrant AS_REQUESTED = new PsmGrant(Kind.REQUESTED, Optional.empty());
    /** A network that never grants PSM. */
    public static final PsmGrant REFUSED = new PsmGrant(Kind.REFUSED, Optional.empty());

    public PsmGrant {
        if (kind == null || timers == null || timers.isPresent() != (kind == Kind.TIMERS)) {
            throw new IllegalArgumentException("PSM timers are given exactly when the network grants timers of its own");
        }
    }

    /** A network that grants {@code granted} to any PSM request. */
    public static PsmGrant timers(PsmTimers granted) {
        return new PsmGrant(Kind.TIMERS, Optional.of(granted));
    }

    /** The grant a word names: {@code requested} or {@code refused}. */
    public static Optional<PsmGrant> ofLabel(String label) {
        return Stream.of(AS_REQUESTED, REFUSED).filter(grant -> grant.kind.label().equals(label)).findFirst();
    }

    /** What the network grants to {@code request}: nothing without one. */
    public Optional<PsmTimers> grant(Optional<PsmTimers> request) {
        if (request.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind) {
            case REQUESTED -> request;
            case REFUSED -> Optional.empty();
            case TIMERS -> timers;
        };
    }

    /**
     * As the control API shows and takes it: {@code "requested"}, {@code "refused"}, or
     * {@code {"activeTime":"...","periodicTau":"..."}}.
     */
    public Object view() {
        if (timers.isEmpty()) {
            return kind.label();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("activeTime", timers.get().activeTime());
        fields.put("periodicTau", timers.get().periodicTau());
        return fields;
    }
}
