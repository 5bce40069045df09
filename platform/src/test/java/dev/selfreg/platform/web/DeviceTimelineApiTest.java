package dev.selfreg.platform.web;

import static dev.selfreg.platform.wire.SampleTraffic.DM_APP;
import static dev.selfreg.platform.wire.SampleTraffic.DM_IMEI;
import static dev.selfreg.platform.wire.SampleTraffic.DM_IMSI;
import static dev.selfreg.platform.wire.SampleTraffic.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfreg.capture.CaptureCheck;
import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.dm.DmApplications;
import dev.selfreg.platform.wire.SampleTraffic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A platform started without {@code --pcap}, real clients talking to it ({@link SampleTraffic}), its log output
 * captured: each device's timeline as JSON and its traffic as pcapng, read back by the project's capture reader and
 * by Wireshark's {@code tshark}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceTimelineApiTest {

    /** A device that only reports to China Telecom, once over CoAP sent twice, once over HTTP. */
    private static final String CT_IMEI = "869999000000003";

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    private PrintStream stderr;
    private LabPlatform platform;

    @BeforeAll
    void platformWithTraffic() throws Exception {
        stderr = System.err;
        // slf4j-simple writes each line to whatever System.err is at the time.
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                stderr.write(b);
                logs.write(b);
            }
        }, true, StandardCharsets.UTF_8));
        platform = LabPlatform.start(new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:mem:timeline-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), Path.of("target"),
                List.of(DM_APP), false, Optional.empty()));
        Map<String, Integer> ports = platform.ports();
        SampleTraffic.coapReport(ports.get("ct-coap"), DM_IMEI);
        SampleTraffic.dmDevice(platform);
        SampleTraffic.retransmittedCoapReport(ports.get("ct-coap"), CT_IMEI);
        SampleTraffic.httpReport(ports.get("ct-http"), CT_IMEI);
    }

    @AfterAll
    void stop() {
        platform.close();
        System.setErr(stderr);
    }

    @Test
    void theTimelineHoldsTheDevicesReportRegisterReadsAndUpdateInOrderEachWithItsAnswer() throws Exception {
        JsonNode timeline = json("/api/devices/" + DM_IMEI + "/timeline");

        List<String> exchanges = new ArrayList<>();
        for (JsonNode m : timeline.get("messages")) {
            if (!m.get("kind").asText().equals("empty")) {
                exchanges.add(m.get("kind").asText() + " " + m.get("direction").asText() + " " + m.get("listener").asText());
            }
        }
        assertThat(exchanges).containsExactly(
                "report device-to-platform ct-coap", "reply platform-to-device ct-coap",
                "register device-to-platform dm", "reply platform-to-device dm",
                "read platform-to-device dm", "reply device-to-platform dm",
                "update device-to-platform dm", "reply platform-to-device dm",
                "read platform-to-device dm", "reply device-to-platform dm");
        assertThat(timeline.get("dropped").asLong()).isZero();
        assertThat(timeline.get("perDevice").asInt()).isEqualTo(500);
        JsonNode register = message(timeline, "register");
        assertThat(register.get("summary").asText()).isEqualTo("LwM2M Register, lifetime 300 s");
        assertThat(register.get("fields").toString()).contains("IMEI " + DM_IMEI + ", IMSI " + DM_IMSI);
        assertThat(message(timeline, "update").get("fields").toString()).contains("IMEI " + DM_IMEI + ", IMSI " + DM_IMSI);
        assertThat(timeline.toString()).contains("object 666, 14 values decrypted", SampleTraffic.NET_TYPE);
    }

    @Test
    void eachMessageCarriesItsBytesInHex() throws Exception {
        JsonNode register = message(json("/api/devices/" + DM_IMEI + "/timeline"), "register");

        byte[] bytes = HexFormat.of().parseHex(register.get("hex").asText());

        assertThat(bytes).hasSize(register.get("length").asInt());
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains(SampleTraffic.EP);
    }

    @Test
    void aRetransmittedReportAndThePlatformsRepeatedReplyAreMarkedAndTheHttpReportFollows() throws Exception {
        JsonNode messages = json("/api/devices/" + CT_IMEI + "/timeline").get("messages");

        assertThat(messages).hasSize(6);
        assertThat(messages.get(2).get("retransmissionOf").asInt()).isEqualTo(1);
        assertThat(messages.get(3).get("retransmissionOf").asInt()).isEqualTo(2);
        assertThat(messages.get(4).get("summary").asText()).isEqualTo("ZZHC report over HTTP, REGVER 2");
        assertThat(messages.get(5).get("answers").asInt()).isEqualTo(5);
    }

    @Test
    void theDownloadedCaptureHoldsOnlyThisDevicesTrafficAndIsJudgedAsThePlatformJudgesIt() throws Exception {
        HttpResponse<byte[]> download = get("/api/devices/" + DM_IMEI + "/capture.pcapng");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains(TimelineApi.PCAPNG_CONTENT_TYPE);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"" + DM_IMEI + ".pcapng\"");
        CaptureCheck.Findings findings = CaptureCheck.read(new ByteArrayInputStream(download.body()),
                DmApplications.parse(List.of(DM_APP))::cipher);
        assertThat(findings.damage()).isEmpty();
        assertThat(findings.devices()).extracting(d -> d.imei()).containsExactly(DM_IMEI);
        assertThat(findings.frames()).isEqualTo(json("/api/devices/" + DM_IMEI + "/timeline").get("messages").size());
        assertThat(findings.devices().get(0).dmMessages()).isNotEmpty();
        assertThat(findings.devices().get(0).ctReports()).hasSize(1);
    }

    @Test
    void tsharkDecodesTheDownloadedCaptureRegisterReadAndReport() throws Exception {
        Path file = Files.createTempFile("device", ".pcapng");
        try {
            Files.write(file, get("/api/devices/" + DM_IMEI + "/capture.pcapng").body());
            List<String> lines = SampleTraffic.tshark(file, platform.ports(), "coap.code", "coap.opt.uri_path",
                    "coap.opt.uri_query").stream().filter(line -> !line.startsWith("|")).toList();

            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("2|nb|"))
                    .anySatisfy(line -> assertThat(line).startsWith("2|rd|").contains("ep=" + SampleTraffic.EP))
                    .anySatisfy(line -> assertThat(line).startsWith("1|666,0|"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void thePasswordIsInNoTimelineNoCaptureAndNoLogLine() throws Exception {
        String timelines = json("/api/devices/" + DM_IMEI + "/timeline").toString()
                + json("/api/devices/" + CT_IMEI + "/timeline");
        String captures = new String(get("/api/devices/" + DM_IMEI + "/capture.pcapng").body(),
                StandardCharsets.ISO_8859_1);

        assertThat(timelines).doesNotContain(PASSWORD);
        assertThat(captures).doesNotContain(PASSWORD);
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
    }

    @Test
    void aDeviceTheJournalHasNotSeenHasAnEmptyTimelineAndAnEmptyCapture() throws Exception {
        JsonNode timeline = json("/api/devices/869999000000777/timeline");
        HttpResponse<byte[]> download = get("/api/devices/869999000000777/capture.pcapng");

        assertThat(timeline.get("messages")).isEmpty();
        assertThat(timeline.get("kept").asInt()).isZero();
        assertThat(CaptureCheck.read(new ByteArrayInputStream(download.body()), appKey -> Optional.empty()).frames())
                .isZero();
    }

    @Test
    void aPathThatNamesNoImeiIsABadRequest() throws Exception {
        assertThat(get("/api/devices/not-an-imei/timeline").statusCode()).isEqualTo(400);
        assertThat(get("/api/devices/not-an-imei/capture.pcapng").statusCode()).isEqualTo(400);
    }

    private static JsonNode message(JsonNode timeline, String kind) {
        for (JsonNode m : timeline.get("messages")) {
            if (m.get("kind").asText().equals(kind)) {
                return m;
            }
        }
        throw new AssertionError("no " + kind + " in " + timeline);
    }

    private JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return WebTestBench.JSON.readTree(response.body());
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.ports().get("web") + path))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
