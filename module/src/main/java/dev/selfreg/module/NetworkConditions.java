package dev.selfreg.module;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The radio network around one module, as a test, the control API or a scenario sets it: not
 * the module's state but the world's, so it outlasts reboots and power cuts. The module's
 * {@link NetworkAttach} reacts to it as a real module reacts to its network.
 *
 * @param availability whether the network takes a registration, refuses it, or is out of reach
 * @param rejectCause  the EMM cause a refusal carries (3GPP TS 24.301 §9.9.3.9), the
 *                     {@code <reject_cause>} of {@code +CEREG} with {@code <n>} 3 or 5
 * @param attachTime   how long a network search takes until the network answers it
 * @param signal       what the module measures of the cell while one is in sight
 * @param psm          what the network grants of a PSM request, from the next attach or request
 */
public record NetworkConditions(Availability availability, int rejectCause, Duration attachTime, RadioSignal signal,
                                PsmGrant psm) {

    /** The longest attach a condition may ask for: longer would only hide a typo. */
    public static final Duration MAX_ATTACH_TIME = Duration.ofHours(24);

    /** What the network does with a registration. */
    public enum Availability {
        /** A cell is in sight and the network registers the module ({@code +CEREG} stat 1). */
        AVAILABLE,
        /** A cell is in sight but the network refuses the registration (stat 3). */
        DENIED,
        /** No cell in sight: the module loses its registration and finds nothing (stat 0). */
        LOST;

        /** The name the control API and scenarios use: {@code available}, {@code denied}, {@code lost}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Availability> ofLabel(String label) {
            return Arrays.stream(values()).filter(value -> value.label().equals(label)).findFirst();
        }
    }

    public NetworkConditions {
        if (availability == null || signal == null || attachTime == null || psm == null) {
            throw new IllegalArgumentException("availability, attach time, signal and PSM grant are required");
        }
        if (rejectCause < 0 || rejectCause > 255) {
            throw new IllegalArgumentException("reject cause is an EMM cause, 0-255, not " + rejectCause);
        }
        if (attachTime.isNegative() || attachTime.compareTo(MAX_ATTACH_TIME) > 0) {
            throw new IllegalArgumentException("attach time must be 0 to " + MAX_ATTACH_TIME.toSeconds() + " s, not "
                    + attachTime.toMillis() / 1000.0 + " s");
        }
    }

    /**
     * A network that registers the module after the profile's attach time, with the emulator's
     * default cell, and grants the PSM timers asked for.
     */
    public static NetworkConditions standard(ModuleProfile profile) {
        return new NetworkConditions(Availability.AVAILABLE, Bc260yFacts.DEFAULT_REJECT_CAUSE, profile.attachTime(),
                Bc260yFacts.DEFAULT_SIGNAL, PsmGrant.AS_REQUESTED);
    }

    public NetworkConditions withAvailability(Availability value) {
        return new NetworkConditions(value, rejectCause, attachTime, signal, psm);
    }

    public NetworkConditions withRejectCause(int value) {
        return new NetworkConditions(availability, value, attachTime, signal, psm);
    }

    public NetworkConditions withAttachTime(Duration value) {
        return new NetworkConditions(availability, rejectCause, value, signal, psm);
    }

    public NetworkConditions withSignal(RadioSignal value) {
        return new NetworkConditions(availability, rejectCause, attachTime, value, psm);
    }

    public NetworkConditions withPsm(PsmGrant value) {
        return new NetworkConditions(availability, rejectCause, attachTime, signal, value);
    }
}
