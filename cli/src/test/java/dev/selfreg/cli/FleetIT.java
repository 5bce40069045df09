package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code selfreg fleet} as a person runs it: a bar while module time passes, then the table and the exit code. */
class FleetIT {

    @TempDir
    Path dir;

    @Test
    void aFleetRunsItsDaysShowsTheTableAndExitsZeroWhenEverythingHappened() throws Exception {
        Process process = new ProcessBuilder(ModuleProcess.command("fleet", "--ct", "30", "--cmcc", "30", "--days", "2"))
                .redirectError(dir.resolve("err.txt").toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("fleet: 30 China Telecom and 30 China Mobile modules, 2 days of module time",
                "listening ct-coap 127.0.0.1:", "listening dm 127.0.0.1:",
                "China Telecom modules, by what happened to them:", "      30  registered on attempt 1",
                "fleet PASSED: every expected outcome happened", "China Mobile: awake time of 30 modules");
        assertThat(output).containsPattern(
                "yes +China Telecom registrations the modules had acknowledged, in the platform's records +30 +30");
        assertThat(output).containsPattern(
                "yes +object 666 reads decrypted and stored \\(one per acknowledged Register and Update\\) +90 +90");
        String progress = Files.readString(dir.resolve("err.txt"));
        // not a terminal: one line per tenth of the run, the last one full
        assertThat(progress).contains("[##############################] 100%  module time 2d 00h");
        assertThat(progress).doesNotContain("Exception", "INFO");
        assertThat(output + progress).doesNotContain("0123456789ABCDEFGHIJKLMNOPQRSTUV");
    }

    @Test
    void anOutageAtBootIsExplainedReconciledAndWrittenAsJsonAndCharts() throws Exception {
        Path json = dir.resolve("fleet.json");
        Path charts = dir.resolve("charts");
        Process process = new ProcessBuilder(ModuleProcess.command("fleet", "--ct", "5", "--cmcc", "5", "--days", "1",
                "--outage", "0s-3h", "--ct-no-sleep", "--json", json.toString(), "--charts", charts.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("storms: platform outage 0s-3h, China Telecom modules with AT+QSCLK=0 (seed 1)",
                "       5  gave up after 3 attempts (seed 2.1.3)",
                "       5  Register timed out (state 8), state 8 at the end", "fleet PASSED",
                "China Telecom: awake time of 5 modules", "report written to " + json);
        assertThat(new ObjectMapper().readTree(json.toFile()).get("passed").asBoolean()).isTrue();
        assertThat(charts.resolve("registrations-per-hour.png")).isNotEmptyFile();
        assertThat(charts.resolve("awake-time-per-module.png")).isNotEmptyFile();
    }

    @Test
    void aPlanBeyondTheBoundsIsAUsageError() throws Exception {
        Process process = new ProcessBuilder(ModuleProcess.command("fleet", "--ct", "200001", "--cmcc", "0"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(64);
        assertThat(errors).contains("a fleet has 1 to ").contains(" modules, not 200001 China Telecom and 0 China Mobile");
    }

    @Test
    void aFleetOfMoreModulesThanFileDescriptorsRunsAsOnlyThoseAwakeHoldASocket() throws Exception {
        CliRun run = underDescriptorLimit(2000, "fleet", "--ct", "1500", "--cmcc", "1500", "--days", "1");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("fleet PASSED: every expected outcome happened");
    }

    @Test
    void aFleetAwakeBeyondItsFileDescriptorsStopsAndSaysWhy() throws Exception {
        CliRun run = underDescriptorLimit(600, "fleet", "--ct", "600", "--cmcc", "600", "--days", "1");

        assertThat(run.exitCode()).isEqualTo(69);
        assertThat(run.err()).containsPattern("selfreg fleet: \\d+ module socket\\(s\\) could not be opened by 1h of"
                + " module time, with \\d+ open: more modules were awake at once than this process has file"
                + " descriptors for \\(ulimit -n 600\\); raise it with ulimit -n, or run the fleet in shares");
        assertThat(run.out()).doesNotContain("fleet PASSED", "fleet FAILED");
    }

    /** {@code selfreg ARGS} in a shell whose {@code ulimit -n} is {@code descriptors}. */
    private CliRun underDescriptorLimit(int descriptors, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + descriptors + " && exec \"$@\"",
                "selfreg"));
        command.addAll(ModuleProcess.command(args));
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new CliRun(process.exitValue(), Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")));
    }
}
