package dev.selfreg.capture.record;

import dev.selfreg.capture.file.LinkType;
import dev.selfreg.capture.file.PcapngWriter;
import dev.selfreg.capture.net.PacketBuilder;
import dev.selfreg.capture.net.Segment;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.californium.elements.Connector;

/**
 * Writes a process's wire traffic to one pcapng file: one interface per listener (named {@code <listener>
 * <address>:<port>}, written when its first packet is), raw IPv4 packets with UDP or TCP headers Wireshark's
 * dissectors decode, times from the given clock (so on a lab's virtual clock a 30-day run reads as 30 days).
 *
 * <p>Recording never disturbs the service: a write that fails stops the recording ({@link #failure()} says why),
 * a file at its limit takes no more packets ({@link #full()}), and an IPv6 peer is not written (the lab binds IPv4).
 * A {@link WireTap} may be told of the same traffic ({@link #tappedBy}), with or without a file.
 */
public final class WireRecorder implements AutoCloseable {

    /** The segment size of a synthesised TCP connection: an Ethernet MTU's. */
    private static final int TCP_SEGMENT = 1460;

    private final PcapngWriter writer;
    private final Clock clock;
    private final Map<String, Integer> interfaces = new HashMap<>();
    private final Set<InetSocketAddress> recordedAtTheirEnd = ConcurrentHashMap.newKeySet();
    private volatile IOException failure;
    private volatile WireTap tap;

    private WireRecorder(PcapngWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** A recorder that records nothing. */
    public static WireRecorder none() {
        return new WireRecorder(null, Clock.systemUTC());
    }

    /**
     * Starts a pcapng file, replacing any file there.
     *
     * @param maxBytes the most the file may hold; later packets are left out
     * @param clock the time of each packet
     */
    public static WireRecorder open(Path file, long maxBytes, Clock clock) throws IOException {
        return new WireRecorder(new PcapngWriter(new BufferedOutputStream(Files.newOutputStream(file)), maxBytes),
                clock);
    }

    /**
     * Writes pcapng to a stream, for traffic replayed with the times it had ({@link #datagram(Instant, String,
     * InetSocketAddress, InetSocketAddress, boolean, byte[])}, {@link #httpExchange(String, InetSocketAddress,
     * InetSocketAddress, Instant, Instant, byte[], byte[])}); closing the recorder closes the stream.
     *
     * @param maxBytes the most the stream may take; later packets are left out
     */
    public static WireRecorder writing(OutputStream out, long maxBytes) throws IOException {
        return new WireRecorder(new PcapngWriter(out, maxBytes), Clock.systemUTC());
    }

    /**
     * The recorder to hand the listeners when {@code tap} must be told of their traffic too: this one when it writes
     * a file (the tap then gets the file's times), else one that writes nothing and stamps with {@code clock}.
     * Either way the tap is told of every datagram and exchange, IPv6 ones included.
     *
     * @throws IllegalStateException when this recorder has a tap already
     */
    public WireRecorder tappedBy(WireTap tap, Clock clock) {
        WireRecorder tapped = writer == null && this.tap == null ? new WireRecorder(null, clock) : this;
        synchronized (tapped) {
            if (tapped.tap != null) {
                throw new IllegalStateException("the recorder has a tap already");
            }
            tapped.tap = tap;
        }
        return tapped;
    }

    /** The recorder's now, for an exchange's first packets. */
    public Instant now() {
        return clock.instant();
    }

    /** Whether it records at all: writes a file, or tells a tap. */
    public boolean recording() {
        return writer != null || tap != null;
    }

    /**
     * The connector, recording each datagram it sends and receives on the listener's interface; the connector itself
     * when nothing is recorded.
     */
    public Connector udp(String listener, Connector connector) {
        return recording() ? new RecordingConnector(connector, this, listener) : connector;
    }

    /**
     * Leaves out of the file, at the listeners' connectors ({@link #udp}), every datagram to and from {@code peer}:
     * an endpoint in this process whose datagrams are recorded at its own end with {@link #datagram} (an emulated
     * module's socket talking to the platform of the same process), or not at all (a module not among those chosen),
     * so each packet is written once. The tap is still told of them.
     */
    public void recordedAtItsEnd(InetSocketAddress peer) {
        if (writer != null) {
            recordedAtTheirEnd.add(peer);
        }
    }

    /** A datagram a listener's connector sent or received, now: told to the tap, written unless its peer records it. */
    void listenerDatagram(String listener, InetSocketAddress local, InetSocketAddress peer, boolean received,
            byte[] payload) {
        Instant time = clock.instant();
        WireTap told = tap;
        if (told != null) {
            told.datagram(time, listener, local, peer, received, payload);
        }
        if (!recordedAtTheirEnd.contains(peer)) {
            datagram(time, listener, local, peer, received, payload);
        }
    }

    /**
     * A datagram that went over a UDP socket of this process, now, written on the interface named {@code <listener>
     * <local address>:<port>}: an emulated module's socket (the tap is not told: it follows the listeners).
     *
     * @param received whether it came in from {@code peer} (else {@code local} sent it there)
     */
    public void datagram(String listener, InetSocketAddress local, InetSocketAddress peer, boolean received,
            byte[] payload) {
        datagram(clock.instant(), listener, local, peer, received, payload);
    }

    /** A datagram that went over a UDP socket at {@code time}, written (the tap is not told). */
    public void datagram(Instant time, String listener, InetSocketAddress local, InetSocketAddress peer,
            boolean received, byte[] payload) {
        if (writer == null || !ipv4(local, peer)) {
            return;
        }
        write(listener, local, time, received ? PacketBuilder.udp(peer, local, payload)
                : PacketBuilder.udp(local, peer, payload));
    }

    /**
     * One HTTP exchange on a listener, written as a TCP connection of its own: handshake, the request, the response,
     * the close.
     *
     * @param receivedAt when the request was taken in; the response is written at the clock's now
     */
    public void httpExchange(String listener, InetSocketAddress server, InetSocketAddress client, Instant receivedAt,
            byte[] request, byte[] response) {
        Instant answeredAt = clock.instant();
        WireTap told = tap;
        if (told != null) {
            told.httpExchange(listener, server, client, receivedAt, answeredAt, request, response);
        }
        httpExchange(listener, server, client, receivedAt, answeredAt, request, response);
    }

    /** One HTTP exchange with the times it had, written (the tap is not told). */
    public void httpExchange(String listener, InetSocketAddress server, InetSocketAddress client, Instant receivedAt,
            Instant answeredAt, byte[] request, byte[] response) {
        if (writer == null || !ipv4(server, client)) {
            return;
        }
        long clientSeq = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;
        long serverSeq = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;
        synchronized (this) {
            write(listener, server, receivedAt, PacketBuilder.tcp(client, server, clientSeq, 0, Segment.SYN, new byte[0]));
            write(listener, server, receivedAt, PacketBuilder.tcp(server, client, serverSeq, clientSeq + 1,
                    Segment.SYN | Segment.ACK, new byte[0]));
            long c = clientSeq + 1;
            long s = serverSeq + 1;
            write(listener, server, receivedAt, PacketBuilder.tcp(client, server, c, s, Segment.ACK, new byte[0]));
            c = segments(listener, server, client, server, c, s, receivedAt, request);
            s = segments(listener, server, server, client, s, c, answeredAt, response);
            write(listener, server, answeredAt, PacketBuilder.tcp(server, client, s, c, Segment.FIN | Segment.ACK,
                    new byte[0]));
            write(listener, server, answeredAt, PacketBuilder.tcp(client, server, c, s + 1, Segment.FIN | Segment.ACK,
                    new byte[0]));
            write(listener, server, answeredAt, PacketBuilder.tcp(server, client, s + 1, c + 1, Segment.ACK,
                    new byte[0]));
        }
    }

    private long segments(String listener, InetSocketAddress server, InetSocketAddress from, InetSocketAddress to,
            long seq, long ack, Instant time, byte[] data) {
        for (int at = 0; at < data.length; at += TCP_SEGMENT) {
            byte[] part = Arrays.copyOfRange(data, at, Math.min(data.length, at + TCP_SEGMENT));
            write(listener, server, time, PacketBuilder.tcp(from, to, seq, ack, Segment.PSH | Segment.ACK, part));
            seq += part.length;
        }
        return seq;
    }

    private synchronized void write(String listener, InetSocketAddress local, Instant time, byte[] packet) {
        if (failure != null) {
            return;
        }
        try {
            Integer id = interfaces.get(listener);
            if (id == null) {
                id = writer.addInterface(LinkType.RAW, listener + " " + local.getAddress().getHostAddress() + ":"
                        + local.getPort());
                interfaces.put(listener, id);
            }
            writer.packet(id, time, packet);
        } catch (IOException e) {
            failure = e;
        }
    }

    private static boolean ipv4(InetSocketAddress a, InetSocketAddress b) {
        return a.getAddress() instanceof Inet4Address && b.getAddress() instanceof Inet4Address;
    }

    /** Whether packets were left out because the file reached its limit. */
    public boolean full() {
        return writer != null && writer.full();
    }

    /** The write that stopped the recording, if one failed. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
