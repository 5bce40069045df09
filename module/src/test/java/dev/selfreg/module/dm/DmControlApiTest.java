package dev.selfreg.module.dm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.module.control.ControlApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CMDMP agent through the module control API (interfaces.md): {@code GET /module} shows its
 * {@code dmState}, {@code awakeSeconds} its cost, and a {@code dm} fault injected over HTTP
 * reaches its exchanges. Time moves with {@code POST /module/clock/advance}.
 */
class DmControlApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LeshanDmServer leshan = new LeshanDmServer();
    private final DmBench bench = new DmBench(leshan.port()).provisioned();
    private final ControlApi api = ControlApi.start(bench.module, "127.0.0.1", 0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        api.close();
        bench.close();
        leshan.close();
    }

    private JsonNode send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void getModuleShowsTheDmStateOfTheAgent() throws Exception {
        assertThat(send("GET", "/module", null).get("dmState").asInt()).isZero();

        JsonNode status = send("POST", "/module/clock/advance", "{\"seconds\":60}");

        assertThat(status.get("dmState").asInt()).isEqualTo(6);
        assertThat(status.get("awakeSeconds").asDouble()).isEqualTo(12.0);
        assertThat(leshan.registrations(1)).hasSize(1);
    }

    @Test
    void aDmErrorFaultInjectedOverHttpMakesTheRegisterState7() throws Exception {
        send("POST", "/module/faults", "{\"service\":\"dm\",\"mode\":\"error\"}");

        JsonNode status = send("POST", "/module/clock/advance", "{\"seconds\":60}");

        assertThat(status.get("dmState").asInt()).isEqualTo(7);
        assertThat(leshan.registrationsSoFar()).isEmpty();
    }

    @Test
    void aDmDropFaultKeepsTheUnitAwakeForTheWhole128s() throws Exception {
        send("POST", "/module/faults", "{\"service\":\"dm\",\"mode\":\"drop\"}");

        JsonNode status = send("POST", "/module/clock/advance", "{\"seconds\":3600}");

        assertThat(status.get("dmState").asInt()).isEqualTo(8);
        assertThat(status.get("awakeBreakdown").get("coap").asDouble()).isEqualTo(128.0);
        assertThat(status.get("power").asText()).isEqualTo("deep-sleep");
    }
}
