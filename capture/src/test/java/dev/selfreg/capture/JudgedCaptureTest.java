package dev.selfreg.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.capture.SpecTraffic.Packet;
import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Verdict;
import dev.selfreg.checks.observed.ObservedRecord;
import dev.selfreg.checks.rules.CertificationRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code selfreg check}'s judging of a capture as its records are found, in the time order of the requests. */
class JudgedCaptureTest {

    private static final InetSocketAddress PLATFORM = new InetSocketAddress("10.0.0.1", 5683);
    private static final InetSocketAddress MODULE = new InetSocketAddress("10.0.0.2", 40000);
    private static final Instant T0 = CaptureCheckTest.START;

    /** One packet of a capture: when, and which way. */
    private record Sent(Instant time, Packet packet) {
    }

    private static byte[] capture(List<Sent> packets) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WireRecorder recorder = WireRecorder.writing(out, 1 << 20)) {
            for (Sent sent : packets) {
                recorder.datagram(sent.time(), "platform", PLATFORM, MODULE, sent.packet().fromModule(),
                        sent.packet().bytes());
            }
        }
        return out.toByteArray();
    }

    private static CaptureCheck.Judged judge(byte[] capture) throws Exception {
        return CaptureCheck.judge(new ByteArrayInputStream(capture), CaptureCheckTest.KNOWN, Product.UNDECLARED);
    }

    private static CheckResult result(CaptureCheck.Judged judged, String rule) {
        return judged.checklists().get(0).result(rule).orElseThrow();
    }

    @Test
    void aReplyThatComesAfterALaterExchangesIsJudgedInTheOrderOfTheRequests() throws Exception {
        List<Packet> first = SpecTraffic.ctReport(0x1001, "a1");
        List<Packet> second = SpecTraffic.ctReport(0x1002, "a2");
        byte[] capture = capture(List.of(new Sent(T0, first.get(0)), new Sent(T0.plusSeconds(10), second.get(0)),
                new Sent(T0.plusSeconds(11), second.get(1)), new Sent(T0.plusSeconds(60), first.get(1))));

        CheckResult noChange = result(judge(capture), "CT-6");

        assertThat(noChange.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(noChange.evidence()).singleElement().satisfies(e -> {
            assertThat(e.ref()).isEqualTo("frame 2");
            assertThat(e.detail()).endsWith("as in frame 1");
        });
    }

    @Test
    void aRequestUnansweredForAnExchangeLifetimeGotNoReply() throws Exception {
        List<Packet> report = SpecTraffic.ctReport();
        byte[] capture = capture(List.of(new Sent(T0, report.get(0)), new Sent(T0.plusSeconds(300), report.get(1))));

        CheckResult retries = result(judge(capture), "CT-8");

        assertThat(retries.verdict()).isEqualTo(Verdict.PASS);
        assertThat(retries.evidence()).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("failed (resultCode no reply); no attempt since"));
    }

    @Test
    void judgingAsFoundGivesTheVerdictsOfTheWholeObservation() throws Exception {
        List<Sent> packets = new ArrayList<>();
        Instant time = T0;
        for (Packet packet : SpecTraffic.dmRegisterReadUpdate()) {
            packets.add(new Sent(time, packet));
            time = time.plus(Duration.ofMillis(10));
        }
        byte[] capture = capture(packets);

        Checklist judged = judge(capture).checklists().get(0);
        Checklist whole = CertificationRules.judge(
                CaptureCheck.read(new ByteArrayInputStream(capture), CaptureCheckTest.KNOWN).devices().get(0),
                Product.UNDECLARED);

        assertThat(judged.results()).isEqualTo(whole.results());
        assertThat(judged.result("DM-1").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(judged.result("DM-5").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aJudgedChecklistShowsTheRecordsItsEvidenceNames() throws Exception {
        List<Packet> report = SpecTraffic.ctReport();
        Checklist judged = judge(capture(List.of(new Sent(T0, report.get(0)),
                new Sent(T0.plusMillis(20), report.get(1))))).checklists().get(0);

        List<String> named = judged.results().stream().flatMap(r -> r.evidence().stream()).map(Evidence::ref)
                .distinct().toList();
        assertThat(judged.records()).extracting(ObservedRecord::ref).containsExactlyElementsOf(named);
        assertThat(judged.records()).singleElement().satisfies(r -> assertThat(r.channel()).isEqualTo("CT"));
    }
}
