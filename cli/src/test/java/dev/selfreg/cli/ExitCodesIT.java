package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exit-code convention of {@link ExitCodes}, command by command, through the jar as a process. */
class ExitCodesIT {

    @ParameterizedTest
    @ValueSource(strings = {"platform", "module", "scenario", "demo", "fleet", "at", "status", "provision", "checks"})
    void aWrongOptionExits64WithOneLineAndNoUsageText(String command) throws Exception {
        CliRun run = CliRun.of(command, "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("selfreg " + command + ": ").endsWith(" (see selfreg " + command + " --help)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "module", "scenario", "demo", "fleet", "at", "status", "provision", "checks"})
    void everyHelpListsItsExitCodes(String command) throws Exception {
        CliRun run = CliRun.of(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes").containsPattern("(?m)^\\s+64\\s+\\S").containsPattern("(?m)^\\s+70\\s+\\S");
    }

    @Test
    void aBadDmAppIsAUsageError() throws Exception {
        CliRun run = CliRun.of("platform", "--dm-app", "foo");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly(
                "selfreg platform: --dm-app entry 1 is not APPKEY=PASSWORD (see selfreg platform --help)");
    }

    @Test
    void aTokenOfTheWrongShapeIsAUsageError() throws Exception {
        CliRun run = CliRun.of("platform", "--token", "short", "--ct-coap-port", "0", "--ct-http-port", "0", "--dm-port", "0",
                "--web-port", "0", "--db", "jdbc:h2:mem:exit-codes-token");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).filteredOn(line -> line.startsWith("selfreg platform:")).containsExactly("selfreg platform:"
                + " the web token must be 16-256 characters of A-Z a-z 0-9 . _ ~ + / = - (see selfreg platform --help)");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() throws Exception {
        CliRun run = CliRun.of("module", "--at-port", "99999");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("99999 is not a port number (0-65535)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"at --port 7000 AT", "status --port 7000", "provision --port 7000 --ct-enable 1"})
    void aBarePortNumberIsAUsageErrorShowingTheTcpForm(String commandLine) throws Exception {
        String[] args = commandLine.split(" ");
        String command = args[0];
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("selfreg " + command + ": --port 7000 is not a serial device; a TCP port is"
                + " written --port tcp://127.0.0.1:7000 (see selfreg " + command + " --help)");
    }

    @Test
    void aHostAndPortWithoutTcpIsAUsageErrorShowingTheTcpForm() throws Exception {
        CliRun run = CliRun.of("at", "--port", "127.0.0.1:7000", "AT");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("a TCP port is written --port tcp://127.0.0.1:7000");
    }

    @Test
    void theModuleGivenPortIsAUsageErrorNamingAtPort() throws Exception {
        CliRun run = CliRun.of("module", "--port", "7000");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("selfreg module: the module has no --port: its AT interface is --at-port 7000"
                + " (the host commands reach it with --port tcp://127.0.0.1:7000) (see selfreg module --help)");
    }

    @Test
    void aMisspeltOptionIsAUsageErrorSuggestingTheOption() throws Exception {
        CliRun run = CliRun.of("module", "--at-port", "0", "--nvarm", "nv");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("'--nvarm'", "did you mean --nvram?");
    }

    @Test
    void anNvramFileWhereTheDirectoryBelongsIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("nvram.txt"), "not a directory");
        CliRun run = CliRun.of("module", "--at-port", "0", "--nvram", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("selfreg module: --nvram " + file + " is a file, not a directory (--nvram"
                + " names the directory NVRAM is kept in, created if missing) (see selfreg module --help)");
        assertThat(file).hasContent("not a directory");
    }

    @Test
    void anNvramPathUnderAFileIsAUsageErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("nvram.txt"), "not a directory");
        CliRun run = CliRun.of("module", "--at-port", "0", "--nvram", file.resolve("nv").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains(": " + file + " is a file, not a directory");
    }

    @Test
    void anUnknownAtDialectIsAUsageErrorNamingTheDialects() throws Exception {
        CliRun run = CliRun.of("module", "--at-port", "0", "--at-dialect", "bc95");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("AT dialect is bc260y-cn|bc26-compat, not 'bc95'");
    }

    @Test
    void aTakenCoapPortExits69WithOneLineNamingTheListenerAndPort() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliRun run = CliRun.of("platform", "--ct-coap-port", String.valueOf(port), "--ct-http-port", "0",
                    "--dm-port", "0", "--web-port", "0", "--db", "jdbc:h2:mem:exit-codes");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.errLines()).filteredOn(line -> line.startsWith("selfreg platform:")).containsExactly(
                    "selfreg platform: cannot listen for ct-coap on 127.0.0.1:" + port + ": the port is in use (another selfreg"
                            + " platform or demo?); stop that process or choose another port with --ct-coap-port");
            assertThat(run.err()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aTakenAtPortExits69WithOneLineNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliRun run = CliRun.of("module", "--at-port", String.valueOf(port));

            assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.errLines()).filteredOn(line -> line.startsWith("selfreg module:")).containsExactly(
                    "selfreg module: cannot listen for at on 127.0.0.1:" + port
                            + ": the port is in use (another selfreg module?); stop that process or choose another with --at-port");
            assertThat(run.err()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aProductFileWithAnUnknownKeyIsAUsageErrorNamingItsLine(@TempDir Path dir) throws Exception {
        Path product = Files.writeString(dir.resolve("product.yaml"), "name: meter\nswversion: A04\n");

        CliRun run = CliRun.of("platform", "--product", product.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains(product + ":2: unknown key 'swversion'");
    }

    @Test
    void checksOfAPlatformNobodyRunsExits69WithOneLine() throws Exception {
        // A socket bound but not listening holds the port: a connection to it is refused while the test runs.
        try (Socket held = new Socket()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = held.getLocalPort();
            CliRun run = CliRun.of("checks", "--platform", "http://127.0.0.1:" + port);

            assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("selfreg checks: cannot reach the platform at http://127.0.0.1:" + port);
        }
    }
}
