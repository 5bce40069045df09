package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code selfreg demo}, the README's first command, as a person runs it. */
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void demoOnceRunsTheWholeStoryAndExitsZero() throws Exception {
        Process process = new ProcessBuilder(ModuleProcess.command("demo", "--once"))
                .redirectError(dir.resolve("err.txt").toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("ZZHC report accepted", "CMDMP state 6 (register OK)", "object 666 read",
                "CMDMP state 13 (update timeout)", "demo PASSED: every expected outcome happened");
        assertThat(output).doesNotContain("0123456789ABCDEFGHIJKLMNOPQRSTUV");
        assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("Exception");
    }

    @Test
    void liveDemoRegistersBothModulesAndStopsCleanlyOnSigterm() throws Exception {
        Process process = new ProcessBuilder(ModuleProcess.command("demo", "--web-port", "0", "--ct-coap-port", "0",
                "--ct-http-port", "0", "--dm-port", "0", "--data-dir", dir.resolve("data").toString()))
                .redirectError(dir.resolve("err.txt").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        boolean ct = false;
        boolean dm = false;
        String line;
        while ((!ct || !dm) && (line = out.readLine()) != null) {
            ct |= line.contains("ZZHC report accepted");
            dm |= line.contains("CMDMP state 6 (register OK)");
        }
        assertThat(ct && dm).as("both registrations narrated").isTrue();
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("Exception");
        assertThat(dir.resolve("data").resolve("selfreg.mv.db")).exists();
    }
}
