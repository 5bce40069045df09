package dev.selfreg.module.network;

import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;

/**
 * The way out for the module's own answers (an ACK, a Reset, the response to a lab service's
 * request): no fault applies to them and nothing waits for them, so they go straight to the
 * {@link Connector}; a failure to send one is logged, not reported.
 */
@FunctionalInterface
interface Replies {

    /** Sends {@code datagram} to {@code service}; {@code what} names it in the log. */
    void send(LabService service, byte[] datagram, String what);

    /** Sends an empty ACK or Reset of {@code mid} to {@code service}. */
    default void sendEmpty(LabService service, Type type, int mid) {
        EmptyMessage empty = new EmptyMessage(type);
        empty.setMID(mid);
        empty.setToken(Token.EMPTY);
        send(service, new UdpDataSerializer().getByteArray(empty), type + " " + mid);
    }
}
