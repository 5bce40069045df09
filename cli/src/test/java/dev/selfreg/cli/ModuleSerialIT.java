package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.host.AtTransport;
import dev.selfreg.host.PortOptions;
import dev.selfreg.host.Ports;
import dev.selfreg.module.host.LineRate;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code selfreg module --serial}: the jar as its own process serving one end of a pty pair
 * ({@code socat}, a null-modem cable) through jSerialComm, a host on the other end, as an MCU
 * board on a USB-serial adapter would be.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModuleSerialIT {

    @TempDir
    Path dir;

    @Test
    void aHostOnTheOtherEndOfTheLineIsAnswered() throws Exception {
        try (PtyBridge cable = cable(); ModuleProcess module = ModuleProcess.serial(dir.resolve("module"));
             AtTransport host = Ports.serial(cable.device.toString(), PortOptions.defaults())) {
            // the module booted when it opened the device: its boot lines wait on the line
            assertThat(command(host, "AT+CGMR")).isEqualTo("\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n"
                    + "AT+CGMR\r\r\nRevision: BC260YCNAAR01A04\r\n\r\nOK\r\n");
            assertThat(command(host, "AT+CGSN=1")).endsWith("\r\n+CGSN: 869999000000001\r\n\r\nOK\r\n");
        }
    }

    @Test
    void theModuleSaysWhichDeviceItServesAtWhichRate() throws Exception {
        try (PtyBridge cable = cable()) {
            Path device = dir.resolve("module");
            Process process = new ProcessBuilder(ModuleProcess.command("module", "--serial", device.toString(), "--baud", "9600"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                String first = new String(process.getInputStream().readNBytes(
                        ("listening serial " + device + " at 9600 baud 8N1").length()), StandardCharsets.UTF_8);
                assertThat(first).isEqualTo("listening serial " + device + " at 9600 baud 8N1");
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void withBaudTheAnswerArrivesAtTheLineRate() throws Exception {
        LineRate rate = new LineRate(1200);
        try (PtyBridge cable = cable(); ModuleProcess module = ModuleProcess.serial(dir.resolve("module"), "--baud", "1200");
             AtTransport host = Ports.serial(cable.device.toString(), PortOptions.defaults().withBaudRate(1200))) {
            command(host, "AT");
            host.write("AT+CGMR\r".getBytes(StandardCharsets.US_ASCII));
            List<Long> arrivals = new ArrayList<>();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[64];
            while (!got.toString(StandardCharsets.US_ASCII).endsWith("OK\r\n")) {
                int n = host.read(buffer);
                for (int i = 0; i < n; i++) {
                    arrivals.add(System.nanoTime());
                }
                got.write(buffer, 0, n);
            }
            // each byte leaves the module a byte time after the one before it; the first is sent at once
            Duration spread = Duration.ofNanos(arrivals.get(arrivals.size() - 1) - arrivals.get(0));
            assertThat(spread).isGreaterThanOrEqualTo(rate.timeFor(got.size() - 2));
        }
    }

    @Test
    void aMissingDeviceEndsTheModuleInOneLineWithExit69() throws Exception {
        CliRun run = CliRun.of("module", "--serial", "/dev/selfreg-no-such-tty");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.errLines()).filteredOn(line -> line.startsWith("selfreg module:"))
                .containsExactly("selfreg module: cannot open /dev/selfreg-no-such-tty: no such device");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aDeviceAnotherProgramHoldsEndsTheModuleInOneLineWithExit69() throws Exception {
        try (PtyBridge cable = cable();
             AtTransport holder = Ports.serial(dir.resolve("module").toString(), PortOptions.defaults())) {
            CliRun run = CliRun.of("module", "--serial", dir.resolve("module").toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.errLines()).filteredOn(line -> line.startsWith("selfreg module:"))
                    .containsExactly("selfreg module: cannot open " + dir.resolve("module") + ": device busy (another program has it open?)");
            assertThat(run.err()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aDeviceThatGoesAwayEndsTheModuleInOneLineWithExit69() throws Exception {
        PtyBridge cable = cable();
        try (ModuleProcess module = ModuleProcess.serial(dir.resolve("module"))) {
            cable.close();

            assertThat(module.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(module.process.exitValue()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(Files.readAllLines(module.log)).filteredOn(line -> line.startsWith("selfreg module:"))
                    .containsExactly("selfreg module: serial device " + dir.resolve("module") + " is gone (adapter unplugged?)");
        }
    }

    @Test
    void aBaudRateThatIsNotPositiveIsAUsageError() throws Exception {
        CliRun run = CliRun.of("module", "--serial", "/dev/ttyS0", "--baud", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly(
                "selfreg module: --baud: baud rate must be positive: 0 (see selfreg module --help)");
    }

    /** The host's end at {@code dir/host}, the module's at {@code dir/module}. */
    private PtyBridge cable() throws Exception {
        return PtyBridge.pair(dir.resolve("host"), dir.resolve("module"));
    }

    /** Sends {@code line<CR>} and returns what comes back up to the final result code. */
    private static String command(AtTransport host, String line) throws Exception {
        host.write((line + "\r").getBytes(StandardCharsets.US_ASCII));
        InputStream in = host.inputStream();
        return AtSocket.readUntilFinalResult(in);
    }
}
