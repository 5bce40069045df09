package dev.selfreg.platform.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.capture.CaptureCheck;
import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.rules.CertificationRules;
import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.dm.DmApplications;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A platform started with a {@link WireRecorder}: a ZZHC report over CoAP (Californium's client) and over HTTP
 * (Java's), a CMDMP device registering, read and updating (a Californium endpoint serving /666/0); then Wireshark's
 * {@code tshark} decodes the pcapng written, and {@code selfreg check}'s reading of it gives the platform's verdicts.
 */
class WireCaptureTest {

    static final String PASSWORD = SampleTraffic.PASSWORD;
    static final String APP_KEY = SampleTraffic.APP_KEY;
    static final String EP = SampleTraffic.EP;
    static final String REPORT_IMEI = "869999000000003";

    static Path capture;
    static Map<String, Integer> ports;
    static List<Checklist> platformVerdicts;

    @BeforeAll
    static void recordTraffic() throws Exception {
        capture = Files.createTempFile("wire", ".pcapng");
        PlatformTime time = PlatformTime.system();
        LabPlatform platform = LabPlatform.start(new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:mem:wire-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), Path.of("target"),
                List.of(APP_KEY + "=" + PASSWORD), false, Optional.empty()), time,
                WireRecorder.open(capture, 1 << 20, time.clock()));
        try {
            ports = platform.ports();
            SampleTraffic.coapReport(ports.get("ct-coap"), "869999000000001");
            SampleTraffic.httpReport(ports.get("ct-http"), REPORT_IMEI);
            SampleTraffic.dmDevice(platform);
            platformVerdicts = platform.checks().all();
        } finally {
            platform.close();
        }
    }

    @AfterAll
    static void removeCapture() throws Exception {
        Files.deleteIfExists(capture);
    }

    private static List<String> tshark(String... fields) throws Exception {
        return SampleTraffic.tshark(capture, ports, fields);
    }

    @Test
    void tsharkDecodesTheZzhcPostToNbWithItsBase64Body() throws Exception {
        List<String> posts = tshark("coap.code", "coap.opt.uri_path", "data.data").stream()
                .filter(line -> line.startsWith("2|nb|")).toList();

        assertThat(posts).hasSize(1);
        byte[] payload = HexFormat.of().parseHex(posts.get(0).split("\\|")[2]);
        assertThat(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8))
                .contains("\"MEID\":\"869999000000001\"");
    }

    @Test
    void tsharkDecodesTheRegisterTheReadOf666AndItsTlvAnswerInOrder() throws Exception {
        List<String> lines = tshark("frame.time_epoch", "coap.code", "coap.opt.uri_path", "coap.opt.uri_query",
                "lwm2mtlv.identifier").stream().filter(line -> !line.split("\\|", -1)[1].isEmpty()).toList();
        List<String> exchanges = lines.stream().map(line -> {
            String[] f = line.split("\\|", -1);
            return f[1] + " " + f[2].replaceFirst("^rd,.+", "rd,<location>") + (f[3].contains("ep=") ? " ep" : "")
                    + (f[3].contains("epi=") ? " epi" : "") + (f[4].isEmpty() ? "" : " tlv");
        }).toList();

        assertThat(exchanges).containsSubsequence("2 rd ep", "65 ", "1 666,0", "69  tlv", "2 rd,<location> epi", "68 ",
                "1 666,0", "69  tlv");
        assertThat(lines.stream().filter(line -> line.contains("|rd|")).findFirst().orElseThrow())
                .contains("ep=" + EP);
        double first = Double.parseDouble(lines.get(0).split("\\|")[0]);
        double last = Double.parseDouble(lines.get(lines.size() - 1).split("\\|")[0]);
        assertThat(last).isGreaterThanOrEqualTo(first);
    }

    @Test
    void tsharkReassemblesTheHttpReportAndItsReply() throws Exception {
        List<String> http = tshark("http.request.method", "http.response.code", "http.file_data").stream()
                .filter(line -> !line.replace("|", "").isEmpty()).toList();

        assertThat(http).hasSize(2);
        assertThat(http.get(0)).startsWith("POST||");
        assertThat(http.get(1)).startsWith("|200|").contains("resultCode");
    }

    @Test
    void checkOnTheCaptureGivesThePlatformsVerdictsForEveryDevice() throws Exception {
        CaptureCheck.Findings findings;
        try (InputStream in = Files.newInputStream(capture)) {
            findings = CaptureCheck.read(in, DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD))::cipher);
        }
        List<Checklist> fromCapture = findings.devices().stream()
                .map(device -> CertificationRules.judge(device, Product.UNDECLARED)).toList();

        assertThat(findings.damage()).isEmpty();
        assertThat(verdicts(fromCapture)).isEqualTo(verdicts(platformVerdicts));
        assertThat(verdicts(fromCapture)).containsKeys("869999000000001", REPORT_IMEI);
    }

    private static Map<String, Map<String, String>> verdicts(List<Checklist> checklists) {
        Map<String, Map<String, String>> byDevice = new TreeMap<>();
        for (Checklist checklist : checklists) {
            byDevice.put(checklist.imei(), checklist.results().stream().collect(Collectors.toMap(CheckResult::id,
                    r -> r.verdict().label(), (a, b) -> a, TreeMap::new)));
        }
        return byDevice;
    }
}
