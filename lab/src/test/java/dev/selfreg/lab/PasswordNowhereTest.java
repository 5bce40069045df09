package dev.selfreg.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.capture.CaptureCheck;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.report.HtmlReport;
import dev.selfreg.checks.rules.CertificationRules;
import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.SecretScan;
import dev.selfreg.platform.web.LiveListener;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.time.VirtualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole lab run that used the CMDMP application password — a platform that knows it, a China Mobile module
 * provisioned with it over AT and a China Telecom one, both self-registering — with its log output captured and its
 * traffic recorded as pcap, then everything a person or a tool could read afterwards scanned for the password and its
 * plausible encodings (hex, Base64): every log line, every route the web side registers (REST API, metrics, dashboard
 * pages), the dashboard's live stream from the start of the run, the AT replies, the capture file, the capture
 * check's decoded findings and the HTML page {@code selfreg check --html} writes of them. What counts as a leak is
 * {@link SecretScan#assertNoLeak}'s.
 */
class PasswordNowhereTest {

    private static final String PASSWORD = LabApplication.PASSWORD;
    private static final String CT_IMEI = "869999000000001";
    private static final String CM_IMEI = "869999000000002";
    private static final String LIVE = "/api/live";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void thePasswordIsInNoLogLineResponsePageAtReplyOrCapture() throws Exception {
        Path pcap = dir.resolve("lab.pcap");
        List<String> seen = new ArrayList<>();
        List<String> live;
        String logged;
        try (SecretScan.LogCapture logs = new SecretScan.LogCapture();
                Lab lab = Lab.start(LabApplication.addedTo(new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                        Optional.of("jdbc:h2:mem:secrets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), dir,
                        List.of(), false, Optional.empty())), new VirtualClock(), clock -> recorder(pcap, clock))) {
            // the dashboard's live stream, from before the first device: every record it announces in the run
            LiveListener stream = new LiveListener(http,
                    URI.create("http://127.0.0.1:" + lab.platform().ports().get("web") + LIVE));
            await().atMost(Duration.ofSeconds(10)).until(stream::ready);
            ModuleProfile standard = ModuleProfile.standard();
            lab.add("ct-unit", standard.withImei(CT_IMEI).withSim(Optional.of(Sim.CHINA_TELECOM)));
            EmulatedUnit cm = lab.add("cmcc-unit", standard.withImei(CM_IMEI).withSim(Optional.of(Sim.CHINA_MOBILE)));
            LabApplication.provision(cm, CM_IMEI, 3600);
            cm.at("AT+QRST=1");
            lab.advance(Duration.ofMinutes(10));
            assertThat(lab.platform().records().store().ctRegistrations(null, 10)).as("ZZHC registered").isNotEmpty();
            assertThat(lab.platform().records().store().dmDevices(null, 10)).as("DM registered").isNotEmpty();

            for (String query : List.of("AT+QDMPCFG=2", "AT+QDMPCFG?", "AT+QDMPCFG=6", "AT+QCFG?")) {
                seen.add(query + " -> " + cm.at(query));
            }
            String endpoint = lab.platform().records().store().dmDevices(null, 1).get(0).endpoint();
            List<String> routes = lab.platform().webRoutes();
            assertThat(routes).contains("GET /", "GET /api/ct/registrations", "GET /api/dm/devices", "GET /metrics");
            for (String route : routes) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1);
                if (path.equals(LIVE)) {
                    // an endless event stream, read from the start of the run above
                    continue;
                }
                for (String id : List.of(CT_IMEI, CM_IMEI, endpoint)) {
                    String concrete = path.replaceAll("\\{[^}]*}|<[^>]*>", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
                    seen.add(route + " " + id + " -> " + body(lab, method, concrete));
                    if (concrete.equals(path)) {
                        break;
                    }
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", stream.lines()).contains(CM_IMEI)
                    && String.join("\n", stream.lines()).contains(CT_IMEI));
            live = List.copyOf(stream.lines());
            stream.close();
            logged = logs.text();
        }
        byte[] capture = Files.readAllBytes(pcap);
        CaptureCheck.Findings findings;
        try (InputStream in = Files.newInputStream(pcap)) {
            findings = CaptureCheck.read(in, appKey -> appKey.equals(LabApplication.APP_KEY)
                    ? Optional.of(new DmCipher(PASSWORD)) : Optional.empty());
        }
        assertThat(findings.devices()).as("the capture's devices, decoded").isNotEmpty();
        // what selfreg check --html writes for this capture
        String html = HtmlReport.write("capture lab.pcap", Instant.EPOCH, findings.devices().stream()
                .map(device -> CertificationRules.judge(device, Product.UNDECLARED)).toList());
        assertThat(html).as("the check's page names the devices").contains(CT_IMEI).contains(CM_IMEI);

        assertNoLeak("the log output", logged);
        assertNoLeak("the web side's responses and the AT replies", String.join("\n", seen));
        assertNoLeak("the dashboard's live stream", String.join("\n", live));
        assertNoLeak("the capture file", new String(capture, StandardCharsets.ISO_8859_1));
        assertNoLeak("the capture check's findings", findings.toString());
        assertNoLeak("the capture check's HTML page", html);
    }

    private static WireRecorder recorder(Path pcap, Clock clock) {
        try {
            return WireRecorder.open(pcap, 16L << 20, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String body(Lab lab, String method, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + lab.platform().ports().get("web") + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static void assertNoLeak(String where, String text) {
        SecretScan.assertNoLeak(PASSWORD, where, text);
    }
}
