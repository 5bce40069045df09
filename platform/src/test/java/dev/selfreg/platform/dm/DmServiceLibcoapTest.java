package dev.selfreg.platform.dm;

import static dev.selfreg.platform.dm.DmLab.APP_KEY;
import static dev.selfreg.platform.dm.DmLab.ENDPOINT;
import static dev.selfreg.platform.dm.DmLab.EPI;
import static dev.selfreg.platform.dm.DmLab.IMEI;
import static dev.selfreg.platform.dm.DmLab.IMSI;
import static dev.selfreg.platform.dm.DmLab.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.dm.DmCoapClient.Answer;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmEpi;
import dev.selfreg.vocabulary.TerminalType;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DM service against libcoap's coap-client, one scripted message at a time, asserting on each reply and on what
 * the platform recorded and counted. coap-client exits after its answer, so it never answers the read of
 * {@code /666/0} that follows a Register or Update.
 */
class DmServiceLibcoapTest {

    private static final DmCipher CIPHER = new DmCipher(PASSWORD);
    private static final String OTHER_IMEI = "869999000000002";

    private DmLab lab;

    @AfterEach
    void stop() {
        lab.close();
    }

    private String registered() throws Exception {
        Answer created = DmCoapClient.register(lab, ENDPOINT, 300);
        assertThat(created.code()).isEqualTo("2.01");
        return created.location();
    }

    private DmEvent last(String kind) {
        assertThat(lab.events(kind)).as("%s events", kind).isNotEmpty();
        return lab.events(kind).get(lab.events(kind).size() - 1);
    }

    @Test
    void theTestVectorRegisterIsCreatedAtItsLocationWithTheIdentityDecrypted() throws Exception {
        lab = new DmLab();

        Answer created = DmCoapClient.register(lab, ENDPOINT, 300);

        assertThat(created.code()).isEqualTo("2.01");
        assertThat(created.location()).matches("rd/[A-Za-z0-9]+");
        // The raw bytes arrived: the stored endpoint is the spec's, byte for byte, and its identity decrypted.
        DmDevice device = lab.device(ENDPOINT);
        assertThat(device.endpoint()).isEqualTo(ENDPOINT);
        assertThat(device.imei()).isEqualTo(IMEI);
        assertThat(device.imsi()).isEqualTo(IMSI);
        assertThat(device.appKey()).isEqualTo(APP_KEY);
        assertThat(device.tmlType()).isEqualTo("0");
        assertThat(device.appKeyKnown()).isTrue();
        assertThat(device.state()).isEqualTo("registered");
        assertThat(device.lifetime()).isEqualTo(300);
        assertThat("rd/" + device.registrationId()).isEqualTo(created.location());
        assertThat(last("register")).extracting(DmEvent::outcome, DmEvent::reason, DmEvent::imei)
                .containsExactly("ok", "", IMEI);
        assertThat(lab.metrics.total("dm", "accepted", "")).isEqualTo(1);
    }

    @Test
    void anUpdateWithTheGoodEpiIsChanged() throws Exception {
        lab = new DmLab();
        String location = registered();

        Answer changed = DmCoapClient.update(lab, location, "epi=" + EPI);

        assertThat(changed.code()).isEqualTo("2.04");
        assertThat(last("update")).extracting(DmEvent::outcome, DmEvent::reason).containsExactly("ok", "");
        assertThat(lab.device(ENDPOINT).state()).isEqualTo("registered");
        assertThat(lab.metrics.total("dm", "accepted", "")).isEqualTo(2);
    }

    @Test
    void anUpdateWithAWrongEpiIsForbidden() throws Exception {
        lab = new DmLab();
        String location = registered();
        String otherImeisEpi = DmEpi.shortForm(OTHER_IMEI, IMSI, CIPHER).value();

        Answer forbidden = DmCoapClient.update(lab, location, "epi=" + otherImeisEpi);

        assertThat(forbidden.code()).isEqualTo("4.03");
        assertThat(forbidden.payload()).startsWith("epi mismatch: IMEI_MISMATCH");
        assertThat(last("rejected").reason())
                .isEqualTo("update answered 4.03: epi mismatch: IMEI_MISMATCH: encrypted IMEI " + OTHER_IMEI
                        + " is not " + IMEI);
        assertThat(lab.events("update")).isEmpty();
        assertThat(lab.metrics.total("dm", "rejected", "epi mismatch")).isEqualTo(1);
        assertThat(DmCoapClient.update(lab, location, "epi=" + EPI).code()).isEqualTo("2.04");
    }

    @Test
    void anUpdateWithoutEpiIsABadRequest() throws Exception {
        lab = new DmLab();
        String location = registered();

        Answer bad = DmCoapClient.update(lab, location);

        assertThat(bad.code()).isEqualTo("4.00");
        assertThat(bad.payload()).startsWith("missing epi");
        assertThat(lab.metrics.total("dm", "rejected", "missing epi")).isEqualTo(1);
    }

    @Test
    void theEpiIsTheRawOptionSplitAtItsFirstEqualsSign() throws Exception {
        lab = new DmLab();
        String location = registered();

        // Leshan's attribute parsing splits at every '=' and would hand over the good epi without the stray '='.
        Answer bad = DmCoapClient.update(lab, location, "epi=" + EPI + "=");

        assertThat(bad.code()).isEqualTo("4.00");
        assertThat(bad.payload()).isEqualTo("malformed epi: epi is not standard padded Base64 of whole AES blocks");
    }

    @Test
    void aDeregisterIsDeletedAndEndsTheRegistration() throws Exception {
        lab = new DmLab();
        String location = registered();

        Answer deleted = DmCoapClient.deregister(lab, location);

        assertThat(deleted.code()).isEqualTo("2.02");
        assertThat(lab.device(ENDPOINT).state()).isEqualTo("deregistered");
        assertThat(last("deregister")).extracting(DmEvent::outcome, DmEvent::imei).containsExactly("ok", IMEI);
        assertThat(DmCoapClient.update(lab, location, "epi=" + EPI).code()).isEqualTo("4.04");
        // Leshan answers an unknown registration itself; the count follows its answer.
        await().atMost(Duration.ofSeconds(5)).until(() -> lab.metrics.total("dm", "rejected", "coap 4.04") == 1);
    }

    @Test
    void aMalformedEndpointIsABadRequest() throws Exception {
        lab = new DmLab();
        String wrongVersion = ENDPOINT.replace("@#@v2.0", "@#@v3.0");

        Answer bad = DmCoapClient.register(lab, wrongVersion, 300);

        assertThat(bad.code()).isEqualTo("4.00");
        assertThat(bad.payload()).isEqualTo("malformed endpoint: last field \"v3.0\" is not v2.0");
        assertThat(lab.records.store().dmDevices(null, 10)).isEmpty();
        assertThat(last("rejected")).extracting(DmEvent::endpoint, DmEvent::outcome, DmEvent::reason)
                .containsExactly(wrongVersion, "failed",
                        "register answered 4.00: malformed endpoint: last field \"v3.0\" is not v2.0");
        assertThat(lab.metrics.total("dm", "rejected", "malformed endpoint")).isEqualTo(1);
    }

    @Test
    void anImeiMismatchIsForbidden() throws Exception {
        lab = new DmLab();
        // The identity encrypts 869999000000002, the clear field says 869999000000001.
        DmEndpointName encrypted = DmEndpointName.build(TerminalType.INTERFACE, OTHER_IMEI, IMSI, APP_KEY, CIPHER);
        String mismatch = new DmEndpointName(TerminalType.INTERFACE, encrypted.encryptedIdentity(), APP_KEY, IMEI)
                .text();

        Answer forbidden = DmCoapClient.register(lab, mismatch, 300);

        assertThat(forbidden.code()).isEqualTo("4.03");
        assertThat(forbidden.payload()).startsWith("endpoint identity mismatch: IMEI_MISMATCH");
        assertThat(lab.records.store().dmDevices(null, 10)).isEmpty();
        assertThat(last("rejected")).extracting(DmEvent::imei, DmEvent::reason).containsExactly(IMEI,
                "register answered 4.03: endpoint identity mismatch: IMEI_MISMATCH: encrypted IMEI " + OTHER_IMEI
                        + " is not " + IMEI);
        assertThat(lab.metrics.total("dm", "rejected", "endpoint identity mismatch")).isEqualTo(1);
    }

    @Test
    void anUnknownAppKeyIsCreatedButFlaggedInLabMode() throws Exception {
        lab = new DmLab(false, DmApplications.none());

        Answer created = DmCoapClient.register(lab, ENDPOINT, 300);

        assertThat(created.code()).isEqualTo("2.01");
        DmDevice device = lab.device(ENDPOINT);
        assertThat(device.appKeyKnown()).isFalse();
        assertThat(device.imei()).isEqualTo(IMEI);
        assertThat(device.imsi()).isNull();
        assertThat(last("register")).extracting(DmEvent::outcome, DmEvent::reason).containsExactly("flagged",
                "unknown APPkey: APPkey M100000000 is not in the application table (--dm-app), identity not checked");
        assertThat(lab.metrics.total("dm", "flagged", "unknown APPkey")).isEqualTo(1);
        assertThat(DmCoapClient.update(lab, created.location(), "epi=" + EPI).code()).isEqualTo("2.04");
        assertThat(last("update").outcome()).isEqualTo("flagged");
    }

    @Test
    void anUnknownAppKeyIsForbiddenWhenStrict() throws Exception {
        lab = new DmLab(true, DmApplications.none());

        Answer forbidden = DmCoapClient.register(lab, ENDPOINT, 300);

        assertThat(forbidden.code()).isEqualTo("4.03");
        assertThat(forbidden.payload()).isEqualTo(
                "unknown APPkey: APPkey M100000000 is not in the application table (--dm-app), refused by --strict");
        assertThat(lab.records.store().dmDevices(null, 10)).isEmpty();
        assertThat(lab.metrics.total("dm", "rejected", "unknown APPkey")).isEqualTo(1);
    }

    @Test
    void aDeviceThatDoesNotAnswerTheReadStaysRegisteredAndTheFailedReadIsAnEvent() throws Exception {
        lab = new DmLab();
        String location = registered();

        await().atMost(Duration.ofSeconds(10)).until(() -> !lab.events("read").isEmpty());

        assertThat(last("read")).extracting(DmEvent::endpoint, DmEvent::outcome)
                .containsExactly(ENDPOINT, "failed");
        assertThat(last("read").reason()).startsWith("read of /666/0 failed: ");
        assertThat(lab.device(ENDPOINT).state()).isEqualTo("registered");
        assertThat(lab.device(ENDPOINT).terminalInfo()).isEmpty();
        assertThat(DmCoapClient.update(lab, location, "epi=" + EPI).code()).isEqualTo("2.04");
    }

    @Test
    void aRegisterLeshanRefusesOnItsOwnIsCountedAndRecorded() throws Exception {
        lab = new DmLab();

        Answer bad = DmCoapClient.exchange("post", lab.uri("/rd"), DmLab.OBJECT_LINKS, "ep=" + ENDPOINT, "lt=300");

        assertThat(bad.code()).isEqualTo("4.00");
        // Leshan answered on its own: the count and the record follow its answer.
        await().atMost(Duration.ofSeconds(5)).until(() -> lab.metrics.total("dm", "rejected", "coap 4.00") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !lab.events("rejected").isEmpty());
        assertThat(last("rejected")).extracting(DmEvent::endpoint, DmEvent::reason).containsExactly(ENDPOINT,
                "POST /rd answered 4.00 by the LwM2M layer: " + bad.payload());
    }

    @Test
    void aLifetimeWithoutUpdateExpiresTheRegistration() throws Exception {
        lab = new DmLab();
        assertThat(DmCoapClient.register(lab, ENDPOINT, 1).code()).isEqualTo("2.01");

        // On the system clock: the registration ends one second after the Register (the lab clock's case: DmLifetimeOnTheLabClockTest).
        await().atMost(Duration.ofSeconds(10)).until(() -> lab.device(ENDPOINT).state().equals("expired"));

        assertThat(last("expired")).extracting(DmEvent::outcome, DmEvent::reason, DmEvent::imei)
                .containsExactly("failed", "no Update within the lifetime of 1 s", IMEI);
    }

    @Test
    void aRegisterThatCannotBeCommittedIsServiceUnavailableSoTheModuleRetries() throws Exception {
        lab = new DmLab();
        lab.records.store().close();

        Answer refused = DmCoapClient.register(lab, ENDPOINT, 300);

        assertThat(refused.code()).isEqualTo("5.03");
        assertThat(refused.location()).isEmpty();
        assertThat(lab.metrics.total("dm", "refused", "closed")).isEqualTo(1);
    }

    @Test
    void anEndpointHoldingThePasswordIsABadRequestAndThePasswordIsNotRecorded() throws Exception {
        lab = new DmLab();
        // APPkey and password swapped in AT+QDMPCFG: the password travels as the APPkey field.
        String swapped = ENDPOINT.replace("@#@" + APP_KEY + "@#@", "@#@" + PASSWORD + "@#@");

        Answer bad = DmCoapClient.register(lab, swapped, 300);

        assertThat(bad.code()).isEqualTo("4.00");
        assertThat(last("rejected").endpoint()).isEqualTo(swapped.replace(PASSWORD, "****"));
        assertThat(last("rejected").reason()).contains("password").doesNotContain(PASSWORD);
    }
}
