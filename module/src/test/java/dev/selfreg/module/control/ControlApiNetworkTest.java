package dev.selfreg.module.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.NetworkConditions;
import dev.selfreg.module.PsmGrant;
import dev.selfreg.module.PsmTimers;
import dev.selfreg.module.RadioSignal;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET/POST /module/network} and the {@code network} part of {@code GET /module}
 * (interfaces.md, module control API): the network conditions as inputs, over HTTP on loopback.
 * A bad request answers 400 with what is wrong and changes nothing.
 */
class ControlApiNetworkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualClock clock = new VirtualClock();
    private final Bc260yModule module = new Bc260yModule(ModuleProfile.standard(), clock, new MemoryNvramStore());
    private final ControlApi api = ControlApi.start(module, "127.0.0.1", 0);
    private final ControlClient client = new ControlClient(api);

    ControlApiNetworkTest() {
        module.powerOn();
    }

    @AfterEach
    void close() {
        api.close();
        module.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(method, path, body);
    }

    private JsonNode post(String body) throws Exception {
        HttpResponse<String> response = send("POST", "/module/network", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void theModuleShowsItsRegistrationAndTheConditions() throws Exception {
        clock.advance(Bc260yFacts.ATTACH_TIME);

        JsonNode network = JSON.readTree(send("GET", "/module", null).body()).get("network");

        assertThat(network.toString()).isEqualTo("{\"stat\":1,\"registration\":\"available\",\"rejectCause\":11,"
                + "\"attachSeconds\":2.0,\"signal\":{\"rssi\":8,\"ber\":0,\"rsrp\":33,\"rsrq\":20},\"psm\":\"requested\"}");
        assertThat(send("GET", "/module/network", null).body()).isEqualTo(network.toString());
    }

    @Test
    void thePsmGrantIsSetAndShownAsTheNetworkGivesIt() throws Exception {
        assertThat(post("{\"psm\":\"refused\"}").get("psm").asText()).isEqualTo("refused");

        JsonNode network = post("{\"psm\":{\"activeTime\":\"00100001\",\"periodicTau\":\"00100001\"}}");

        assertThat(network.get("psm").toString()).isEqualTo("{\"activeTime\":\"00100001\",\"periodicTau\":\"00100001\"}");
        assertThat(module.attach().conditions().psm()).isEqualTo(PsmGrant.timers(new PsmTimers("00100001", "00100001")));
    }

    @Test
    void aLostNetworkUnregistersTheModuleAndARegainedOneRegistersItAfterTheAttachTime() throws Exception {
        clock.advance(Bc260yFacts.ATTACH_TIME);

        assertThat(post("{\"registration\":\"lost\"}").get("stat").asInt()).isZero();
        assertThat(post("{\"registration\":\"available\"}").get("stat").asInt()).isEqualTo(2);
        clock.advance(Bc260yFacts.ATTACH_TIME);

        assertThat(JSON.readTree(send("GET", "/module/network", null).body()).get("stat").asInt()).isEqualTo(1);
    }

    @Test
    void aRefusalCarriesItsRejectCause() throws Exception {
        JsonNode network = post("{\"registration\":\"denied\",\"rejectCause\":7}");
        clock.advance(Bc260yFacts.ATTACH_TIME);

        assertThat(network.get("rejectCause").asInt()).isEqualTo(7);
        assertThat(module.attach().state().readLine(3)).endsWith(",0,7");
    }

    @Test
    void theAttachTimeAndTheSignalAreSetAndWhatIsLeftOutStays() throws Exception {
        post("{\"attachSeconds\":30.5,\"signal\":{\"rssi\":3,\"rsrp\":10}}");

        NetworkConditions conditions = module.attach().conditions();
        assertThat(conditions.attachTime()).isEqualTo(Duration.ofMillis(30500));
        assertThat(conditions.signal()).isEqualTo(new RadioSignal(3, 0, 10, 20));
        assertThat(conditions.availability()).isEqualTo(NetworkConditions.Availability.AVAILABLE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"registration\":\"gone\"}|\"registration\" must be one of available, denied, lost",
            "{\"registration\":1}|\"registration\" must be a string",
            "{\"rejectCause\":256}|reject cause is an EMM cause, 0-255, not 256",
            "{\"rejectCause\":1.5}|\"rejectCause\" must be a whole number",
            "{\"attachSeconds\":-1}|attach time must be 0 to 86400 s, not -1.0 s",
            "{\"attachSeconds\":\"2\"}|\"attachSeconds\" must be a number",
            "{\"signal\":{\"rssi\":32}}|rssi must be 0-31 or 99 (unknown), not 32",
            "{\"signal\":{\"sinr\":3}}|unknown field \"sinr\"; a signal has [ber, rsrp, rsrq, rssi]",
            "{\"signal\":5}|\"signal\" must be an object with [rssi, ber, rsrp, rsrq]",
            "{\"stat\":1}|unknown field \"stat\"; network conditions has [attachSeconds, psm, registration, rejectCause, signal]",
            "{\"psm\":\"granted\"}|\"psm\" must be \"requested\", \"refused\" or {\"activeTime\":\"...\",\"periodicTau\":\"...\"}",
            "{\"psm\":{\"activeTime\":\"0010001\",\"periodicTau\":\"00100001\"}}|Active-Time must be 8 characters of 0 and 1: 0010001",
            "{\"psm\":{\"activeTime\":\"00100001\"}}|\"psm\" must be \"requested\", \"refused\" or {\"activeTime\":\"...\",\"periodicTau\":\"...\"}",
            "[]|the body must be a JSON object"})
    void aBadRequestAnswers400AndChangesNothing(String body, String error) throws Exception {
        NetworkConditions before = module.attach().conditions();

        HttpResponse<String> response = send("POST", "/module/network", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo(error);
        assertThat(module.attach().conditions()).isEqualTo(before);
    }

    @Test
    void aValidFieldBesideABadOneIsNotAppliedEither() throws Exception {
        NetworkConditions before = module.attach().conditions();

        assertThat(send("POST", "/module/network", "{\"registration\":\"lost\",\"rejectCause\":-1}").statusCode())
                .isEqualTo(400);

        assertThat(module.attach().conditions()).isEqualTo(before);
    }
}
