package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code selfreg platform} as a person starts it from the README, with independent clients. */
class PlatformProcessIT {

    private static final String TEST_VECTOR = "eyJSRUdWRVIiOiIyIiwiTUVJRCI6Ijg2OTk5OTAwMDAwMDAwMSIsIk1PREVMIjoiUXVlY3RlbC1CQzI2MFktQ04iLCJTV1ZFUiI6IkJDMjYwWUNOQUFSMDFBMDQiLCJTSU0xSUNDSUQiOiI4OTg2MDMyMTAwMDAwMDAwMDAwMSIsIlNJTTFMVEVJTVNJIjoiNDYwMTExMjM0NTY3ODkwIn0=";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    /** A running platform process and the ports it announced. */
    record Platform(Process process, Map<String, Integer> ports) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Platform start(String... extra) throws Exception {
        List<String> command = ModuleProcess.command("platform", "--ct-coap-port", "0", "--ct-http-port", "0",
                "--dm-port", "0", "--web-port", "0", "--data-dir", data.toString());
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectError(data.resolve("platform.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Map<String, Integer> ports = new HashMap<>();
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("dashboard ")) {
            if (line.startsWith("listening ")) {
                String[] words = line.split(" ");
                ports.put(words[1], Integer.parseInt(words[2].substring(words[2].lastIndexOf(':') + 1)));
            }
        }
        assertThat(ports).as(Files.exists(data.resolve("platform.log")) ? Files.readString(data.resolve("platform.log")) : "")
                .containsOnlyKeys("ct-coap", "ct-http", "dm", "web");
        return new Platform(process, ports);
    }

    private JsonNode get(Platform platform, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + platform.ports().get("web") + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String coapClient() {
        for (String name : List.of("coap-client", "coap-client-notls", "coap-client-openssl", "coap-client-gnutls")) {
            if (Files.isExecutable(Path.of("/usr/bin", name))) {
                return "/usr/bin/" + name;
            }
        }
        throw new AssertionError("libcoap's coap-client is not installed: apt-get install libcoap3-bin (.ci/run does)");
    }

    private static String post(int port, String body) throws Exception {
        Process client = new ProcessBuilder(coapClient(), "-m", "post", "-e", body, "coap://127.0.0.1:" + port + "/nb")
                .redirectErrorStream(true).start();
        assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aCoapClientReportShowsUpInTheApi() throws Exception {
        try (Platform platform = start()) {
            assertThat(post(platform.ports().get("ct-coap"), TEST_VECTOR)).contains("{\"resultCode\":\"0\",\"resultDesc\":\"Success\"}");
            await().atMost(15, TimeUnit.SECONDS).untilAsserted(() -> {
                JsonNode registrations = get(platform, "/api/ct/registrations");
                assertThat(registrations).hasSize(1);
                assertThat(registrations.get(0).get("imei").asText()).isEqualTo("869999000000001");
                assertThat(registrations.get(0).get("transport").asText()).isEqualTo("coap");
            });
        }
    }

    @Test
    void aRejectedReportIsListedWithItsReason() throws Exception {
        try (Platform platform = start()) {
            assertThat(post(platform.ports().get("ct-coap"), "not-base64")).contains("\"resultCode\":\"1\"");
            JsonNode rejections = get(platform, "/api/ct/rejections");
            assertThat(rejections).hasSize(1);
            assertThat(rejections.get(0).get("resultCode").asText()).isEqualTo("1");
        }
    }

    @Test
    void theHttpVariantIsServedOnItsOwnPort() throws Exception {
        try (Platform platform = start()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + platform.ports().get("ct-http") + "/"))
                    .header("Content-Type", "application/encrypted-json")
                    .POST(HttpRequest.BodyPublishers.ofString(TEST_VECTOR)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("{\"resultCode\":\"0\",\"resultDesc\":\"Success\"}");
            assertThat(get(platform, "/api/ct/registrations").get(0).get("transport").asText()).isEqualTo("http");
        }
    }

    @Test
    void registrationsSurviveAKilledPlatform() throws Exception {
        try (Platform platform = start()) {
            post(platform.ports().get("ct-coap"), TEST_VECTOR);
        }
        try (Platform platform = start()) {
            assertThat(get(platform, "/api/ct/registrations")).hasSize(1);
        }
    }

    @Test
    void metricsCountWhatHappened() throws Exception {
        try (Platform platform = start()) {
            post(platform.ports().get("ct-coap"), TEST_VECTOR);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + platform.ports().get("web") + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("selfreg_messages_total{service=\"ct\",outcome=\"accepted\",reason=\"\"} 1");
        }
    }
}
