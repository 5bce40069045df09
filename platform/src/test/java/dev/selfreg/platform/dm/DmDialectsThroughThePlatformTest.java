package dev.selfreg.platform.dm;

import static dev.selfreg.platform.dm.DmLab.APP_KEY;
import static dev.selfreg.platform.dm.DmLab.ENDPOINT;
import static dev.selfreg.platform.dm.DmLab.EPI;
import static dev.selfreg.platform.dm.DmLab.IMEI;
import static dev.selfreg.platform.dm.DmLab.IMSI;
import static dev.selfreg.platform.dm.DmLab.OBJECT_LINKS;
import static dev.selfreg.platform.dm.DmLab.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfreg.platform.RunningPlatform;
import dev.selfreg.platform.dm.DmCoapClient.Answer;
import dev.selfreg.protocol.cmdmp.DmCipher;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every DM 2.0 dialect of cmcc-dm-wire.md sent to the running platform by libcoap's coap-client, each message's
 * answer as a real platform would give it, the device and the event found through the REST API with their dialect.
 * The identities are the spec's test vectors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DmDialectsThroughThePlatformTest {

    /** enc("869999000000001-****-460041234567890-V2.0"), cmcc-dm-wire.md "Test vectors". */
    private static final String IDENTITY_UPPER_CASE = "8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwfsXY2Nqlttshz2GYz7FlW+";
    /** enc("869999000000001-****-460041234567890"), the 3-field dialect. */
    private static final String EPI_THREE_FIELDS = "8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdh9Ucghg917ox+82O386JI";
    /** enc("869999000000001-****-460041234567890-v2.0") with the empty-password key. */
    private static final String IDENTITY_EMPTY_PASSWORD =
            "40DnZGgRkfHl5wWUaqWAxL90Uu7UJzRiG64pcl2eRoiUR1efR4yjYryDtzTa/OX0";
    private static final String EP_IDENTITY = "8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx";

    private RunningPlatform platform;

    @BeforeAll
    void start() {
        platform = RunningPlatform.start(APP_KEY + "=" + PASSWORD);
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    @Test
    void anUpperCaseVersionIsRegisteredAndRecordedAsSo() throws Exception {
        String endpoint = ENDPOINT.replace("@#@v2.0", "@#@V2.0");

        assertThat(register(endpoint).code()).isEqualTo("2.01");

        assertThat(device(endpoint).get("dialect").asText()).isEqualTo("v2.0-upper");
        assertThat(device(endpoint).get("dialectLabel").asText()).isEqualTo("V2.0 upper case");
        assertThat(newest("register", endpoint).get("dialect").asText()).isEqualTo("v2.0-upper");
    }

    @Test
    void anUpperCaseVersionInsideTheEncryptionIsRegisteredAndRecordedAsSo() throws Exception {
        String endpoint = ENDPOINT.replace(EP_IDENTITY, IDENTITY_UPPER_CASE);

        assertThat(register(endpoint).code()).isEqualTo("2.01");

        assertThat(device(endpoint).get("dialect").asText()).isEqualTo("v2.0-upper");
        assertThat(device(endpoint).get("imsi").asText()).isEqualTo(IMSI);
    }

    @Test
    void aSecondImeiInTheImei2SlotIsRegisteredAndRecordedAsSo() throws Exception {
        String identity = new DmCipher(PASSWORD).encrypt(IMEI + "-869999000000019-" + IMSI + "-v2.0");
        String endpoint = ENDPOINT.replace(EP_IDENTITY, identity);

        assertThat(register(endpoint).code()).isEqualTo("2.01");

        assertThat(device(endpoint).get("dialect").asText()).isEqualTo("imei2");
    }

    @Test
    void theEmptyPasswordKeyIsForbiddenForAnApplicationWithAPasswordAndRecordedAsSo() throws Exception {
        String endpoint = ENDPOINT.replace(EP_IDENTITY, IDENTITY_EMPTY_PASSWORD);

        Answer forbidden = register(endpoint);

        assertThat(forbidden.code()).isEqualTo("4.03");
        assertThat(forbidden.payload()).contains("empty-password key");
        JsonNode rejected = newest("rejected", endpoint);
        assertThat(rejected.get("dialect").asText()).isEqualTo("empty-password-key");
        assertThat(rejected.get("reason").asText()).contains("the module's password is empty");
    }

    @Test
    void theEmptyPasswordKeyOfAnUnknownApplicationIsReadAndFlagged() throws Exception {
        String endpoint = ENDPOINT.replace(EP_IDENTITY, IDENTITY_EMPTY_PASSWORD).replace(APP_KEY, "M200000000");

        assertThat(register(endpoint).code()).isEqualTo("2.01");

        JsonNode device = device(endpoint);
        assertThat(device.get("imsi").asText()).isEqualTo(IMSI);
        assertThat(device.get("dialect").asText()).isEqualTo("empty-password-key");
        assertThat(newest("register", endpoint).get("outcome").asText()).isEqualTo("flagged");
    }

    @Test
    void aFullFormEpiIsChangedAndRecordedAsSo() throws Exception {
        String location = register(ENDPOINT).location();
        String full = "I@#@" + EPI + "@#@" + APP_KEY + "@#@" + IMEI + "@#@v2.0";

        assertThat(DmCoapClient.exchange("post", uri("/" + location), null, "epi=" + full).code()).isEqualTo("2.04");

        JsonNode update = newest("update", ENDPOINT);
        assertThat(update.get("dialect").asText()).isEqualTo("epi-full");
        assertThat(update.get("dialectLabel").asText()).isEqualTo("epi full form");
        assertThat(device(ENDPOINT).get("dialect").asText()).isEqualTo("epi-full");
    }

    @Test
    void aShortFormEpiIsChangedAndRecordedAsSo() throws Exception {
        String location = register(ENDPOINT).location();

        assertThat(DmCoapClient.exchange("post", uri("/" + location), null, "epi=" + EPI).code()).isEqualTo("2.04");

        assertThat(newest("update", ENDPOINT).get("dialect").asText()).isEqualTo("epi-short");
    }

    @Test
    void aThreeFieldEpiIsChangedFlaggedAndRecordedAsSo() throws Exception {
        String location = register(ENDPOINT).location();

        assertThat(DmCoapClient.exchange("post", uri("/" + location), null, "epi=" + EPI_THREE_FIELDS).code())
                .isEqualTo("2.04");

        JsonNode update = newest("update", ENDPOINT);
        assertThat(update.get("outcome").asText()).isEqualTo("flagged");
        assertThat(update.get("reason").asText()).startsWith("3-field epi");
        assertThat(update.get("dialect").asText()).isEqualTo("epi-short+epi-3-field");
    }

    private Answer register(String endpoint) throws Exception {
        return DmCoapClient.exchange("post", uri("/rd"), OBJECT_LINKS, "ep=" + endpoint, "lt=86446", "lwm2m=1.0",
                "b=U");
    }

    private String uri(String path) {
        return "coap://127.0.0.1:" + platform.port("dm") + path;
    }

    private JsonNode device(String endpoint) throws Exception {
        return StreamSupport.stream(platform.api("/api/dm/devices").spliterator(), false)
                .filter(d -> d.get("endpoint").asText().equals(endpoint)).findFirst()
                .orElseThrow(() -> new AssertionError("no device " + endpoint));
    }

    /** The newest event of {@code kind} for {@code endpoint}. */
    private JsonNode newest(String kind, String endpoint) throws Exception {
        return StreamSupport.stream(platform.api("/api/dm/events?limit=1000").spliterator(), false)
                .filter(e -> e.get("kind").asText().equals(kind) && e.get("endpoint").asText().equals(endpoint))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " event of " + endpoint));
    }
}
