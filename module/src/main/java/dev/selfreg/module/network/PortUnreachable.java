package dev.selfreg.module.network;

/**
 * What a confirmable exchange makes of an ICMP port unreachable from its lab endpoint (nobody
 * listening there), whether it comes on the receiving socket or as the refusal of a send.
 */
public enum PortUnreachable {
    /** The exchange ends at once with {@link CoapOutcome.Unreachable}: nobody listening is a failure. */
    ENDS_EXCHANGE,
    /**
     * The transmission counts as lost and the retransmission schedule runs to its end, as on an
     * IP stack that does not report ICMP errors to UDP sockets (lwIP, which NB-IoT firmware
     * runs, does not): a platform that is down looks the same as one whose replies are lost.
     */
    LOSES_TRANSMISSION
}
