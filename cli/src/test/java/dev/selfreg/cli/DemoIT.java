package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        String dashboard = null;
        String line;
        while ((!ct || !dm) && (line = out.readLine()) != null) {
            ct |= line.contains("ZZHC report accepted");
            dm |= line.contains("CMDMP state 6 (register OK)");
            if (line.startsWith("dashboard ")) {
                dashboard = line.substring("dashboard ".length());
            }
        }
        assertThat(ct && dm).as("both registrations narrated").isTrue();
        // what the dashboard shows comes from these two feeds (its rendering is tested in a browser in the platform)
        HttpClient http = HttpClient.newHttpClient();
        String registrations = http.send(HttpRequest.newBuilder(URI.create(dashboard + "api/ct/registrations")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String devices = http.send(HttpRequest.newBuilder(URI.create(dashboard + "api/dm/devices")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(registrations).contains("\"imei\":\"869999000000001\"");
        assertThat(devices).contains("\"imei\":\"869999000000002\"").contains("\"state\":\"registered\"");
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("Exception");
        assertThat(dir.resolve("data").resolve("selfreg.mv.db")).exists();
    }
}
