package dev.selfreg.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.capture.net.PacketBuilder;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same report under each link layer a capture tool writes on Linux. */
class LinkLayersTest {

    private static final InetSocketAddress MODULE = new InetSocketAddress("10.0.0.2", 40000);
    private static final InetSocketAddress PLATFORM = new InetSocketAddress("10.0.0.1", 5683);

    @TempDir
    Path dir;

    private List<Text2pcap.Line> ipPackets(int linkHeader) {
        List<SpecTraffic.Packet> packets = SpecTraffic.ctReport();
        byte[] report = PacketBuilder.udp(MODULE, PLATFORM, packets.get(0).bytes());
        byte[] reply = PacketBuilder.udp(PLATFORM, MODULE, packets.get(1).bytes());
        return List.of(new Text2pcap.Line(false, CaptureCheckTest.START, withLinkHeader(linkHeader, report)),
                new Text2pcap.Line(true, CaptureCheckTest.START.plus(Duration.ofMillis(3)),
                        withLinkHeader(linkHeader, reply)));
    }

    /** A Linux cooked v1 header (16 bytes, protocol IPv4) or none. */
    private static byte[] withLinkHeader(int linkType, byte[] ip) {
        if (linkType != 113) {
            return ip;
        }
        ByteBuffer frame = ByteBuffer.allocate(16 + ip.length);
        frame.putShort((short) 0).putShort((short) 772).putShort((short) 6).put(new byte[8]).putShort((short) 0x0800)
                .put(ip);
        return frame.array();
    }

    private String resultCodeOf(Path capture) throws Exception {
        try (InputStream in = Files.newInputStream(capture)) {
            return CaptureCheck.read(in, CaptureCheckTest.KNOWN).devices().get(0).ctReports().get(0).resultCode();
        }
    }

    @Test
    void rawIpIsRead() throws Exception {
        assertThat(resultCodeOf(Text2pcap.write(dir, "raw", ipPackets(101), "pcapng", "-l", "101"))).isEqualTo("0");
    }

    @Test
    void linuxCookedCaptureIsRead() throws Exception {
        assertThat(resultCodeOf(Text2pcap.write(dir, "sll", ipPackets(113), "pcap", "-l", "113"))).isEqualTo("0");
    }
}
