package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host AT client nobody on this project wrote: Debian's {@code gammu} (package {@code gammu}),
 * in its generic AT mode, identifies the emulated module on the far end of a pty pair served by
 * {@code selfreg module --serial}, as it would a modem on a USB-serial adapter.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GammuIT {

    @TempDir
    Path dir;

    @Test
    void gammuIdentifiesTheModuleByItsAnswers() throws Exception {
        try (PtyBridge cable = PtyBridge.pair(dir.resolve("host"), dir.resolve("module"));
             ModuleProcess module = ModuleProcess.serial(dir.resolve("module"), "--imei", "869999000000077", "--sim", "cmcc")) {
            // gammu identifies a modem that is up: the attach's +IP URC in the middle of its session is a frame it
            // does not know, as it would be on a real BC260Y-CN powered on just before
            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(module.get("/module/network").body()).contains("\"stat\":1"));
            Path log = dir.resolve("gammu.log");
            Path config = Files.writeString(dir.resolve("gammurc"), String.join("\n",
                    "[gammu]", "port = " + cable.device, "connection = at", "logformat = textall", "logfile = " + log, ""));
            Path out = dir.resolve("gammu.out");
            Process gammu = new ProcessBuilder("gammu", "-c", config.toString(), "identify")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(gammu.waitFor(90, TimeUnit.SECONDS)).as("gammu ended").isTrue();

            List<String> shown = Files.readAllLines(out);
            assertThat(gammu.exitValue()).as("gammu's exit code; it said %s; its log:%n%s", shown, read(log)).isZero();
            assertThat(shown).containsExactly(
                    "Device               : " + cable.device,
                    "Manufacturer         : Quectel_Ltd",
                    "Model                : unknown (Quectel_BC260Y-CN)",
                    "Firmware             : BC260YCNAAR01A04",
                    // gammu takes the answer to a bare AT+CGSN, which a BC260Y-CN gives as its serial number (snt 0)
                    "IMEI                 : MP869999000000077",
                    "SIM IMSI             : 460041234567890");
        }
    }

    private static String read(Path log) throws Exception {
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }
}
