package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.platform.wire.SampleTraffic;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --pcap} on {@code selfreg fleet}, {@code demo} and {@code module}: Wireshark's {@code tshark} decodes the
 * files they write with its own CoAP and LwM2M dissectors — the ZZHC POST {@code /nb} with its Base64 body, the LwM2M
 * Register with the DM endpoint, the read of {@code /666/0} and its TLV answer, in order — each packet once, at its
 * module time.
 */
class WireCaptureIT {

    private static final Pattern LISTENING = Pattern.compile("listening (ct-coap|dm) 127\\.0\\.0\\.1:(\\d+)");
    private static final double DAY = 86_400;

    @TempDir
    Path dir;

    @Test
    void aFleetRunWritesTheChosenModulesExchangesEachOnceAtTheirModuleTimes() throws Exception {
        Path capture = dir.resolve("fleet.pcapng");
        Run run = run("fleet", "--ct", "2", "--cmcc", "2", "--days", "3", "--pcap", capture.toString(),
                "--pcap-modules", "1");

        assertThat(run.exit).as(run.out).isZero();
        // the first China Telecom module (n 0) and the first China Mobile one (n 2), one interface per socket
        assertThat(tshark(capture, run.ports, "frame.interface_name").stream().distinct().sorted())
                .hasSize(2).allMatch(name -> name.matches("86999810000000[02] (ct|dm) 127(\\.\\d+){3}:\\d+"));
        assertThat(reportedImeis(capture, run.ports)).containsExactly("869998100000000");
        List<String> dm = dmExchanges(capture, run.ports);
        assertThat(dm).containsSubsequence("2 rd ep=869998100000002", "65", "1 666,0", "69 tlv", "2 rd,<location>",
                "68", "1 666,0", "69 tlv");
        assertThat(dm.stream().filter(e -> e.startsWith("2 rd ep="))).as("each packet once").hasSize(1);
        assertThat(dm.stream().filter(e -> e.startsWith("2 rd,<location>"))).as("an update a day").hasSize(3);
        List<Double> updates = times(capture, run.ports, "2|rd,");
        List<Double> registers = times(capture, run.ports, "2|rd|");
        assertThat(updates.get(0) - registers.get(0)).isBetween(DAY - 60, DAY + 60);
        assertThat(updates.get(2) - updates.get(1)).isBetween(DAY - 60, DAY + 60);
    }

    @Test
    void fleetRefusesPcapModulesOfImeisItDoesNotHave() throws Exception {
        Run run = run("fleet", "--ct", "1", "--cmcc", "1", "--pcap", dir.resolve("f.pcapng").toString(),
                "--pcap-modules", "869998100000000,869998100000009");

        assertThat(run.exit).isEqualTo(64);
        assertThat(run.err).contains("--pcap-modules: no module of this fleet has IMEI 869998100000009");
    }

    @Test
    void theDemoWritesBothModulesExchangesOverItsDaysOfModuleTime() throws Exception {
        Path capture = dir.resolve("demo.pcapng");
        Run run = run("demo", "--once", "--pcap", capture.toString());

        assertThat(run.exit).as(run.out).isZero();
        assertThat(reportedImeis(capture, run.ports)).containsExactly("869999000000001");
        assertThat(dmExchanges(capture, run.ports)).containsSubsequence("2 rd ep=869999000000002", "65", "1 666,0",
                "69 tlv", "2 rd,<location>", "68");
        List<Double> all = times(capture, run.ports, "");
        assertThat(all.get(all.size() - 1) - all.get(0)).as("the demo's five days").isGreaterThan(4 * DAY);
    }

    @Test
    void aModuleOnTheVirtualClockWritesItsRetransmissionsAtTheirModuleTimes() throws Exception {
        Path capture = dir.resolve("module.pcapng");
        // a ZZHC server that never answers: the module's report is retransmitted on CoAP's schedule
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             ModuleProcess module = ModuleProcess.start("--clock", "virtual", "--ct-coap-port",
                     Integer.toString(silent.getLocalPort()), "--dm-port", "9", "--pcap", capture.toString())) {
            long wallStart = System.nanoTime();
            module.post("/module/clock/advance", "{\"seconds\":300}");
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            Map<String, Integer> ports = Map.of("ct-coap", silent.getLocalPort());

            List<String> posts = tshark(capture, ports, "frame.time_epoch", "coap.code", "coap.opt.uri_path",
                    "coap.mid").stream().filter(line -> line.contains("|2|nb|")).toList();
            assertThat(posts).hasSizeGreaterThanOrEqualTo(4);
            assertThat(posts.stream().map(line -> line.split("\\|")[3]).distinct()).as("one message, resent")
                    .hasSize(1);
            List<Double> times = posts.stream().map(line -> Double.parseDouble(line.split("\\|")[0])).toList();
            for (int i = 2; i < times.size(); i++) {
                // RFC 7252 4.2: each timeout twice the one before
                double before = times.get(i - 1) - times.get(i - 2);
                assertThat(times.get(i) - times.get(i - 1)).isBetween(2 * before - 0.01, 2 * before + 0.01);
            }
            assertThat(times.get(times.size() - 1) - times.get(0)).as("module time, not the test's wall time")
                    .isGreaterThan(Math.max(20, wallSeconds));
            assertThat(reportedImeis(capture, ports)).containsOnly("869999000000001");
        }
    }

    /**
     * The IMEI in each ZZHC report's Base64 body, as tshark shows the POST /nb: as data, or as the line of text it
     * shows a body of Content-Format application/json as (the module's), after its own labels.
     */
    private List<String> reportedImeis(Path capture, Map<String, Integer> ports) throws Exception {
        List<String> imeis = new ArrayList<>();
        for (String line : tshark(capture, ports, "coap.code", "coap.opt.uri_path", "data.data", "text")) {
            String[] f = line.split("\\|", -1);
            if (f[0].equals("2") && f[1].equals("nb")) {
                String base64 = f[2].isEmpty() ? f[3].substring(f[3].lastIndexOf(',') + 1)
                        : new String(HexFormat.of().parseHex(f[2]), StandardCharsets.US_ASCII);
                String json = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
                Matcher meid = Pattern.compile("\"MEID\":\"(\\d+)\"").matcher(json);
                assertThat(meid.find()).as(json).isTrue();
                imeis.add(meid.group(1));
            }
        }
        return imeis.stream().distinct().toList();
    }

    /** The CMDMP messages in order: code, path, the Register's IMEI, whether a TLV is decoded. */
    private List<String> dmExchanges(Path capture, Map<String, Integer> ports) throws Exception {
        return tshark(capture, ports, "coap.code", "coap.opt.uri_path", "coap.opt.uri_query", "lwm2mtlv.identifier")
                .stream().map(line -> line.split("\\|", -1)).filter(f -> !f[0].isEmpty() && !f[1].equals("nb"))
                .map(f -> Stream.of(f[0], f[1].replaceFirst("^rd,.+", "rd,<location>"),
                                f[2].contains("ep=") ? "ep=" + f[2].replaceFirst(".*@#@(\\d{15})@#@.*", "$1") : "",
                                f[3].isEmpty() ? "" : "tlv")
                        .filter(part -> !part.isEmpty()).collect(Collectors.joining(" "))).toList();
    }

    /** The times of the packets whose fields {@code code|path|} start with {@code prefix}. */
    private List<Double> times(Path capture, Map<String, Integer> ports, String prefix) throws Exception {
        return tshark(capture, ports, "frame.time_epoch", "coap.code", "coap.opt.uri_path").stream()
                .filter(line -> (line.substring(line.indexOf('|') + 1) + "|").startsWith(prefix))
                .map(line -> Double.parseDouble(line.split("\\|")[0])).toList();
    }

    /** tshark's fields of every packet, one line each, CoAP and HTTP decoded on the platform's ports. */
    private static List<String> tshark(Path capture, Map<String, Integer> ports, String... fields) throws Exception {
        return SampleTraffic.tshark(capture, ports, fields);
    }

    private record Run(int exit, String out, String err, Map<String, Integer> ports) {
    }

    /** Runs {@code selfreg ARGS} to its end; the ports its platform printed. */
    private Run run(String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(ModuleProcess.command(args)).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        Map<String, Integer> ports = new TreeMap<>();
        Matcher listening = LISTENING.matcher(output);
        while (listening.find()) {
            ports.put(listening.group(1), Integer.parseInt(listening.group(2)));
        }
        return new Run(process.exitValue(), output, Files.readString(err), ports);
    }
}
