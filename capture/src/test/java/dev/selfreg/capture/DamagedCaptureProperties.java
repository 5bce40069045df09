package dev.selfreg.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.IntRange;

/**
 * Any cut or flipped byte of a valid capture: no crash, at most a damage error naming an offset within the file, and
 * never more reports than the whole capture holds.
 */
class DamagedCaptureProperties {

    private static final List<byte[]> VALID = new ArrayList<>();
    /** The report and its reply, then Register, 2.01, read, answer, Update, 2.04, read, answer. */
    private static final int WHOLE_FRAMES = 10;

    @BeforeContainer
    static void captures() throws Exception {
        Path dir = Files.createTempDirectory("damaged-capture");
        List<SpecTraffic.Packet> packets = new ArrayList<>(SpecTraffic.ctReport());
        packets.addAll(SpecTraffic.dmRegisterReadUpdate());
        for (String format : List.of("pcap", "pcapng")) {
            VALID.add(Files.readAllBytes(Text2pcap.write(dir, format, CaptureCheckTest.lines(packets,
                    Duration.ofSeconds(1)), format, "-4", "10.0.0.2,10.0.0.1", "-u", "40000,5683")));
        }
    }

    @Property(tries = 300)
    void aCutCaptureIsJudgedUpToTheCut(@ForAll @IntRange(min = 0, max = 1) int format,
            @ForAll @IntRange(min = 0, max = 100_000) int cutAt) throws Exception {
        byte[] whole = VALID.get(format);
        byte[] cut = Arrays.copyOf(whole, cutAt % (whole.length + 1));

        CaptureCheck.Findings findings = CaptureCheck.read(new ByteArrayInputStream(cut), CaptureCheckTest.KNOWN);

        findings.damage().ifPresent(d -> assertThat(d.offset()).isBetween(0L, (long) cut.length));
        assertThat(findings.frames()).isLessThanOrEqualTo(WHOLE_FRAMES);
        if (cut.length < whole.length) {
            // a cut between records reads fewer packets; a cut within one is damage
            assertThat(findings.damage().isPresent() || findings.frames() < WHOLE_FRAMES).isTrue();
        }
        assertThat(findings.devices().stream().mapToInt(d -> d.ctReports().size()).sum()).isLessThanOrEqualTo(1);
    }

    @Property(tries = 500)
    void aFlippedByteNeverCrashesTheReader(@ForAll @IntRange(min = 0, max = 1) int format,
            @ForAll @IntRange(min = 0, max = 100_000) int at, @ForAll @IntRange(min = 1, max = 255) int mask)
            throws Exception {
        byte[] flipped = VALID.get(format).clone();
        flipped[at % flipped.length] ^= (byte) mask;

        CaptureCheck.Findings findings = CaptureCheck.read(new ByteArrayInputStream(flipped), CaptureCheckTest.KNOWN);

        findings.damage().ifPresent(d -> assertThat(d.offset()).isBetween(0L, (long) flipped.length));
        assertThat(findings.frames()).isLessThanOrEqualTo(WHOLE_FRAMES);
        assertThat(findings.devices().stream().mapToInt(d -> d.ctReports().size()).sum()).isLessThanOrEqualTo(1);
    }
}
