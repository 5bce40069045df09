package dev.selfreg.module.network;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real UDP socket from the module to one lab endpoint: bound to the endpoint's loopback
 * address and connected to the endpoint, so it receives from that peer only and learns of an
 * ICMP port unreachable (nobody listening there). A daemon thread receives.
 */
final class UdpLink implements AutoCloseable {

    /** Where received datagrams go, on the receiving thread. */
    interface Listener {
        void datagram(byte[] bytes);

        /** Each datagram on the wire: before it is sent, and as it arrives (before {@link #datagram}). */
        default void onWire(InetSocketAddress local, boolean received, byte[] bytes) {
        }

        /** The peer's host answered ICMP port unreachable. */
        void unreachable();
    }

    private static final Logger log = LoggerFactory.getLogger(UdpLink.class);
    /** Larger than any datagram a lab peer sends; a CoAP message over UDP stays within one MTU. */
    private static final int MAX_DATAGRAM = 2048;

    private final InetSocketAddress peer;
    private final DatagramSocket socket;
    private final Listener listener;

    UdpLink(InetSocketAddress peer, String name, Listener listener) throws IOException {
        this.peer = Loopback.require(peer);
        this.socket = new DatagramSocket(new InetSocketAddress(peer.getAddress(), 0));
        socket.connect(peer);
        this.listener = listener;
        Thread receiver = new Thread(() -> receive(listener), name);
        receiver.setDaemon(true);
        receiver.start();
    }

    /** Sends one datagram to the peer. */
    void send(byte[] bytes) throws IOException {
        Loopback.require(peer);
        listener.onWire(local(), false, bytes);
        socket.send(new DatagramPacket(bytes, bytes.length, peer));
    }

    private void receive(Listener listener) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] bytes = Arrays.copyOfRange(packet.getData(), packet.getOffset(),
                        packet.getOffset() + packet.getLength());
                listener.onWire(local(), true, bytes);
                listener.datagram(bytes);
            } catch (PortUnreachableException e) {
                listener.unreachable();
            } catch (SocketException e) {
                if (!socket.isClosed()) {
                    log.warn("UDP link to {} failed: {}", peer, e.toString());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("UDP link to {}: {}", peer, e.toString());
            }
        }
    }

    /** The module's end of the socket. */
    private InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() {
        socket.close();
    }
}
