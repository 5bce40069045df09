package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code selfreg at}, {@code status} and {@code provision} end to end: the shaded jar in its own
 * process, opening a real pseudo-terminal through jSerialComm, with {@code selfreg module
 * --stdio} behind it on a {@code socat} bridge, as a real module sits behind a USB-UART.
 */
class HostCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "95GoSecret";

    @TempDir
    static Path dir;
    private static PtyBridge module;
    private static String port;

    @BeforeAll
    static void startModuleBehindAPty() throws Exception {
        module = PtyBridge.module(dir);
        port = module.device.toString();
        // The first answer waits for the module's JVM to start; later ones take milliseconds.
        assertThat(CliRun.of("at", "--port", port, "--timeout", "20000", "AT").exitCode()).isZero();
    }

    @AfterAll
    static void stopModule() throws Exception {
        module.close();
    }

    @Test
    void atPrintsTheAnswerAndExits0() throws Exception {
        CliRun run = CliRun.of("at", "--port", port, "AT+CGMR");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("Revision: BC260YCNAAR01A04", "OK");
    }

    @Test
    void atListenPrintsTheUnsolicitedLinesThatComeAfterTheLastAnswer() throws Exception {
        // the attach after AT+CGATT=1 takes the module's attach time (2 s): its +IP comes after the last OK
        CliRun run = CliRun.of("at", "--port", port, "--listen", "6000", "AT+CGATT=0", "AT+CGATT=1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).startsWith("OK", "OK");
        assertThat(lines.subList(2, lines.size())).anySatisfy(line -> assertThat(line).matches("\\+IP: 100\\.\\d+\\.\\d+\\.\\d+"));
    }

    @Test
    void atListenMustNotBeNegative() throws Exception {
        CliRun run = CliRun.of("at", "--port", port, "--listen", "-1", "AT");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("selfreg at: --listen must be 0 or more: -1 (see selfreg at --help)");
    }

    @Test
    void atExits1OnAnErrorResult() throws Exception {
        CliRun run = CliRun.of("at", "--port", port, "AT+CMEE=0", "AT+QSREGENABLE=2", "AT");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly("OK", "ERROR");
    }

    @Test
    void provisionThenStatusShowTheValuesWithThePasswordMasked() throws Exception {
        CliRun provision = CliRun.of("provision", "--port", port, "--ct-enable", "0", "--dm-mode", "1",
                "--dm-server", "117.161.2.7", "--dm-port", "5684", "--dm-period", "420",
                "--dm-appkey", "M100000089", "--dm-password", SECRET, "--dm-terminal-type", "linux", "--dm-imei", "863703030822519",
                "--mac", "00-01-6C-06-A6-29", "--location", "31.8438799075,117.2025477950,OTDOA");
        assertThat(provision.exitCode()).as(provision.err()).isZero();
        assertThat(provision.outLines()).anySatisfy(line -> assertThat(line).matches("DM password +\\S.* +95Go\\*{4} +95Go\\*{4} +ok"));
        assertThat(provision.outLines()).anySatisfy(line -> assertThat(line).matches("DM port +\\d+ +5684 +5684 +ok"));

        CliRun status = CliRun.of("status", "--port", port, "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode json = JSON.readTree(status.out());
        JsonNode running = json.get("dm").get("running");
        assertThat(running.get("server").asText()).isEqualTo("117.161.2.7");
        assertThat(running.get("port").asInt()).isEqualTo(5684);
        assertThat(running.get("updatePeriod").asLong()).isEqualTo(420);
        assertThat(running.get("appKey").asText()).isEqualTo("M100000089");
        assertThat(running.get("password").asText()).isEqualTo("95Go****");
        assertThat(running.get("terminalType").asInt()).isEqualTo(1);
        assertThat(running.get("terminalImei").asText()).isEqualTo("863703030822519");
        assertThat(json.get("dm").get("saved")).isEqualTo(running);
        assertThat(json.get("ctSelfRegistration").get("saved").asInt()).isZero();
        assertThat(json.get("terminalInfo").get("saved").get("MAC").asText()).isEqualTo("00-01-6C-06-A6-29");
        assertThat(json.get("terminalInfo").get("saved").get("location").asText()).isEqualTo("31.8438799075,117.2025477950,OTDOA");
        assertThat(json.get("identity").get("imei").asText()).isEqualTo("869999000000001");
        assertThat(provision.out() + provision.err() + status.out() + status.err()).doesNotContain(SECRET);
    }

    @Test
    void provisionTakesAFileAndOptionsWinOverIt() throws Exception {
        Path file = Files.writeString(dir.resolve("provision.yaml"), """
                dm-server: 117.161.2.41
                dm-port: 5690
                sw-version: BC260YCNAAR01A03
                sw-name: Quectel
                rom: 0123
                """);
        CliRun provision = CliRun.of("provision", "--port", port, "--file", file.toString(), "--dm-port", "5691");
        assertThat(provision.exitCode()).as(provision.err()).isZero();
        JsonNode json = JSON.readTree(CliRun.of("status", "--port", port, "--json").out());
        assertThat(json.get("dm").get("running").get("port").asInt()).isEqualTo(5691);
        assertThat(json.get("terminalInfo").get("saved").get("swVer").asText()).isEqualTo("BC260YCNAAR01A03");
        assertThat(json.get("terminalInfo").get("saved").get("ROM").asText()).isEqualTo("0123");
    }

    @Test
    void provisionNamesTheRefusedCommandWithThePasswordMaskedAndExits1() throws Exception {
        String longKey = "K".repeat(64);
        // The terminal type is given: otherwise the module's saved one is written, whatever an earlier test left.
        CliRun run = CliRun.of("provision", "--port", port, "--dm-appkey", longKey, "--dm-password", SECRET,
                "--dm-terminal-type", "linux");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "selfreg provision: AT+QDMPCFG=2,\"" + longKey + "\",\"95Go****\",1 answered +CME ERROR: 50 (incorrect parameters)");
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }

    @Test
    void wrongSettingsAreRefusedBeforeTheModuleIsTouched() throws Exception {
        CliRun run = CliRun.of("provision", "--port", port, "--dm-imei", "863703030822519");
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("selfreg provision: AT+QDMPCFG=2 writes the APPkey and the password together");
    }

    @Test
    void consoleReadsCommandsFromAPipe() throws Exception {
        CliRun run = CliRun.of("ATE0\nAT+CGSN=1\n\nAT+CIMI\nexit\nAT+CGMR\n", List.of(), "at", "--port", port);
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsSubsequence("OK", "+CGSN: 869999000000001", "OK", "460111234567890", "OK");
        assertThat(run.out()).doesNotContain("Revision");
    }

    @Test
    void consoleOnATerminalAnswersAndKeepsHistory(@TempDir Path home) throws Exception {
        List<String> console = ModuleProcess.command("at", "--port", port);
        console.add(1, "-Duser.home=" + home);
        Path keys = Files.writeString(home.resolve("keys"), "AT+CGMR\rexit\r");
        Path transcript = home.resolve("transcript");
        // socat gives the console a terminal of its own, types the keys into it and records what it shows.
        Process socat = new ProcessBuilder("socat", "SYSTEM:cat " + keys + "; exec cat >" + transcript,
                "EXEC:" + String.join(" ", console) + ",pty,setsid,ctty,stderr")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(socat.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            socat.destroyForcibly();
        }
        assertThat(Files.readString(transcript)).contains("Revision: BC260YCNAAR01A04");
        assertThat(Files.readString(home.resolve(".selfreg").resolve("at_history"))).contains("AT+CGMR");
    }

    @Test
    void tablesAreBoxedAndColouredOnATerminalAndPlainWhenPiped() throws Exception {
        CliRun piped = CliRun.of("status", "--port", port);
        assertThat(piped.exitCode()).isZero();
        assertThat(piped.out()).doesNotContain("\u001B[").doesNotContain("│");
        assertThat(piped.outLines()).anySatisfy(line -> assertThat(line).matches("Setting +Running +Saved"));

        CliRun terminal = CliRun.of("", List.of("-Dpicocli.ansi=true"), "status", "--port", port);
        assertThat(terminal.exitCode()).isZero();
        assertThat(terminal.out()).contains("┌").contains("│ \u001B[1mSetting");
    }

    @Test
    void atExits2WhenNothingAnswersOnAPty() throws Exception {
        try (PtyBridge silent = PtyBridge.silent(dir)) {
            CliRun run = CliRun.of("at", "--port", silent.device.toString(), "--timeout", "100", "AT+CGMR");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines()).containsExactly("selfreg at: no answer to AT+CGMR (nor to a retry after AT) within 100 ms on "
                    + silent.device + " (is the module powered, on this port, at 115200 baud? see --baud)");
        }
    }

    @Test
    void atExits2WhenATcpPeerStaysSilent() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CliRun run = CliRun.of("at", "--port", "tcp://127.0.0.1:" + server.getLocalPort(), "--timeout", "100", "--no-retry", "AT");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines()).singleElement().asString().startsWith("selfreg at: no answer to AT within 100 ms");
            accepted.get(5, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void unreachablePortsSayWhyInOneLineAndExit3() throws Exception {
        CliRun device = CliRun.of("at", "--port", "/dev/selfreg-no-such-tty", "AT");
        assertThat(device.exitCode()).isEqualTo(3);
        assertThat(device.errLines()).containsExactly("selfreg at: cannot open /dev/selfreg-no-such-tty: no such device");

        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CliRun tcp = CliRun.of("status", "--port", "tcp://127.0.0.1:" + closed);
        assertThat(tcp.exitCode()).isEqualTo(3);
        assertThat(tcp.errLines()).singleElement().asString()
                .isEqualTo("selfreg status: cannot open tcp://127.0.0.1:" + closed + ": connection refused");
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        CliRun run = CliRun.of("at", "--port", "/dev/selfreg-no-such-tty", "--verbose", "AT");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).first().isEqualTo("selfreg at: cannot open /dev/selfreg-no-such-tty: no such device");
        assertThat(run.err()).contains("PortUnavailableException").contains("\tat dev.selfreg.host.");
    }

    @Test
    void atTalksToTheEmulatorOverTcp() throws Exception {
        try (ModuleProcess emulator = ModuleProcess.start()) {
            CliRun run = CliRun.of("at", "--port", "tcp://127.0.0.1:" + emulator.atPort, "--timeout", "5000", "AT+CGSN=1");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.outLines()).containsExactly("+CGSN: 869999000000001", "OK");
        }
    }
}
