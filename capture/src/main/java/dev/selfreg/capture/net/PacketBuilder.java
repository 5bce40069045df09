package dev.selfreg.capture.net;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Builds raw IPv4 packets ({@link dev.selfreg.capture.file.LinkType#RAW}) carrying UDP or TCP, with correct lengths
 * and checksums, for the datagrams and streams selfreg itself sends and receives: it sees payloads, not packets.
 * IPv6 addresses are not written (the lab binds IPv4 loopback).
 */
public final class PacketBuilder {

    private static final int IPV4_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final int TCP_HEADER = 20;
    private static final int TTL = 64;
    private static final int TCP_WINDOW = 65_535;

    private PacketBuilder() {
    }

    /** An IPv4 UDP datagram. */
    public static byte[] udp(InetSocketAddress source, InetSocketAddress destination, byte[] payload) {
        ByteBuffer udp = ByteBuffer.allocate(UDP_HEADER + payload.length);
        udp.putShort((short) source.getPort()).putShort((short) destination.getPort())
                .putShort((short) (UDP_HEADER + payload.length)).putShort((short) 0).put(payload);
        int checksum = transportChecksum(source, destination, Transport.UDP, udp.array());
        udp.putShort(6, (short) (checksum == 0 ? 0xFFFF : checksum));
        return ipv4(source, destination, Transport.UDP, udp.array());
    }

    /** An IPv4 TCP segment. */
    public static byte[] tcp(InetSocketAddress source, InetSocketAddress destination, long sequence, long ack,
            int flags, byte[] payload) {
        ByteBuffer tcp = ByteBuffer.allocate(TCP_HEADER + payload.length);
        tcp.putShort((short) source.getPort()).putShort((short) destination.getPort())
                .putInt((int) sequence).putInt((int) ack)
                .put((byte) (TCP_HEADER / 4 << 4)).put((byte) flags).putShort((short) TCP_WINDOW)
                .putShort((short) 0).putShort((short) 0).put(payload);
        tcp.putShort(16, (short) transportChecksum(source, destination, Transport.TCP, tcp.array()));
        return ipv4(source, destination, Transport.TCP, tcp.array());
    }

    private static byte[] ipv4(InetSocketAddress source, InetSocketAddress destination, Transport transport,
            byte[] payload) {
        ByteBuffer ip = ByteBuffer.allocate(IPV4_HEADER + payload.length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_HEADER + payload.length))
                .putShort((short) 0).putShort((short) 0x4000) // don't fragment
                .put((byte) TTL).put((byte) transport.protocolNumber()).putShort((short) 0)
                .put(v4(source)).put(v4(destination)).put(payload);
        ip.putShort(10, (short) checksum(ip.array(), 0, IPV4_HEADER, 0));
        return ip.array();
    }

    private static int transportChecksum(InetSocketAddress source, InetSocketAddress destination,
            Transport transport, byte[] segment) {
        ByteBuffer pseudo = ByteBuffer.allocate(12);
        pseudo.put(v4(source)).put(v4(destination)).put((byte) 0).put((byte) transport.protocolNumber())
                .putShort((short) segment.length);
        long sum = sum(pseudo.array(), 0, 12);
        return checksum(segment, 0, segment.length, sum);
    }

    private static byte[] v4(InetSocketAddress address) {
        if (!(address.getAddress() instanceof Inet4Address v4)) {
            throw new IllegalArgumentException("only IPv4 is written, not " + address);
        }
        return v4.getAddress();
    }

    /** The Internet checksum (RFC 1071) of bytes, starting from a partial sum. */
    private static int checksum(byte[] bytes, int from, int to, long partial) {
        long sum = partial + sum(bytes, from, to);
        while (sum >> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) ~sum & 0xFFFF;
    }

    private static long sum(byte[] bytes, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i += 2) {
            int high = bytes[i] & 0xFF;
            int low = i + 1 < to ? bytes[i + 1] & 0xFF : 0;
            sum += high << 8 | low;
        }
        return sum;
    }
}
