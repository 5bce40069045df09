package dev.selfreg.platform.wire;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/** One thing the journal keeps of a device's traffic: a datagram, or an HTTP request with its response. */
public sealed interface WireEntry {

    /** When the listener saw it (an HTTP exchange: when its request came in), on the platform's clock. */
    Instant time();

    /** The listener: {@code ct-coap}, {@code ct-http} or {@code dm}. */
    String listener();

    /**
     * A datagram on a UDP listener.
     *
     * @param received whether the platform received it (from the device) or sent it (to the device)
     * @param payload its bytes (CoAP, or whatever came)
     */
    record Datagram(Instant time, String listener, InetSocketAddress local, InetSocketAddress peer,
                    boolean received, byte[] payload) implements WireEntry {
        /** Requires every reference. */
        public Datagram {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(listener, "listener");
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * An HTTP exchange: the request as received, the response as sent.
     *
     * @param time when the request came in
     * @param answeredAt when the response went out
     */
    record HttpExchange(Instant time, Instant answeredAt, String listener, InetSocketAddress server,
                        InetSocketAddress client, byte[] request, byte[] response) implements WireEntry {
        /** Requires every reference. */
        public HttpExchange {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(answeredAt, "answeredAt");
            Objects.requireNonNull(listener, "listener");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(response, "response");
        }
    }
}
