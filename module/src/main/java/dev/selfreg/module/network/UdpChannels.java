package dev.selfreg.module.network;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP of every emulated module in a process: one non-blocking {@link DatagramChannel} per module and lab
 * service, all registered on one {@link Selector} whose single thread receives for all of them. A module costs a
 * channel (a file descriptor and a few objects), never a thread; what arrives on a channel goes to that channel's
 * {@link Listener}, so each module hears its own traffic only.
 *
 * <p>A channel per module, not a few channels shared: the platform knows a CMDMP device by the address its Register
 * came from and reads {@code /666/0} back to that address, so each module needs a source address and port of its own.
 * Loopback has a whole {@code 127.0.0.0/8} on Linux: when the ephemeral ports of one address are used up, the next
 * channel binds to the next address ({@code 127.0.0.2}, ...), so a process is limited by its file descriptors
 * ({@code ulimit -n}), not by one address's ports.
 */
final class UdpChannels implements AutoCloseable {

    /** Where what arrives on one channel goes, on the receiving thread. */
    interface Listener {
        void datagram(byte[] bytes);

        /** The peer's host answered ICMP port unreachable. */
        void unreachable();
    }

    private static final Logger log = LoggerFactory.getLogger(UdpChannels.class);
    /** Larger than any datagram a lab peer sends; a CoAP message over UDP stays within one MTU. */
    private static final int MAX_DATAGRAM = 2048;
    /** Datagrams read from one channel before the others get their turn. */
    private static final int READS_PER_TURN = 16;
    /** The loopback addresses 127.0.0.1 to 127.0.0.254 a module's channel may be bound to. */
    private static final int IPV4_LOOPBACK_HOSTS = 254;

    private static final class Shared {
        static final UdpChannels CHANNELS = open("udp-modules");
    }

    private final Selector selector;
    private final Thread receiving;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    /** The last octet of the IPv4 loopback address new channels are bound to while its ports last. */
    private volatile int ipv4Host = 1;
    private volatile boolean closed;

    private UdpChannels(String threadName) throws IOException {
        selector = Selector.open();
        receiving = new Thread(this::receive, threadName);
        receiving.setDaemon(true);
        receiving.start();
    }

    /** The channels every module of the process shares, their receiving thread started at the first use. */
    static UdpChannels shared() {
        return Shared.CHANNELS;
    }

    /** Channels of their own with a receiving thread of their own, until {@link #close()}. */
    static UdpChannels open(String threadName) {
        try {
            return new UdpChannels(threadName);
        } catch (IOException e) {
            throw new IllegalStateException("no selector for the modules' UDP: " + e, e);
        }
    }

    /**
     * A channel to {@code peer} on loopback, bound to a loopback address of its own and connected to the peer, so it
     * receives from that peer only and learns of an ICMP port unreachable.
     *
     * @throws IllegalArgumentException when {@code peer} is not on loopback
     * @throws IOException when no channel can be opened (file descriptors used up among others) or these channels
     *                     are closed
     */
    Channel open(InetSocketAddress peer, Listener listener) throws IOException {
        Loopback.require(peer);
        if (closed) {
            throw new IOException("the modules' UDP channels are closed");
        }
        DatagramChannel channel = DatagramChannel.open(peer.getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            bind(channel, peer.getAddress());
            channel.connect(peer);
            channel.configureBlocking(false);
            Channel link = new Channel(channel, peer, listener);
            channel.register(selector, SelectionKey.OP_READ, link);
            selector.wakeup();
            return link;
        } catch (ClosedChannelException | ClosedSelectorException e) {
            channel.close();
            throw new IOException("the modules' UDP channels are closed", e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Binds to {@code peer}'s loopback address, or, once its ports are used up, to the next IPv4 one. */
    private void bind(DatagramChannel channel, InetAddress peer) throws IOException {
        if (!(peer instanceof Inet4Address)) {
            channel.bind(new InetSocketAddress(peer, 0));
            return;
        }
        while (true) {
            int host = ipv4Host;
            try {
                channel.bind(new InetSocketAddress(ipv4Loopback(host), 0));
                return;
            } catch (BindException e) {
                if (host >= IPV4_LOOPBACK_HOSTS) {
                    throw e;
                }
                synchronized (this) {
                    if (ipv4Host == host) {
                        ipv4Host = host + 1;
                        log.info("the ports of 127.0.0.{} are used up; modules' channels now bind to 127.0.0.{}",
                                host, host + 1);
                    }
                }
            }
        }
    }

    private static InetAddress ipv4Loopback(int host) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
    }

    private void receive() {
        while (!closed) {
            try {
                selector.select(this::readable);
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    log.warn("the modules' UDP selector failed: {}", e.toString());
                }
            }
        }
    }

    /** On the receiving thread: what a ready channel has, to its listener, without any lock held. */
    private void readable(SelectionKey key) {
        Channel link = (Channel) key.attachment();
        for (int i = 0; i < READS_PER_TURN && key.isValid(); i++) {
            byte[] bytes;
            try {
                buffer.clear();
                if (link.channel.receive(buffer) == null) {
                    return;
                }
                buffer.flip();
                bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
            } catch (PortUnreachableException e) {
                link.listener.unreachable();
                continue;
            } catch (IOException e) {
                if (link.channel.isOpen()) {
                    log.warn("UDP channel to {}: {}", link.peer, e.toString());
                }
                return;
            }
            try {
                link.listener.datagram(bytes);
            } catch (RuntimeException e) {
                log.warn("UDP channel to {}: {}", link.peer, e.toString());
            }
        }
    }

    /** Closes every channel and ends the receiving thread; nothing is sent or received afterwards. */
    @Override
    public void close() {
        closed = true;
        try {
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
            receiving.join(1000);
        } catch (IOException | RuntimeException e) {
            log.debug("closing the modules' UDP channels: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the receiving thread still runs. */
    boolean receiving() {
        return receiving.isAlive();
    }

    /** One module's channel to one lab endpoint. */
    final class Channel implements AutoCloseable {
        private final DatagramChannel channel;
        private final InetSocketAddress peer;
        private final InetSocketAddress local;
        private final Listener listener;

        private Channel(DatagramChannel channel, InetSocketAddress peer, Listener listener) throws IOException {
            this.channel = channel;
            this.peer = peer;
            this.local = (InetSocketAddress) channel.getLocalAddress();
            this.listener = listener;
        }

        /**
         * Sends one datagram to the peer.
         *
         * @throws PortUnreachableException when the peer's host has answered an earlier one with ICMP port unreachable
         * @throws IOException when the channel is closed or the datagram cannot be sent
         */
        void send(byte[] bytes) throws IOException {
            Loopback.require(peer);
            if (channel.write(ByteBuffer.wrap(bytes)) == 0 && bytes.length > 0) {
                throw new IOException("the send buffer towards " + peer + " is full");
            }
        }

        /** The module's end of the channel. */
        InetSocketAddress local() {
            return local;
        }

        @Override
        public void close() {
            try {
                channel.close();
                selector.wakeup(); // the selector releases the channel's descriptor at its next turn
            } catch (IOException e) {
                log.debug("closing the UDP channel to {}: {}", peer, e.toString());
            }
        }
    }
}
