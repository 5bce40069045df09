package dev.selfreg.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole lab platform, started as {@code selfreg platform} starts it (free ports on loopback, an in-memory H2
 * store), with its REST API read through Java's HTTP client: what a test sends to the listeners is checked where a
 * user would look.
 */
public final class RunningPlatform implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabPlatform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningPlatform(LabPlatform platform) {
        this.platform = platform;
    }

    /** A platform knowing the CMDMP applications {@code dmApps} ({@code APPKEY=PASSWORD}). */
    public static RunningPlatform start(String... dmApps) {
        // the store is given, so the data directory stays unused
        return new RunningPlatform(LabPlatform.start(new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:mem:platform-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), Path.of("target"),
                List.of(dmApps), false, Optional.empty())));
    }

    /** The port of a listener: {@code ct-coap}, {@code ct-http}, {@code dm}, {@code web}. */
    public int port(String listener) {
        return platform.ports().get(listener);
    }

    /** The answer of {@code GET path} on the REST API, as JSON. */
    public JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port("web") + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A ZZHC report posted over HTTP as a Cat.1 module posts it; the response. */
    public HttpResponse<String> postReport(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port("ct-http") + "/"))
                        .header("Content-Type", "application/encrypted-json").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        platform.close();
    }
}
