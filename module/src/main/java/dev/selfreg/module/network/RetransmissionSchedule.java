package dev.selfreg.module.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * When a confirmable CoAP message is resent (RFC 7252 §4.2, §4.8): the first timeout is drawn
 * between {@code ackTimeout} and {@code ackTimeout × randomFactor}, each following timeout is
 * {@code scale} times the previous one, and after {@code maxRetransmits} resends the exchange
 * gives up when the last timeout expires. The same four numbers as Californium's
 * {@code CoapConfig} ACK_TIMEOUT, ACK_RANDOM_FACTOR, ACK_TIMEOUT_SCALE and MAX_RETRANSMIT.
 *
 * @param ackTimeout     the shortest first timeout
 * @param randomFactor   at least 1; 1 means no randomness
 * @param scale          at least 1; 2 is the RFC's doubling
 * @param maxRetransmits resends after the first transmission
 */
public record RetransmissionSchedule(Duration ackTimeout, double randomFactor, double scale, int maxRetransmits) {

    /** Checks the ranges. */
    public RetransmissionSchedule {
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ackTimeout must be positive: " + ackTimeout);
        }
        if (!(randomFactor >= 1) || !(scale >= 1)) {
            throw new IllegalArgumentException("randomFactor and scale must be at least 1");
        }
        if (maxRetransmits < 0) {
            throw new IllegalArgumentException("maxRetransmits must not be negative");
        }
    }

    /** Draws the first timeout of one exchange; draws nothing when there is no random factor. */
    public Duration initialTimeout(Random random) {
        if (randomFactor == 1) {
            return ackTimeout;
        }
        return Duration.ofNanos(Math.round(ackTimeout.toNanos() * (1 + random.nextDouble() * (randomFactor - 1))));
    }

    /** The wait after transmission number {@code transmission} (0 is the first send). */
    public Duration timeout(Duration initial, int transmission) {
        return Duration.ofNanos(Math.round(initial.toNanos() * Math.pow(scale, transmission)));
    }

    /** When each transmission happens, counted from the first: {@code 1 + maxRetransmits} instants. */
    public List<Duration> sendTimes(Duration initial) {
        List<Duration> times = new ArrayList<>();
        Duration at = Duration.ZERO;
        for (int transmission = 0; transmission <= maxRetransmits; transmission++) {
            times.add(at);
            at = at.plus(timeout(initial, transmission));
        }
        return times;
    }

    /** When the exchange gives up without an answer, counted from the first send. */
    public Duration giveUpAfter(Duration initial) {
        Duration last = sendTimes(initial).get(maxRetransmits);
        return last.plus(timeout(initial, maxRetransmits));
    }
}
