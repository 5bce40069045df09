package dev.selfreg.module.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST/GET/DELETE /module/faults} and the CT and awake-time parts of {@code GET /module}
 * (interfaces.md, module control API), over HTTP on loopback.
 */
class ControlApiFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualClock clock = new VirtualClock();
    /** The carriers' names lead to the lab; nothing listens there, and the faults below keep it unasked. */
    private final Bc260yModule module = new Bc260yModule(ModuleProfile.standard(), clock, new MemoryNvramStore(),
            LabNetwork.lab(InetAddress.getLoopbackAddress(), 9, 9));
    private final ControlApi api = ControlApi.start(module, "127.0.0.1", 0);
    private final ControlClient client = new ControlClient(api);

    @AfterEach
    void close() {
        api.close();
        module.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(method, path, body);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void eachFaultModeIsAcceptedAndListed() throws Exception {
        String[] bodies = {
            "{\"service\":\"ct\",\"mode\":\"drop\",\"count\":2}",
            "{\"service\":\"ct\",\"mode\":\"drop\",\"probability\":0.25}",
            "{\"service\":\"dm\",\"mode\":\"drop\"}",
            "{\"service\":\"dm\",\"mode\":\"error\"}",
            "{\"service\":\"ct\",\"mode\":\"malformed\"}",
            "{\"service\":\"ct\",\"mode\":\"delay\",\"seconds\":90}",
            "{\"service\":\"ct\",\"mode\":\"dns-fail\"}",
            "{\"service\":\"dm\",\"mode\":\"dns-delay\",\"seconds\":1.5}",
        };
        for (String body : bodies) {
            assertThat(send("POST", "/module/faults", body).statusCode()).as(body).isEqualTo(200);
        }

        JsonNode faults = json(send("GET", "/module/faults", null)).get("faults");

        assertThat(faults).hasSize(bodies.length);
        assertThat(faults.get(0).toString()).isEqualTo("{\"service\":\"ct\",\"mode\":\"drop\",\"count\":2}");
        assertThat(faults.get(5).toString()).isEqualTo("{\"service\":\"ct\",\"mode\":\"delay\",\"seconds\":90.0}");
        assertThat(module.network().faults().active()).contains(
                NetworkFault.dropFirst(LabService.CT, 2),
                new NetworkFault(LabService.DM, NetworkFault.Mode.DNS_DELAY, OptionalInt.empty(), OptionalDouble.empty(),
                        Optional.of(Duration.ofMillis(1500))));
    }

    @Test
    void deleteClearsEveryFault() throws Exception {
        send("POST", "/module/faults", "{\"service\":\"ct\",\"mode\":\"drop\"}");
        send("POST", "/module/faults", "{\"service\":\"dm\",\"mode\":\"error\"}");

        HttpResponse<String> response = send("DELETE", "/module/faults", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("faults")).isEmpty();
        assertThat(module.network().faults().active()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json", "[]", "{}",
        "{\"service\":\"xx\",\"mode\":\"drop\"}",
        "{\"service\":\"ct\",\"mode\":\"explode\"}",
        "{\"service\":\"ct\"}",
        "{\"service\":\"ct\",\"mode\":\"drop\",\"count\":0}",
        "{\"service\":\"ct\",\"mode\":\"drop\",\"count\":1.5}",
        "{\"service\":\"ct\",\"mode\":\"drop\",\"count\":\"1\"}",
        "{\"service\":\"ct\",\"mode\":\"drop\",\"probability\":2}",
        "{\"service\":\"ct\",\"mode\":\"drop\",\"count\":1,\"probability\":0.5}",
        "{\"service\":\"ct\",\"mode\":\"delay\"}",
        "{\"service\":\"ct\",\"mode\":\"delay\",\"seconds\":-1}",
        "{\"service\":\"ct\",\"mode\":\"error\",\"seconds\":1}",
        "{\"service\":\"ct\",\"mode\":\"error\",\"colour\":\"red\"}",
    })
    void aBadFaultAnswers400WithAJsonErrorAndChangesNothing(String body) throws Exception {
        HttpResponse<String> response = send("POST", "/module/faults", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isNotBlank();
        assertThat(module.network().faults().active()).isEmpty();
    }

    @Test
    void getModuleShowsTheCtStateAndTheAwakeTimeWithItsBreakdown() throws Exception {
        module.powerOn();
        send("POST", "/module/faults", "{\"service\":\"ct\",\"mode\":\"dns-delay\",\"seconds\":20}");
        send("POST", "/module/faults", "{\"service\":\"ct\",\"mode\":\"dns-fail\"}");

        JsonNode status = json(send("POST", "/module/clock/advance", "{\"seconds\":3600}"));

        assertThat(status.get("ct").toString()).isEqualTo("{\"attemptsThisBoot\":1,\"lastOutcome\":\"failure\"}");
        assertThat(status.get("awakeSeconds").asDouble()).isEqualTo(32.0);
        assertThat(status.get("awakeBreakdown").toString())
                .isEqualTo("{\"boot\":2.0,\"host\":0.0,\"coap\":0.0,\"dns\":20.0,\"timer\":0.0,\"tau\":0.0,\"paging\":0.0,\"idle\":10.0}");
        assertThat(status.get("power").asText()).isEqualTo("deep-sleep");
    }

    @Test
    void beforeAnyAttemptTheLastOutcomeIsNone() throws Exception {
        JsonNode status = json(send("GET", "/module", null));

        assertThat(status.get("ct").toString()).isEqualTo("{\"attemptsThisBoot\":0,\"lastOutcome\":\"none\"}");
    }
}
