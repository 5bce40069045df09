package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code selfreg module} end to end: the shaded jar in its own process, driven over TCP, stdio and HTTP. */
class ModuleProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String framed(String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append("\r\n").append(line).append("\r\n");
        }
        return out.toString();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void tcpPortAnswersTheSeedsCommandsByteForByte() throws Exception {
        try (ModuleProcess module = ModuleProcess.start(); AtSocket host = module.connect()) {
            assertThat(host.command("ATE0")).isEqualTo("ATE0\r" + framed("OK"));
            assertThat(host.command("AT+QDMPCFG=1,117.161.2.7,5683,420")).isEqualTo(framed("OK"));
            assertThat(host.command("AT+QDMPCFG=4,1")).isEqualTo(framed("+QDMPCFG: 1,117.161.2.7,5683,420", "OK"));
            assertThat(host.command("AT+QDMPCFGEX=2,0,\"4096KB\",\"4096KB\",\"EC616\",\"FREE RTOS\"")).isEqualTo(framed("OK"));
            assertThat(host.command("AT+QDMPCFGEX=2,1")).isEqualTo(framed("+QDMPCFGEX: 2,4096KB,4096KB,EC616,FREE RTOS", "OK"));
            assertThat(host.command("AT+QSREGENABLE=2")).isEqualTo(framed("ERROR"));
        }
    }

    @Test
    void bc260yCnDialectAnswersABc26CommandError() throws Exception {
        try (ModuleProcess module = ModuleProcess.start(); AtSocket host = module.connect()) {
            host.command("ATE0");

            assertThat(host.command("AT+GSN")).isEqualTo(framed("ERROR"));
        }
    }

    @Test
    void bc26CompatDialectAnswersABc26CommandAndLogsOnceThatARealModuleRefusesIt() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("--at-dialect", "bc26-compat"); AtSocket host = module.connect()) {
            host.command("ATE0");

            assertThat(host.command("AT+GSN")).isEqualTo(framed("869999000000001", "OK"));
            assertThat(host.command("AT+GSN")).isEqualTo(framed("869999000000001", "OK"));
            assertThat(host.command("AT+GSN=?")).isEqualTo(framed("OK"));

            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
                String log = Files.readString(module.log);
                assertThat(log).contains("at dialect: bc26-compat (not a BC260Y-CN");
                assertThat(log.lines().filter(line -> line.contains(
                        "WARN Bc260yModule - 869999000000001: AT+GSN is a BC26 command; a real BC260Y-CN answers ERROR")))
                        .hasSize(1);
            });
        }
    }

    @Test
    void aSecondHostIsRefusedWithOneLineWhileTheFirstKeepsWorking() throws Exception {
        try (ModuleProcess module = ModuleProcess.start(); AtSocket first = module.connect()) {
            assertThat(first.command("AT")).endsWith(framed("OK"));
            try (AtSocket second = module.connect()) {
                assertThat(second.readToEnd()).isEqualTo("selfreg: AT port busy, another host is connected"
                        + " (one host at a time, like a UART)\r\n");
            }
            assertThat(first.command("AT")).endsWith(framed("OK"));
        }
    }

    @Test
    void theNextHostGetsThePortWhenTheFirstLeaves() throws Exception {
        try (ModuleProcess module = ModuleProcess.start()) {
            try (AtSocket first = module.connect()) {
                assertThat(first.command("AT")).endsWith(framed("OK"));
            }
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
                try (AtSocket next = module.connect()) {
                    assertThat(next.command("AT")).endsWith(framed("OK"));
                }
            });
        }
    }

    @Test
    void controlApiShowsTheModuleAndAdvancesTheVirtualClock() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("--clock", "virtual")) {
            JsonNode status = json(module.get("/module"));
            assertThat(status.get("imei").asText()).isEqualTo("869999000000001");
            assertThat(status.get("imsi").asText()).isEqualTo("460111234567890");
            assertThat(status.get("power").asText()).isEqualTo("active");
            assertThat(status.get("dmState").asInt()).isZero();

            JsonNode later = json(module.post("/module/clock/advance", "{\"seconds\":3600}"));
            assertThat(later.get("clock").asDouble()).isEqualTo(3600.0);
            assertThat(later.get("power").asText()).isEqualTo("deep-sleep");
            assertThat(later.get("awakeSeconds").asDouble()).isEqualTo(12.0);
        }
    }

    @Test
    void badControlRequestsAnswer400WithAJsonErrorAndChangeNothing() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("--clock", "virtual")) {
            for (String body : new String[] {"not json", "[]", "{}", "{\"seconds\":-1}", "{\"seconds\":\"1\"}"}) {
                HttpResponse<String> response = module.post("/module/clock/advance", body);
                assertThat(response.statusCode()).as(body).isEqualTo(400);
                assertThat(json(response).get("error").asText()).as(body).isNotBlank();
            }
            assertThat(module.post("/module/sim", "{\"imsi\":\"12\",\"iccid\":\"x\"}").statusCode()).isEqualTo(400);
            assertThat(module.post("/module/firmware", "{}").statusCode()).isEqualTo(400);
            assertThat(json(module.get("/module")).get("clock").asDouble()).isZero();
        }
    }

    @Test
    void advancingARealClockIsABadRequest() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("--clock", "real")) {
            HttpResponse<String> response = module.post("/module/clock/advance", "{\"seconds\":1}");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).contains("real clock");
        }
    }

    @Test
    void powerCycleThroughTheControlApiLoadsTheSavedConfig() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("--clock", "virtual"); AtSocket host = module.connect()) {
            host.command("ATE0");
            host.command("AT+QDMPCFG=0,0");
            assertThat(host.command("AT+QDMPCFG?")).startsWith(framed("+QDMPCFG: 0,1"));
            module.post("/module/power/cycle", "");
            assertThat(host.command("ATE0")).isEqualTo(framed("RDY", "+CFUN: 1", "+CPIN: READY") + "ATE0\r" + framed("OK"));
            assertThat(host.command("AT+QDMPCFG?")).startsWith(framed("+QDMPCFG: 0,0"));
        }
    }

    @Test
    void simSwapTakesEffectAtTheNextBoot() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("--clock", "virtual"); AtSocket host = module.connect()) {
            host.command("ATE0");
            HttpResponse<String> swap = module.post("/module/sim", "{\"imsi\":\"460041234567890\",\"iccid\":\"89860012345678901234\"}");
            assertThat(swap.statusCode()).isEqualTo(200);
            assertThat(host.command("AT+CIMI")).isEqualTo(framed("460111234567890", "OK"));
            module.post("/module/power/cycle", "");
            host.command("ATE0");
            assertThat(host.command("AT+CIMI")).isEqualTo(framed("460041234567890", "OK"));
            assertThat(json(module.post("/module/sim", "{\"removed\":true}")).get("sim").asText()).isEqualTo("removed");
        }
    }

    @Test
    void fotaFromA03ToA04WithQsregenable1ReadsBack3() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("--clock", "virtual", "--firmware", "BC260YCNAAR01A03");
             AtSocket host = module.connect()) {
            host.command("ATE0");
            host.command("AT+QSREGENABLE=1");
            JsonNode after = json(module.post("/module/firmware", "{\"version\":\"BC260YCNAAR01A04\"}"));
            assertThat(after.get("firmware").asText()).isEqualTo("BC260YCNAAR01A04");
            host.command("ATE0");
            assertThat(host.command("AT+QSREGENABLE?")).isEqualTo(framed("+QSREGENABLE: 3", "OK"));
            assertThat(host.command("AT+CGMR")).isEqualTo(framed("Revision: BC260YCNAAR01A04", "OK"));
        }
    }

    @Test
    void nvramSurvivesAKilledProcess(@TempDir Path nvram) throws Exception {
        try (ModuleProcess module = ModuleProcess.start("--nvram", nvram.toString()); AtSocket host = module.connect()) {
            host.command("ATE0");
            assertThat(host.command("AT+QDMPCFG=2,\"M100000089\",\"95GoSecret\",1,863703030822519")).isEqualTo(framed("OK"));
            module.kill();
        }
        try (ModuleProcess module = ModuleProcess.start("--nvram", nvram.toString()); AtSocket host = module.connect()) {
            host.command("ATE0");
            assertThat(host.command("AT+QDMPCFG=4,2")).isEqualTo(framed("+QDMPCFG: 2,M100000089,95Go****,1,863703030822519", "OK"));
            assertThat(host.command("AT+QDMPCFG?")).contains("+QDMPCFG: 2,M100000089,95Go****,1,863703030822519");
        }
    }

    @Test
    void aSecondModuleOnTheSameNvramDirectoryIsRefusedAndTheFirstKeepsItsSettings(@TempDir Path nvram, @TempDir Path logs) throws Exception {
        try (ModuleProcess first = ModuleProcess.start("--nvram", nvram.toString()); AtSocket host = first.connect()) {
            host.command("ATE0");
            assertThat(host.command("AT+QDMPCFG=2,\"M100000089\",\"95GoSecret\",1,863703030822519")).isEqualTo(framed("OK"));
            Path errors = logs.resolve("second-module.err");
            Process second = new ProcessBuilder(ModuleProcess.command("module", "--at-port", "0", "--nvram", nvram.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
            boolean ended = second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
            assertThat(ended).as("the second module ended by itself").isTrue();
            assertThat(second.exitValue()).isEqualTo(69);
            assertThat(Files.readString(errors)).contains("NVRAM directory " + nvram + " is in use by another module (process "
                    + first.process.pid() + ")");
            assertThat(host.command("AT+QDMPCFG=4,2")).isEqualTo(framed("+QDMPCFG: 2,M100000089,95Go****,1,863703030822519", "OK"));
        }
    }

    @Test
    void stdioTransportAnswersOnStdoutAndEndsWithItsInput() throws Exception {
        Process process = new ProcessBuilder(ModuleProcess.command("module", "--stdio")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            OutputStream stdin = process.getOutputStream();
            InputStream stdout = process.getInputStream();
            stdin.write("ATE0\r".getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
            assertThat(AtSocket.readUntilFinalResult(stdout)).isEqualTo(framed("RDY", "+CFUN: 1", "+CPIN: READY") + "ATE0\r" + framed("OK"));
            stdin.write("AT+QSREGENABLE?\r".getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
            assertThat(AtSocket.readUntilFinalResult(stdout)).isEqualTo(framed("+QSREGENABLE: 1", "OK"));
            stdin.close();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }
}
