package dev.selfreg.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture cut short, corrupt or of an unknown link type: a clear error naming the offset, what came before judged. */
class DamagedCaptureTest {

    @TempDir
    Path dir;

    private byte[] twoExchanges(String format) throws Exception {
        List<SpecTraffic.Packet> packets = new java.util.ArrayList<>(SpecTraffic.ctReport());
        packets.addAll(SpecTraffic.dmRegisterReadUpdate());
        return Files.readAllBytes(Text2pcap.write(dir, "both", CaptureCheckTest.lines(packets, Duration.ofSeconds(1)),
                format, "-4", "10.0.0.2,10.0.0.1", "-u", "40000,5683"));
    }

    private static CaptureCheck.Findings check(byte[] capture) throws Exception {
        return CaptureCheck.read(new ByteArrayInputStream(capture), CaptureCheckTest.KNOWN);
    }

    @Test
    void aPcapCutInALaterPacketIsJudgedUpToTheCutAndTheErrorNamesThatPacketsOffset() throws Exception {
        byte[] whole = twoExchanges("pcap");
        // pcap: 24-byte file header, then each record 16 bytes + the frame; cut in the middle of the fourth record
        int offset = 24;
        for (int i = 0; i < 3; i++) {
            offset += 16 + ByteBuffer.wrap(whole, offset + 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        int fourth = offset;
        CaptureCheck.Findings findings = check(Arrays.copyOf(whole, fourth + 20));

        assertThat(findings.damage()).hasValueSatisfying(d -> {
            assertThat(d.offset()).isEqualTo(fourth);
            assertThat(d.getMessage()).startsWith("offset " + fourth + ": the file is cut short in a packet");
        });
        assertThat(findings.frames()).isEqualTo(3);
        assertThat(findings.devices().get(0).ctReports()).hasSize(1);
        assertThat(findings.devices().get(0).ctReports().get(0).succeeded()).isTrue();
        // the Register whose 2.01 the cut took is not judged as unanswered: its answer may lie past the damage
        assertThat(findings.devices().get(0).dmMessages()).isEmpty();
    }

    @Test
    void aPcapngBlockWhoseTrailingLengthDisagreesIsCorruptAtItsOffset() throws Exception {
        byte[] whole = twoExchanges("pcapng");
        int shb = ByteBuffer.wrap(whole, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int idb = ByteBuffer.wrap(whole, shb + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int first = shb + idb;
        int length = ByteBuffer.wrap(whole, first + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] damaged = whole.clone();
        damaged[first + length - 4] ^= 0x40;

        CaptureCheck.Findings findings = check(damaged);

        assertThat(findings.damage()).hasValueSatisfying(d -> assertThat(d.getMessage()).isEqualTo("offset "
                + first + ": a block whose length says " + length + " at its start and " + (length ^ 0x40)
                + " at its end: the file is corrupt"));
        assertThat(findings.frames()).isZero();
    }

    @Test
    void aLinkTypeSelfregDoesNotReadIsNamedWithTheOnesItDoes() throws Exception {
        byte[] capture = twoExchanges("pcap");
        capture[20] = (byte) 147; // LINKTYPE_USER0
        capture[21] = 0;

        CaptureCheck.Findings findings = check(capture);

        assertThat(findings.damage()).hasValueSatisfying(d -> assertThat(d.getMessage())
                .startsWith("offset 20: link type 147, which selfreg does not read (it reads null 0 ethernet 1"));
        assertThat(findings.devices()).isEmpty();
    }

    @Test
    void aFileThatIsNoCaptureSaysHowItStarts() throws Exception {
        CaptureCheck.Findings findings = check("{\"not\":\"a capture\"}".getBytes());

        assertThat(findings.damage()).hasValueSatisfying(d -> assertThat(d.getMessage())
                .isEqualTo("offset 0: not a pcap or pcapng capture (the file starts 7b 22 6e 6f)"));
    }
}
