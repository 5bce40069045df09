package dev.selfreg.module.network;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP of every emulated module in a process: one non-blocking {@link DatagramChannel} per module and lab
 * service, all registered on one {@link Selector} whose single thread receives for all of them. A module costs a
 * channel (a file descriptor and a few objects), never a thread; what arrives on a channel goes to that channel's
 * {@link Listener}, so each module hears its own traffic only.
 *
 * <p>A channel per module, not a few channels shared: the platform knows a CMDMP device by the address its Register
 * came from and reads {@code /666/0} back to that address, so each module needs a source address and port of its own,
 * handed out by {@link ModuleAddresses} and kept for the channel's life. While its module's radio is in PSM a channel
 * is {@linkplain Channel#park() parked}: its descriptor is given back, and the next send binds the same address and
 * port again. So a process is limited by the modules awake at once, not by all its modules, against its file
 * descriptors ({@code ulimit -n}).
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
    /**
     * How often a parked channel's address is tried again while it is still bound: a closed channel's descriptor is
     * let go by the receiving thread at its next turn, so a module waking just after it parked may find it taken.
     */
    private static final int REBIND_TRIES = 100;
    private static final long REBIND_PAUSE_MICROS = 200;
    /** Addresses tried for a new channel before giving up: some taken by other processes, not thousands. */
    private static final int NEW_ADDRESS_TRIES = 1000;

    private static final class Shared {
        static final UdpChannels CHANNELS = open("udp-modules");
    }

    private final Selector selector;
    private final Thread receiving;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final ModuleAddresses addresses = ModuleAddresses.ofThisProcess();
    private final AtomicInteger boundChannels = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean closed;

    private UdpChannels(String threadName) throws IOException {
        // the JDK sets up its file dispatcher at the first close of a channel, with a descriptor of its own: done now,
        // while descriptors are to spare, or the receiving thread's first close would fail for good once they are not
        DatagramChannel.open().close();
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
     * A channel to {@code peer} on loopback, bound to a loopback address and port of its own and connected to the
     * peer, so it receives from that peer only and learns of an ICMP port unreachable.
     *
     * @throws IllegalArgumentException when {@code peer} is not on loopback
     * @throws IOException when no channel can be opened (file descriptors used up among others) or these channels
     *                     are closed
     */
    Channel open(InetSocketAddress peer, Listener listener) throws IOException {
        Loopback.require(peer);
        Channel channel = new Channel(peer, listener);
        channel.bindNew();
        return channel;
    }

    /** Channels bound now: those of modules awake, not those parked. */
    int bound() {
        return boundChannels.get();
    }

    /** Channels that could not be bound since these channels opened, for want of a file descriptor or a port. */
    long refused() {
        return refused.get();
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
        DatagramChannel channel = (DatagramChannel) key.channel();
        for (int i = 0; i < READS_PER_TURN && key.isValid(); i++) {
            byte[] bytes;
            try {
                buffer.clear();
                if (channel.receive(buffer) == null) {
                    return;
                }
                buffer.flip();
                bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
            } catch (PortUnreachableException e) {
                link.listener.unreachable();
                continue;
            } catch (IOException e) {
                if (channel.isOpen()) {
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

    /**
     * One module's channel to one lab endpoint, on the address and port it was first bound to for as long as it lives:
     * bound while its module is awake, {@linkplain #park() parked} (no descriptor) while the module's radio sleeps.
     */
    final class Channel implements AutoCloseable {
        private final InetSocketAddress peer;
        private final Listener listener;
        /** Where the channel is bound, and bound again after parking; set at the first bind. */
        private volatile InetSocketAddress local;
        /** The bound channel; null while parked or closed. Guarded by this. */
        private DatagramChannel bound;
        private boolean ended;

        private Channel(InetSocketAddress peer, Listener listener) {
            this.peer = peer;
            this.listener = listener;
        }

        /**
         * Sends one datagram to the peer, binding a parked channel again first.
         *
         * @throws PortUnreachableException when the peer's host has answered an earlier one with ICMP port unreachable
         * @throws IOException when the channel is closed, cannot be bound, or the datagram cannot be sent
         */
        synchronized void send(byte[] bytes) throws IOException {
            Loopback.require(peer);
            if (bound().write(ByteBuffer.wrap(bytes)) == 0 && bytes.length > 0) {
                throw new IOException("the send buffer towards " + peer + " is full");
            }
        }

        /** Binds a parked channel again (on its address and port); nothing when bound. */
        synchronized void wake() throws IOException {
            bound();
        }

        /**
         * Gives the channel's descriptor back, keeping its address and port for the next send; what arrives meanwhile
         * finds no socket (the peer hears ICMP port unreachable), as a datagram finds no radio in PSM.
         */
        synchronized void park() {
            if (bound != null) {
                release(bound);
                bound = null;
            }
        }

        /** The module's end of the channel. */
        InetSocketAddress local() {
            return local;
        }

        /** Closes the channel for good and gives its address and port back for another channel. */
        @Override
        public synchronized void close() {
            if (ended) {
                return;
            }
            ended = true;
            park();
            if (local != null) {
                addresses.giveBack(local);
            }
        }

        private DatagramChannel bound() throws IOException {
            if (ended || closed) {
                throw new IOException("the modules' UDP channel to " + peer + " is closed");
            }
            if (bound == null) {
                bound = bindTo(local);
            }
            return bound;
        }

        /** The first bind: the next free address and port of the process's. */
        private synchronized void bindNew() throws IOException {
            bound = bindTo(null);
        }

        /**
         * A channel bound to {@code own} (null: a new address and port), connected to the peer and registered for
         * reading.
         */
        private DatagramChannel bindTo(InetSocketAddress own) throws IOException {
            if (closed) {
                throw new IOException("the modules' UDP channels are closed");
            }
            DatagramChannel channel;
            try {
                channel = DatagramChannel.open(peer.getAddress() instanceof Inet4Address
                        ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            } catch (IOException e) {
                refused.incrementAndGet();
                throw e;
            }
            try {
                local = bind(channel, own);
                channel.connect(peer);
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, this);
                selector.wakeup();
                boundChannels.incrementAndGet();
                return channel;
            } catch (ClosedChannelException | ClosedSelectorException e) {
                channel.close();
                throw new IOException("the modules' UDP channels are closed", e);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        /**
         * Binds to the channel's own address from before it parked, where the receiving thread may not yet have let
         * go of the parked descriptor (so a taken address is tried again for a moment); or, without one or when it
         * stays taken (by another process), to the next address and port free.
         */
        private InetSocketAddress bind(DatagramChannel channel, InetSocketAddress own) throws IOException {
            if (own != null) {
                for (int tries = 0; tries < REBIND_TRIES; tries++) {
                    try {
                        channel.bind(own);
                        return own;
                    } catch (BindException e) {
                        selector.wakeup();
                        pause();
                    }
                }
                log.info("the channel from {} to {}: the address stayed taken, the module moves", own, peer);
            }
            BindException last = null;
            for (int tries = 0; tries < NEW_ADDRESS_TRIES; tries++) {
                InetSocketAddress candidate = addresses.next(peer.getAddress());
                try {
                    channel.bind(candidate);
                    return candidate;
                } catch (BindException e) {
                    log.debug("{} is taken, skipped: {}", candidate, e.getMessage());
                    last = e;
                }
            }
            refused.incrementAndGet();
            throw new BindException("no loopback address and port free for a module's channel to " + peer + " in "
                    + NEW_ADDRESS_TRIES + " tries: " + last.getMessage());
        }
    }

    private static void pause() throws IOException {
        try {
            TimeUnit.MICROSECONDS.sleep(REBIND_PAUSE_MICROS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding a module's channel again", e);
        }
    }

    /** Closes a bound channel; the selector lets go of its descriptor at its next turn. */
    private void release(DatagramChannel channel) {
        try {
            channel.close();
            boundChannels.decrementAndGet();
            selector.wakeup();
        } catch (IOException e) {
            log.debug("closing a module's UDP channel: {}", e.toString());
        }
    }
}
