package dev.selfreg.capture.record;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * Told of every datagram and HTTP exchange a {@link WireRecorder} sees, at the moment it sees it, whether or not the
 * recorder writes a file: the lab platform's per-device journal listens here. Called on the listener's own threads
 * (Californium's connector threads, Jetty's), so an implementation is thread-safe and quick.
 */
public interface WireTap {

    /**
     * A datagram that went over a UDP listener.
     *
     * @param received whether the listener received it from {@code peer} (else it sent it there)
     * @param payload the datagram's bytes, not to be changed
     */
    void datagram(Instant time, String listener, InetSocketAddress local, InetSocketAddress peer, boolean received,
            byte[] payload);

    /**
     * One HTTP exchange on a listener: the request as received, the response as sent.
     *
     * @param receivedAt when the request was taken in
     * @param answeredAt when the response went out
     */
    void httpExchange(String listener, InetSocketAddress server, InetSocketAddress client, Instant receivedAt,
            Instant answeredAt, byte[] request, byte[] response);
}
