package dev.selfreg.platform.dm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.IdentityCheck;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform's CMDMP records read back as the messages the certification checks judge. */
class DmHistoryTest {

    private static final String IMEI = "869999000000001";
    private static final String ENDPOINT =
            "I@#@8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx@#@M100000000@#@" + IMEI + "@#@v2.0";
    private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");
    private static final DmDevice DEVICE = new DmDevice(ENDPOINT, IMEI, "460041234567890", "M100000000", "0",
            "registered", 86446, T, T, "rd1", true, Map.of(6603, "00:50:56:C0:00:01"));

    private static DmEvent event(long id, String kind, String outcome, String reason) {
        return new DmEvent(id, T.plusSeconds(id), ENDPOINT, IMEI, kind, outcome, reason);
    }

    @Test
    void theLastRegisterCarriesTheStoredLifetimeAndTheLastReadTheStoredValues() {
        List<DmMessage> messages = DmHistory.of(List.of(event(1, "register", "ok", ""), event(2, "read", "ok", ""),
                event(3, "register", "ok", ""), event(4, "read", "ok", "")), Map.of(ENDPOINT, DEVICE));

        assertThat(((DmMessage.Register) messages.get(0)).lifetime()).isEmpty();
        DmMessage.Register last = (DmMessage.Register) messages.get(2);
        assertThat(last.lifetime()).hasValue(86446);
        assertThat(last.identity()).isEqualTo(IdentityCheck.VERIFIED);
        assertThat(last.imsi()).isEqualTo("460041234567890");
        assertThat(((DmMessage.Read) messages.get(1)).values()).isNull();
        assertThat(((DmMessage.Read) messages.get(3)).values()).containsEntry(6603, "00:50:56:C0:00:01");
        assertThat(messages.get(3).ref()).isEqualTo("dm-event 4");
    }

    @Test
    void aRejectedRegisterIsARefusedRegisterWithItsFinding() {
        List<DmMessage> messages = DmHistory.of(List.of(event(1, "rejected", "failed",
                "register answered 4.03: endpoint identity mismatch: IMEI 869999000000001, its cipher 869999000000002")),
                Map.of());

        assertThat(messages).singleElement().isInstanceOfSatisfying(DmMessage.Register.class, register -> {
            assertThat(register.accepted()).isFalse();
            assertThat(register.identity()).isEqualTo(IdentityCheck.MISMATCH);
            assertThat(register.appKey()).isEqualTo("M100000000");
        });
    }

    @Test
    void aRejectedUpdateIsARefusedUpdateWithItsEpiFinding() {
        List<DmMessage> messages = DmHistory.of(List.of(event(1, "rejected", "failed",
                "update answered 4.00: malformed epi: epi is not standard padded Base64 of whole AES blocks")), Map.of());

        assertThat(messages).singleElement().isInstanceOfSatisfying(DmMessage.Update.class, update -> {
            assertThat(update.accepted()).isFalse();
            assertThat(update.epi()).isEqualTo(IdentityCheck.MALFORMED);
        });
    }

    @Test
    void aFlaggedRegisterWithAnUnknownAppKeyWasNotDecrypted() {
        DmDevice unknown = new DmDevice(ENDPOINT, IMEI, null, "M100000000", "0", "registered", 86446, T, T, "rd1",
                false, Map.of());
        List<DmMessage> messages = DmHistory.of(List.of(event(1, "register", "flagged",
                "unknown APPkey: APPkey M100000000 is not in the application table (--dm-app), identity not checked")),
                Map.of(ENDPOINT, unknown));

        assertThat(messages).singleElement().isInstanceOfSatisfying(DmMessage.Register.class, register -> {
            assertThat(register.identity()).isEqualTo(IdentityCheck.NOT_CHECKED);
            assertThat(register.appKeyKnown()).isFalse();
        });
    }

    @Test
    void theEndsOfARegistrationAndAFailedReadKeepTheirKind() {
        List<DmMessage> messages = DmHistory.of(List.of(event(1, "read", "failed", "read of /666/0 failed: no answer"),
                event(2, "expired", "failed", "no Update within the lifetime of 86446 s"),
                event(3, "deregister", "ok", "")), Map.of());

        assertThat(((DmMessage.Read) messages.get(0)).outcome()).isEqualTo(DmMessage.ReadOutcome.FAILED);
        assertThat(messages.get(1)).isInstanceOf(DmMessage.Expiry.class);
        assertThat(messages.get(2)).isInstanceOf(DmMessage.Deregister.class);
    }

    @Test
    void aRejectionWithoutImeiBelongsToTheImeiOfItsEndpointName() {
        DmEvent rejected = new DmEvent(1, T, ENDPOINT, null, "rejected", "failed", "register answered 4.00: malformed"
                + " endpoint: the version field is V2.0");

        assertThat(DmHistory.imeiOf(rejected)).isEqualTo(IMEI);
    }
}
