package dev.selfreg.protocol.cmdmp;

import static dev.selfreg.protocol.cmdmp.DmEndpointNameTest.assertMismatch;
import static dev.selfreg.protocol.cmdmp.DmVectors.CIPHER;
import static dev.selfreg.protocol.cmdmp.DmVectors.APP_KEY;
import static dev.selfreg.protocol.cmdmp.DmVectors.EPI;
import static dev.selfreg.protocol.cmdmp.DmVectors.EPI_FULL;
import static dev.selfreg.protocol.cmdmp.DmVectors.EPI_THREE_FIELDS;
import static dev.selfreg.protocol.cmdmp.DmVectors.EP_IDENTITY;
import static dev.selfreg.protocol.cmdmp.DmVectors.IMEI;
import static dev.selfreg.protocol.cmdmp.DmVectors.IMSI;
import static dev.selfreg.protocol.cmdmp.DmVectors.WRONG_CIPHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.vocabulary.TerminalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmEpiTest {

    @Test
    void buildsTheSpecShortFormEpi() {
        assertThat(DmEpi.shortForm(IMEI, IMSI, CIPHER)).isEqualTo(new DmEpi(EPI));
    }

    @Test
    void buildsTheSpecFullFormEpi() {
        assertThat(DmEpi.fullForm(TerminalType.INTERFACE, IMEI, IMSI, APP_KEY, CIPHER)).isEqualTo(new DmEpi(EPI_FULL));
    }

    @Test
    void verifiesTheSpecShortFormEpiAndFindsTheImsi() {
        assertThat(new DmEpi(EPI).verify(CIPHER, IMEI)).isEqualTo(
                new DmIdentityCheck.Verified(IMEI, IMSI, DmDialect.of(DmDialect.Feature.EPI_SHORT)));
    }

    @Test
    void verifiesTheSpecFullFormEpiAndFindsTheImsi() {
        assertThat(new DmEpi(EPI_FULL).verify(CIPHER, IMEI)).isEqualTo(
                new DmIdentityCheck.Verified(IMEI, IMSI, DmDialect.of(DmDialect.Feature.EPI_FULL)));
    }

    @Test
    void formIsFullWhenTheValueHasTheEndpointShape() {
        assertThat(new DmEpi(EPI_FULL).form()).isEqualTo(DmEpi.Form.FULL);
        assertThat(new DmEpi(EPI).form()).isEqualTo(DmEpi.Form.SHORT);
    }

    @Test
    void fullFormEpiHasTheEndpointNamesFields() {
        assertThat(new DmEpi(EPI_FULL).fields()).contains(new DmEndpointName(TerminalType.INTERFACE, EPI, APP_KEY,
                IMEI));
    }

    @Test
    void threeFieldIdentityIsAcceptedAndNamed() {
        assertThat(new DmEpi(EPI_THREE_FIELDS).verify(CIPHER, IMEI)).isEqualTo(new DmIdentityCheck.Verified(IMEI,
                IMSI, DmDialect.of(DmDialect.Feature.EPI_SHORT, DmDialect.Feature.EPI_THREE_FIELDS)));
    }

    @Test
    void upperCaseFullFormEpiIsAcceptedAndNamed() {
        DmEpi upper = new DmEpi(EPI_FULL.replace("@#@v2.0", "@#@V2.0"));

        assertThat(upper.verify(CIPHER, IMEI)).isEqualTo(new DmIdentityCheck.Verified(IMEI, IMSI,
                DmDialect.of(DmDialect.Feature.EPI_FULL, DmDialect.Feature.VERSION_UPPER_CASE)));
    }

    @Test
    void fullFormEpiOfAnotherClearImeiIsAnImeiMismatch() {
        DmEpi other = new DmEpi(EPI_FULL.replace("@#@" + IMEI + "@#@", "@#@869999000000002@#@"));

        assertMismatch(other.verify(CIPHER, IMEI), DmIdentityCheck.Reason.IMEI_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I@#@" + EPI, "X@#@" + EPI + "@#@M1@#@869999000000001@#@v2.0",
            "I@#@" + EPI + "@#@M1@#@869999000000001@#@v3.0"})
    void malformedFullFormEpiHasAFlaw(String value) {
        assertThat(new DmEpi(value).flaw()).isPresent();
        assertMismatch(new DmEpi(value).verify(CIPHER, IMEI), DmIdentityCheck.Reason.LAYOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "", "8WMBcM8GMURsdyvO"})
    void shortFormEpiThatIsNotBase64OfWholeBlocksHasAFlaw(String value) {
        assertThat(new DmEpi(value).flaw()).isPresent();
    }

    @Test
    void wellFormedEpisHaveNoFlaw() {
        assertThat(new DmEpi(EPI).flaw()).isEmpty();
        assertThat(new DmEpi(EPI_FULL).flaw()).isEmpty();
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
