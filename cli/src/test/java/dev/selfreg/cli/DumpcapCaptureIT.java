package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.protocol.zzhc.ZzhcReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code selfreg check} on a capture another tool made: Wireshark's {@code dumpcap} records, on the loopback
 * interface, libcoap's {@code coap-client-notls} and {@code curl} reporting to {@code selfreg platform}; the
 * verdicts {@code selfreg check} gives from that file are the ones {@code selfreg checks} gets from the platform.
 *
 * <p>Capturing on {@code lo} needs CAP_NET_RAW. Everything runs in a network namespace of its own
 * ({@code unshare -rn}: a user namespace maps the user to root there), whose loopback no other test shares, so no
 * root or sudo is needed on the machine and the platform's fixed ports are free.
 */
class DumpcapCaptureIT {

    private static final String COAP_IMEI = "869999000000001";
    private static final String HTTP_IMEI = "869999000000002";

    @TempDir
    Path dir;

    /** Records the traffic in the namespace; the platform's own verdicts go to platform.txt. */
    private static final String SESSION = """
            set -eu
            ip link set lo up
            java -jar "$JAR" platform --data-dir "$DIR/data" >"$DIR/platform.out" 2>"$DIR/platform.err" &
            platform=$!
            for i in $(seq 1 600); do grep -q '^listening web' "$DIR/platform.out" && break; sleep 0.1; done
            dumpcap -q -i lo -f 'udp port 5683 or tcp port 9999' -w "$DIR/lo.pcapng" 2>"$DIR/dumpcap.err" &
            dumpcap=$!
            for i in $(seq 1 100); do grep -q 'Capturing on' "$DIR/dumpcap.err" 2>/dev/null && break; sleep 0.1; done
            sleep 0.5
            coap-client-notls -m post -B 10 -e "$COAP_REPORT" coap://127.0.0.1:5683/nb >"$DIR/coap.out"
            curl -s -H 'Content-Type: application/encrypted-json' --data-binary "$HTTP_REPORT" \
                http://127.0.0.1:9999/ >"$DIR/curl.out"
            java -jar "$JAR" checks --platform http://127.0.0.1:8080 >"$DIR/platform.txt" || true
            sleep 0.5
            kill -INT $dumpcap; wait $dumpcap || true
            kill $platform; wait $platform || true
            """;

    @Test
    void checkOnTheCaptureDumpcapRecordedGivesThePlatformsOwnVerdicts() throws Exception {
        assumePrivateLoopbackWithDumpcap();
        ProcessBuilder session = new ProcessBuilder("unshare", "-rn", "bash", "-c", SESSION)
                .redirectErrorStream(true).redirectOutput(dir.resolve("session.txt").toFile());
        session.environment().put("JAR", System.getProperty("selfreg.jar"));
        session.environment().put("DIR", dir.toString());
        session.environment().put("COAP_REPORT", report(COAP_IMEI, "89860321000000000001"));
        session.environment().put("HTTP_REPORT", report(HTTP_IMEI, "89860321000000000002"));
        Process process = session.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("session.txt"))).isZero();
        assertThat(Files.readString(dir.resolve("coap.out")) + Files.readString(dir.resolve("curl.out")))
                .contains("\"resultCode\":\"0\"");

        CliRun check = CliRun.of("check", dir.resolve("lo.pcapng").toString());

        List<String> platform = Files.readAllLines(dir.resolve("platform.txt"));
        assertThat(check.outLines().get(0)).matches(".*lo.pcapng: \\d+ packet\\(s\\), 2 exchange\\(s\\)");
        assertThat(verdicts(check.outLines())).isEqualTo(verdicts(platform))
                .anySatisfy(line -> assertThat(line).startsWith(COAP_IMEI))
                .anySatisfy(line -> assertThat(line).startsWith(HTTP_IMEI));
        assertThat(check.exitCode()).isEqualTo(0);
    }

    /**
     * Each device's line and each rule's verdict, without the evidence in parentheses, which names records as each
     * side knows them (a capture's frame, the platform's row).
     */
    private static List<String> verdicts(List<String> lines) {
        return lines.stream().filter(line -> line.matches("\\d{15} .*|  (PASS|FAIL|WARN) .*|\\d+ device\\(s\\).*"))
                .map(line -> line.replaceFirst("\\(.*", "").strip()).toList();
    }

    private static String report(String imei, String iccid) {
        return new String(ZzhcReport.v2(imei, "Quectel-BC260Y-CN", "BC260YCNAAR01A04", iccid, "460111234567890")
                .encode(), StandardCharsets.US_ASCII);
    }

    /** The capture needs a loopback of its own where dumpcap may capture: user namespaces, iproute2 and dumpcap. */
    private static void assumePrivateLoopbackWithDumpcap() throws Exception {
        String why;
        try {
            Process probe = new ProcessBuilder("unshare", "-rn", "sh", "-c",
                    "ip link set lo up && dumpcap -q -i lo -a duration:1 -w /dev/null")
                    .redirectErrorStream(true).start();
            why = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            why = e.getMessage();
        }
        Assumptions.abort("dumpcap captures on the loopback of a private network namespace (unshare -rn, ip,"
                + " dumpcap): " + why);
    }
}
