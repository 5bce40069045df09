package dev.selfreg.module.network;

import java.io.IOException;

/**
 * The bottom layer of a module's network (Californium's {@code Connector}): carries datagrams
 * between the module and the lab services' endpoints, and hands what arrives to a
 * {@link Receiver}. It knows bytes and lab services only: nothing of CoAP, faults or module
 * time, so the layers above ({@link FaultInjection}, {@link ExchangeMatcher},
 * {@link RequestDeduplicator}) run the same over any way of carrying datagrams.
 *
 * <p>Contract for an implementation: {@link Receiver} calls come from the connector's own
 * thread (or threads) and never while the connector holds a lock the layers above could wait
 * for; an ICMP port unreachable from a service's endpoint is reported as
 * {@link Receiver#unreachable} or thrown from {@link #send} as a
 * {@link java.net.PortUnreachableException}; after {@link #close()} nothing is sent or received,
 * and a send or an open that would need a socket fails with an {@link IOException}. Every
 * datagram goes to loopback only ({@link Loopback}).
 *
 * <p>Each module's network has a connector of its own ({@link UdpConnector}: a channel per
 * service); what carries the datagrams is shared with the other modules of the process
 * ({@link UdpChannels}: one selector and its receiving thread), and every arrival reaches the
 * receiver of the module it is for.
 */
interface Connector extends AutoCloseable {

    /** Where a connector delivers what arrives. */
    interface Receiver {
        /** A datagram from {@code service}'s endpoint. */
        void datagram(LabService service, byte[] bytes);

        /** {@code service}'s endpoint answered ICMP port unreachable: nobody listens there. */
        void unreachable(LabService service);
    }

    /**
     * Opens what carries datagrams to {@code service}, as a module opens its socket before the
     * first send; nothing for a service the lab network has no endpoint for, and nothing when
     * already open.
     *
     * @throws IOException when it cannot be opened, or the connector is closed
     */
    void open(LabService service) throws IOException;

    /**
     * Sends one datagram to {@code service}'s endpoint, opening first if needed.
     *
     * @throws IOException when it cannot be sent (an ICMP port unreachable among others)
     */
    void send(LabService service, byte[] datagram) throws IOException;

    /**
     * Lets go of what the connector holds open while the module's radio sleeps (PSM): nothing arrives meanwhile, and
     * the next {@link #open} or {@link #send} opens it again, towards the same endpoints from the same addresses.
     */
    void park();

    /** Stops carrying datagrams; nothing is sent or received afterwards. */
    @Override
    void close();
}
