package dev.selfreg.capture.net;

import dev.selfreg.capture.file.Frame;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * Takes the UDP datagram or TCP segment out of a captured frame: the link layer (Ethernet with VLAN tags, Linux
 * cooked v1 and v2, BSD loopback, raw IP), IPv4 or IPv6 (extension headers skipped), then UDP or TCP. IPv4 fragments
 * are reassembled ({@link IpFragments}): the segment comes with the fragment that completes its datagram. A frame that
 * is something else, an IPv6 fragment, or cut before its transport header is not a segment: empty. One decoder reads
 * one capture, in order.
 */
public final class FrameDecoder {

    private static final int ETHER_IPV4 = 0x0800;
    private static final int ETHER_IPV6 = 0x86DD;
    private static final int ETHER_VLAN = 0x8100;
    private static final int ETHER_QINQ = 0x88A8;
    private static final int IPV6_HOP_BY_HOP = 0;
    private static final int IPV6_ROUTING = 43;
    private static final int IPV6_FRAGMENT = 44;
    private static final int IPV6_DESTINATION = 60;

    private final IpFragments fragments = new IpFragments();

    /** The segment a frame carries, if it carries one selfreg follows (or completes, its last fragment). */
    public Optional<Segment> decode(Frame frame) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(frame.data()).order(ByteOrder.BIG_ENDIAN);
            return switch (frame.linkType()) {
                case ETHERNET -> ethernet(frame, bytes);
                case LINUX_SLL -> {
                    bytes.position(14);
                    yield byEtherType(frame, bytes, bytes.getShort() & 0xFFFF);
                }
                case LINUX_SLL2 -> {
                    int etherType = bytes.getShort() & 0xFFFF;
                    bytes.position(20);
                    yield byEtherType(frame, bytes, etherType);
                }
                case NULL -> {
                    bytes.position(4);
                    yield ip(frame, bytes);
                }
                case RAW, IPV4, IPV6 -> ip(frame, bytes);
            };
        } catch (RuntimeException cutShort) {
            // a frame cut before its headers end (snapshot length, damage): nothing to follow in it
            return Optional.empty();
        }
    }

    private Optional<Segment> ethernet(Frame frame, ByteBuffer bytes) {
        bytes.position(12);
        int etherType = bytes.getShort() & 0xFFFF;
        while (etherType == ETHER_VLAN || etherType == ETHER_QINQ) {
            bytes.getShort();
            etherType = bytes.getShort() & 0xFFFF;
        }
        return byEtherType(frame, bytes, etherType);
    }

    private Optional<Segment> byEtherType(Frame frame, ByteBuffer bytes, int etherType) {
        return etherType == ETHER_IPV4 || etherType == ETHER_IPV6 ? ip(frame, bytes) : Optional.empty();
    }

    private Optional<Segment> ip(Frame frame, ByteBuffer bytes) {
        int start = bytes.position();
        int version = (bytes.get(start) & 0xF0) >> 4;
        if (version == 4) {
            int headerLength = (bytes.get(start) & 0x0F) * 4;
            int totalLength = bytes.getShort(start + 2) & 0xFFFF;
            int fragment = bytes.getShort(start + 6) & 0x1FFF;
            boolean moreFragments = (bytes.get(start + 6) & 0x20) != 0;
            if (headerLength < 20) {
                return Optional.empty();
            }
            int protocol = bytes.get(start + 9) & 0xFF;
            InetAddress source = address(bytes, start + 12, 4);
            InetAddress destination = address(bytes, start + 16, 4);
            int end = Math.min(bytes.limit(), start + totalLength);
            if (fragment != 0 || moreFragments) {
                int identification = bytes.getShort(start + 4) & 0xFFFF;
                Optional<byte[]> whole = fragments.add(source, destination, protocol, identification, fragment * 8,
                        moreFragments, slice(bytes, start + headerLength, end));
                if (whole.isEmpty()) {
                    return Optional.empty();
                }
                ByteBuffer datagram = ByteBuffer.wrap(whole.get()).order(ByteOrder.BIG_ENDIAN);
                return transport(frame, datagram, 0, datagram.limit(), protocol, source, destination);
            }
            return transport(frame, bytes, start + headerLength, end, protocol, source, destination);
        }
        if (version == 6) {
            int payloadLength = bytes.getShort(start + 4) & 0xFFFF;
            int next = bytes.get(start + 6) & 0xFF;
            InetAddress source = address(bytes, start + 8, 16);
            InetAddress destination = address(bytes, start + 24, 16);
            int at = start + 40;
            int end = Math.min(bytes.limit(), at + payloadLength);
            while (next == IPV6_HOP_BY_HOP || next == IPV6_ROUTING || next == IPV6_DESTINATION
                    || next == IPV6_FRAGMENT) {
                if (next == IPV6_FRAGMENT && ((bytes.getShort(at + 2) & 0xFFF9) != 0)) {
                    return Optional.empty(); // a fragment: not followed
                }
                int following = bytes.get(at) & 0xFF;
                at += next == IPV6_FRAGMENT ? 8 : ((bytes.get(at + 1) & 0xFF) + 1) * 8;
                next = following;
            }
            return transport(frame, bytes, at, end, next, source, destination);
        }
        return Optional.empty();
    }

    private static Optional<Segment> transport(Frame frame, ByteBuffer bytes, int at, int end, int protocol,
            InetAddress source, InetAddress destination) {
        if (protocol == Transport.UDP.protocolNumber()) {
            int sourcePort = bytes.getShort(at) & 0xFFFF;
            int destinationPort = bytes.getShort(at + 2) & 0xFFFF;
            int length = bytes.getShort(at + 4) & 0xFFFF;
            int payloadEnd = length >= 8 ? Math.min(end, at + length) : end;
            return Optional.of(new Segment(frame.number(), frame.time(), Transport.UDP,
                    new InetSocketAddress(source, sourcePort), new InetSocketAddress(destination, destinationPort),
                    0, 0, slice(bytes, at + 8, payloadEnd)));
        }
        if (protocol == Transport.TCP.protocolNumber()) {
            int sourcePort = bytes.getShort(at) & 0xFFFF;
            int destinationPort = bytes.getShort(at + 2) & 0xFFFF;
            long sequence = bytes.getInt(at + 4) & 0xFFFFFFFFL;
            int dataOffset = ((bytes.get(at + 12) & 0xF0) >> 4) * 4;
            int flags = bytes.get(at + 13) & 0x3F;
            return Optional.of(new Segment(frame.number(), frame.time(), Transport.TCP,
                    new InetSocketAddress(source, sourcePort), new InetSocketAddress(destination, destinationPort),
                    sequence, flags, slice(bytes, at + dataOffset, end)));
        }
        return Optional.empty();
    }

    private static byte[] slice(ByteBuffer bytes, int from, int to) {
        if (from > to || to > bytes.limit()) {
            throw new IndexOutOfBoundsException("cut short");
        }
        return Arrays.copyOfRange(bytes.array(), from, to);
    }

    private static InetAddress address(ByteBuffer bytes, int at, int length) {
        if (at + length > bytes.limit()) {
            throw new IndexOutOfBoundsException("cut short");
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes.array(), at, at + length));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
