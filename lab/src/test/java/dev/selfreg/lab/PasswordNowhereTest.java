package dev.selfreg.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.capture.CaptureCheck;
import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.time.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole lab run that used the CMDMP application password — a platform that knows it, a China Mobile module
 * provisioned with it over AT and a China Telecom one, both self-registering — with its log output captured and its
 * traffic recorded as pcap, then everything a person or a tool could read afterwards scanned for the password and its
 * plausible encodings (hex, Base64): every log line, every route the web side registers (REST API, metrics, dashboard
 * pages), the AT replies, the capture file and the capture check's decoded findings. AT shows at most four of its
 * characters, so only the whole password, or any eight characters of it in a row (but for runs of digits only, which
 * every IMSI has), counts as a leak.
 */
class PasswordNowhereTest {

    private static final String PASSWORD = LabApplication.PASSWORD;
    private static final String CT_IMEI = "869999000000001";
    private static final String CM_IMEI = "869999000000002";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void thePasswordIsInNoLogLineResponsePageAtReplyOrCapture() throws Exception {
        Path pcap = dir.resolve("lab.pcap");
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        // slf4j-simple writes each line to whatever System.err is at the time
        System.setErr(new PrintStream(new Tee(stderr, logs), true, StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        try (Lab lab = Lab.start(LabApplication.addedTo(new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                        Optional.of("jdbc:h2:mem:secrets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), dir,
                        List.of(), false, Optional.empty())), new VirtualClock(), clock -> recorder(pcap, clock))) {
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
                if (path.equals("/api/live")) {
                    // an endless event stream: its events are the records the REST API serves
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
        } finally {
            System.setErr(stderr);
        }
        byte[] capture = Files.readAllBytes(pcap);
        CaptureCheck.Findings findings;
        try (InputStream in = Files.newInputStream(pcap)) {
            findings = CaptureCheck.read(in, appKey -> appKey.equals(LabApplication.APP_KEY)
                    ? Optional.of(new DmCipher(PASSWORD)) : Optional.empty());
        }
        assertThat(findings.devices()).as("the capture's devices, decoded").isNotEmpty();

        assertNoLeak("the log output", logs.toString(StandardCharsets.UTF_8));
        assertNoLeak("the web side's responses and the AT replies", String.join("\n", seen));
        assertNoLeak("the capture file", new String(capture, StandardCharsets.ISO_8859_1));
        assertNoLeak("the capture check's findings", findings.toString());
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

    /** The password, or eight of its characters in a row, in any plausible encoding, nowhere in {@code text}. */
    private static void assertNoLeak(String where, String text) {
        byte[] bytes = PASSWORD.getBytes(StandardCharsets.US_ASCII);
        List<String> forms = new ArrayList<>(List.of(PASSWORD, HexFormat.of().formatHex(bytes),
                HexFormat.of().withUpperCase().formatHex(bytes), Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
        for (int start = 0; start + 8 <= PASSWORD.length(); start++) {
            String run = PASSWORD.substring(start, start + 8);
            // eight digits in a row are in every IMSI and ICCID; a run with letters is the password's
            if (!run.matches("\\d+")) {
                forms.add(run);
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String form : forms) {
            assertThat(form.matches("[0-9A-F]+") ? lower.contains(form.toLowerCase(Locale.ROOT)) : text.contains(form))
                    .as(where + " shows the password as " + form).isFalse();
        }
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
