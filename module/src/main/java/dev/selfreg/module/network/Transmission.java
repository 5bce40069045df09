package dev.selfreg.module.network;

import java.time.Duration;
import java.util.Optional;

/**
 * One transmission of a confirmable request, as the module's network saw it: when, where to,
 * which one of the exchange, and what became of it. For tests, logs and the curious.
 *
 * @param at      module time of the transmission
 * @param host    the destination the module addressed
 * @param service the lab service it is routed to, empty for an unreachable destination
 * @param mid     the CoAP message ID (the same for every resend of one request)
 * @param number  0 for the first transmission, then 1, 2, ... for the resends
 * @param fate    what became of it
 */
public record Transmission(Duration at, String host, Optional<LabService> service, int mid, int number, Fate fate) {

    /** What became of a transmission. */
    public enum Fate {
        /** A real datagram went to the lab endpoint on loopback. */
        SENT,
        /** Lost by a {@code drop} fault. */
        DROPPED,
        /** Answered by an {@code error} or {@code malformed} fault instead of the platform. */
        ANSWERED_BY_FAULT,
        /** The module is not registered on the radio network: lost, nothing sent. */
        NO_SERVICE,
        /** The destination has no route in the lab network: lost, nothing sent. */
        NO_ROUTE,
        /** The socket refused it: lost. */
        SEND_FAILED
    }
}
