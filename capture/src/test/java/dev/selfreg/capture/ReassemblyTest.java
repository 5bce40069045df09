package dev.selfreg.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.capture.file.LinkType;
import dev.selfreg.capture.file.PcapngWriter;
import dev.selfreg.capture.net.PacketBuilder;
import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader puts back together before it looks for exchanges: IPv4 fragments, chunked HTTP bodies. */
class ReassemblyTest {

    private static final InetSocketAddress MODULE = new InetSocketAddress("10.0.0.2", 40000);
    private static final InetSocketAddress PLATFORM = new InetSocketAddress("10.0.0.1", 5683);
    private static final int FRAGMENT_DATA = 64;

    @TempDir
    Path dir;

    @Test
    void aReportInIpv4FragmentsIsReassembledInWhateverOrderTheyCame() throws Exception {
        List<byte[]> report = fragments(PacketBuilder.udp(MODULE, PLATFORM, SpecTraffic.ctReport().get(0).bytes()),
                0x1234);
        List<byte[]> shuffled = new ArrayList<>(report);
        shuffled.add(0, shuffled.remove(shuffled.size() - 1)); // the last fragment first
        shuffled.add(PacketBuilder.udp(PLATFORM, MODULE, SpecTraffic.ctReport().get(1).bytes()));

        CaptureCheck.Findings findings = CaptureCheckTest.check(raw("fragments", shuffled), CaptureCheckTest.KNOWN);

        assertThat(report).hasSizeGreaterThan(2);
        CtReport found = findings.devices().get(0).ctReports().get(0);
        assertThat(found.imei()).isEqualTo(SpecTraffic.IMEI);
        assertThat(found.resultCode()).isEqualTo("0");
        assertThat(found.ref()).as("named after the frame that completed it").isEqualTo("frame " + report.size());
    }

    @Test
    void aDatagramWithAFragmentMissingIsNotTakenForAnything() throws Exception {
        List<byte[]> report = fragments(PacketBuilder.udp(MODULE, PLATFORM, SpecTraffic.ctReport().get(0).bytes()),
                0x1234);
        report.remove(1);

        CaptureCheck.Findings findings = CaptureCheckTest.check(raw("hole", report), CaptureCheckTest.KNOWN);

        assertThat(findings.damage()).isEmpty();
        assertThat(findings.devices()).isEmpty();
        assertThat(findings.frames()).isEqualTo(report.size());
    }

    @Test
    void aReportPostedInChunksIsDecodedWithItsChunkedReply() throws Exception {
        Path capture = dir.resolve("chunked.pcapng");
        byte[] report = SpecTraffic.REPORT.getBytes(StandardCharsets.US_ASCII);
        byte[] reply = ZzhcReply.SUCCESS.encode();
        String request = "POST / HTTP/1.1\r\nHost: 10.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/encrypted-json\r\n\r\n"
                + chunk(Arrays.copyOfRange(report, 0, 100), ";ext=1")
                + chunk(Arrays.copyOfRange(report, 100, report.length), "")
                + "0\r\nX-Trailer: yes\r\n\r\n";
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(reply, "") + "0\r\n\r\n";
        try (WireRecorder wire = WireRecorder.open(capture, 1 << 20,
                Clock.fixed(CaptureCheckTest.START, ZoneOffset.UTC))) {
            wire.httpExchange("ct-http", new InetSocketAddress("10.0.0.1", 9999), MODULE, CaptureCheckTest.START,
                    request.getBytes(StandardCharsets.ISO_8859_1), response.getBytes(StandardCharsets.ISO_8859_1));
        }

        CtReport found = CaptureCheckTest.check(capture, CaptureCheckTest.KNOWN).devices().get(0).ctReports().get(0);

        assertThat(found.transport()).isEqualTo("http");
        assertThat(found.imei()).isEqualTo(SpecTraffic.IMEI);
        assertThat(found.resultCode()).isEqualTo("0");
    }

    @Test
    void aChunkSizeThatIsNoNumberGivesUpTheStreamWithoutACrash() throws Exception {
        Path capture = dir.resolve("bad-chunk.pcapng");
        String request = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + SpecTraffic.REPORT
                + "\r\n0\r\n\r\n";
        try (WireRecorder wire = WireRecorder.open(capture, 1 << 20,
                Clock.fixed(CaptureCheckTest.START, ZoneOffset.UTC))) {
            wire.httpExchange("ct-http", new InetSocketAddress("10.0.0.1", 9999), MODULE, CaptureCheckTest.START,
                    request.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
        }

        CaptureCheck.Findings findings = CaptureCheckTest.check(capture, CaptureCheckTest.KNOWN);

        assertThat(findings.damage()).isEmpty();
        assertThat(findings.devices()).isEmpty();
    }

    private static String chunk(byte[] data, String extension) {
        return Integer.toHexString(data.length) + extension + "\r\n" + new String(data, StandardCharsets.ISO_8859_1)
                + "\r\n";
    }

    /** An IPv4 packet cut into fragments of {@value #FRAGMENT_DATA} data bytes, as a router does (RFC 791 3.2). */
    private static List<byte[]> fragments(byte[] packet, int identification) {
        byte[] data = Arrays.copyOfRange(packet, 20, packet.length);
        List<byte[]> fragments = new ArrayList<>();
        for (int offset = 0; offset < data.length; offset += FRAGMENT_DATA) {
            int length = Math.min(FRAGMENT_DATA, data.length - offset);
            boolean more = offset + length < data.length;
            ByteBuffer fragment = ByteBuffer.allocate(20 + length);
            fragment.put(packet, 0, 20).put(data, offset, length);
            fragment.putShort(2, (short) (20 + length)).putShort(4, (short) identification)
                    .putShort(6, (short) ((more ? 0x2000 : 0) | offset / 8)).putShort(10, (short) 0);
            fragments.add(fragment.array());
        }
        return fragments;
    }

    private Path raw(String name, List<byte[]> packets) throws Exception {
        Path capture = dir.resolve(name + ".pcapng");
        try (OutputStream out = Files.newOutputStream(capture); PcapngWriter writer = new PcapngWriter(out, 1 << 20)) {
            int id = writer.addInterface(LinkType.RAW, "test");
            for (byte[] packet : packets) {
                writer.packet(id, CaptureCheckTest.START, packet);
            }
        }
        return capture;
    }
}
