package dev.selfreg.module.network;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * A lab endpoint on loopback where nobody takes the module's datagrams: the test holds the port
 * with a socket connected to itself, so the kernel finds no socket for a datagram from the
 * module and answers it with an ICMP port unreachable, as for a port where nothing listens.
 * Unlike a port bound and closed again, it stays the test's until {@link #close()}: no other
 * program can take it meanwhile and answer.
 */
public final class RefusingPort implements AutoCloseable {

    private final DatagramSocket held;

    public RefusingPort() throws SocketException {
        held = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        held.connect(held.getLocalSocketAddress());
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) held.getLocalSocketAddress();
    }

    @Override
    public void close() {
        held.close();
    }
}
