package dev.selfreg.protocol.cmdmp;

import static dev.selfreg.protocol.cmdmp.DmEndpointNameTest.assertMismatch;
import static dev.selfreg.protocol.cmdmp.DmVectors.CIPHER;
import static dev.selfreg.protocol.cmdmp.DmVectors.EPI;
import static dev.selfreg.protocol.cmdmp.DmVectors.EP_IDENTITY;
import static dev.selfreg.protocol.cmdmp.DmVectors.IMEI;
import static dev.selfreg.protocol.cmdmp.DmVectors.IMSI;
import static dev.selfreg.protocol.cmdmp.DmVectors.WRONG_CIPHER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DmEpiTest {

    @Test
    void buildsTheSpecEpi() {
        assertThat(DmEpi.build(IMEI, IMSI, CIPHER)).isEqualTo(new DmEpi(EPI));
    }

    @Test
    void verifiesTheSpecEpiAndFindsTheImsi() {
        assertThat(new DmEpi(EPI).verify(CIPHER, IMEI)).isEqualTo(new DmIdentityCheck.Verified(IMEI, IMSI));
    }

    @Test
    void wrongPasswordIsUndecryptable() {
        assertMismatch(new DmEpi(EPI).verify(WRONG_CIPHER, IMEI), DmIdentityCheck.Reason.UNDECRYPTABLE);
    }

    @Test
    void epiOfAnotherImeiIsAnImeiMismatch() {
        assertMismatch(new DmEpi(EPI).verify(CIPHER, "869999000000002"), DmIdentityCheck.Reason.IMEI_MISMATCH);
    }

    @Test
    void endpointIdentityAsEpiIsTheWrongLayout() {
        assertMismatch(new DmEpi(EP_IDENTITY).verify(CIPHER, IMEI), DmIdentityCheck.Reason.LAYOUT);
    }

    @Test
    void garbageEpiIsUndecryptable() {
        assertMismatch(new DmEpi("%%%").verify(CIPHER, IMEI), DmIdentityCheck.Reason.UNDECRYPTABLE);
    }

    @Test
    void queryOptionIsEpiEqualsTheValue() {
        assertThat(new DmEpi(EPI).queryOption().text()).isEqualTo("epi=" + EPI);
    }
}
