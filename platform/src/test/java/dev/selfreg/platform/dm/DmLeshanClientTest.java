package dev.selfreg.platform.dm;

import static dev.selfreg.platform.dm.DmLab.ENDPOINT;
import static dev.selfreg.platform.dm.DmLab.EPI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.dm.DmLeshanClient.TerminalInfoInstance;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DM service against a stock Eclipse Leshan client, scripted exchange by exchange. */
class DmLeshanClientTest {

    /** The spec's encrypted test values (cmcc-dm-wire.md, "Test vectors"). */
    private static final String ENC_NULL = "E+9ivOa9WdOotKJwyRchBg==";
    private static final String ENC_4G = "w/oUl26NW7MaXD1kbgThkw==";
    private static final String ENC_MAC = "7GdN80CuFPwN8EELgxtru3NPuwfA4Mp48284Y4d3MK0=";

    @Test
    void aStockClientWithAPlainEndpointIsAcceptedAndFlaggedInLabMode() throws Exception {
        try (DmLab lab = new DmLab(); DmLeshanClient client = DmLeshanClient.plain("stock-leshan-client", lab)) {
            client.start();

            assertThat(client.nextOutcome()).isEqualTo("register 2.01");
            assertThat(lab.device("stock-leshan-client").state()).isEqualTo("registered");
            assertThat(lab.device("stock-leshan-client").appKeyKnown()).isFalse();
            assertThat(lab.events("register")).singleElement()
                    .extracting(DmEvent::outcome, DmEvent::reason)
                    .containsExactly("flagged", "not a DM 2.0 endpoint: no @#@ in the endpoint name: a plain LwM2M "
                            + "client, nothing checked");
            assertThat(lab.metrics.total("dm", "flagged", "not a DM 2.0 endpoint")).isEqualTo(1);
        }
    }

    @Test
    void aStockClientWithAPlainEndpointIsForbiddenWhenStrict() throws Exception {
        try (DmLab lab = new DmLab(true); DmLeshanClient client = DmLeshanClient.plain("stock-leshan-client", lab)) {
            client.start();

            assertThat(client.nextOutcome()).isEqualTo("register 4.03");
            assertThat(lab.records.store().dmDevices(null, 10)).isEmpty();
            assertThat(lab.events("rejected")).singleElement().extracting(DmEvent::reason).isEqualTo(
                    "register answered 4.03: not a DM 2.0 endpoint: no @#@ in the endpoint name: a plain LwM2M "
                            + "client, refused by --strict");
            assertThat(lab.metrics.total("dm", "rejected", "not a DM 2.0 endpoint")).isEqualTo(1);
        }
    }

    @Test
    void theTerminalInformationIsReadAndDecryptedAfterRegisterAndAfterUpdate() throws Exception {
        DmCipher cipher = new DmCipher(DmLab.PASSWORD);
        Map<Integer, String> encrypted = new HashMap<>();
        for (int id : TerminalInfo.unset(TerminalType.INTERFACE).byResourceId().keySet()) {
            encrypted.put(id, ENC_NULL);
        }
        encrypted.put(TerminalType.RESOURCE_ID, cipher.encrypt("interface"));
        encrypted.put(TerminalInfoField.MAC.resourceId(), ENC_MAC);
        encrypted.put(TerminalInfoField.NET_TYPE.resourceId(), ENC_4G);
        TerminalInfoInstance terminalInfo = new TerminalInfoInstance(encrypted);
        try (DmLab lab = new DmLab();
                DmLeshanClient client = DmLeshanClient.withTerminalInfo(ENDPOINT, lab, terminalInfo)) {
            client.start();
            assertThat(client.nextOutcome()).isEqualTo("register 2.01");

            Map<Integer, String> expected = TerminalInfo.unset(TerminalType.INTERFACE)
                    .with(TerminalInfoField.MAC, "00:50:56:C0:00:01")
                    .with(TerminalInfoField.NET_TYPE, "4G").byResourceId();
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.device(ENDPOINT).terminalInfo().equals(expected));
            assertThat(lab.events("read")).singleElement().extracting(DmEvent::outcome).isEqualTo("ok");

            encrypted.put(TerminalInfoField.NET_TYPE.resourceId(), cipher.encrypt("NB-IoT"));
            terminalInfo.answer(Map.copyOf(encrypted));
            client.update(EPI);
            assertThat(client.nextOutcome()).isEqualTo("update 2.04");

            Map<Integer, String> updated = new HashMap<>(expected);
            updated.put(TerminalInfoField.NET_TYPE.resourceId(), "NB-IoT");
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.device(ENDPOINT).terminalInfo().equals(updated));
            assertThat(lab.events("read")).extracting(DmEvent::outcome).containsExactly("ok", "ok");
        }
    }

    @Test
    void terminalInformationEncryptedWithAnotherPasswordIsAFailedRead() throws Exception {
        DmCipher other = new DmCipher("not the application's password!!");
        Map<Integer, String> encrypted = new HashMap<>();
        for (int id : TerminalInfo.unset(TerminalType.INTERFACE).byResourceId().keySet()) {
            encrypted.put(id, other.encrypt("NULL"));
        }
        try (DmLab lab = new DmLab(); DmLeshanClient client =
                DmLeshanClient.withTerminalInfo(ENDPOINT, lab, new TerminalInfoInstance(encrypted))) {
            client.start();
            assertThat(client.nextOutcome()).isEqualTo("register 2.01");

            await().atMost(Duration.ofSeconds(10)).until(() -> !lab.events("read").isEmpty());

            assertThat(lab.events("read")).singleElement().satisfies(read -> {
                assertThat(read.outcome()).isEqualTo("failed");
                assertThat(read.reason()).startsWith("object 666 does not decrypt: ");
            });
            assertThat(lab.device(ENDPOINT).terminalInfo()).isEmpty();
            assertThat(lab.device(ENDPOINT).state()).isEqualTo("registered");
        }
    }
}
