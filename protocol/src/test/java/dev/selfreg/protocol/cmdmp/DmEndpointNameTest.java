package dev.selfreg.protocol.cmdmp;

import static dev.selfreg.protocol.cmdmp.DmVectors.APP_KEY;
import static dev.selfreg.protocol.cmdmp.DmVectors.CIPHER;
import static dev.selfreg.protocol.cmdmp.DmVectors.EP;
import static dev.selfreg.protocol.cmdmp.DmVectors.EPI;
import static dev.selfreg.protocol.cmdmp.DmVectors.EP_IDENTITY;
import static dev.selfreg.protocol.cmdmp.DmVectors.EP_IDENTITY_UPPER_CASE;
import static dev.selfreg.protocol.cmdmp.DmVectors.IMEI;
import static dev.selfreg.protocol.cmdmp.DmVectors.IMSI;
import static dev.selfreg.protocol.cmdmp.DmVectors.WRONG_CIPHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.vocabulary.TerminalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmEndpointNameTest {
    private static final DmEndpointName SPEC_NAME =
            new DmEndpointName(TerminalType.INTERFACE, EP_IDENTITY, APP_KEY, IMEI);

    @Test
    void buildsTheSpecEndpointName() {
        assertThat(DmEndpointName.build(TerminalType.INTERFACE, IMEI, IMSI, APP_KEY, CIPHER).text()).isEqualTo(EP);
    }

    @Test
    void parsesTheSpecEndpointName() {
        assertThat(DmEndpointName.parse(EP)).isEqualTo(new DmEndpointName.Parsed(SPEC_NAME));
    }

    @Test
    void verifiesTheSpecEndpointNameAndFindsTheImsi() {
        assertThat(SPEC_NAME.verify(CIPHER)).isEqualTo(new DmIdentityCheck.Verified(IMEI, IMSI));
    }

    @Test
    void linuxAndAndroidTerminalsOpenWithLAndA() {
        assertThat(DmEndpointName.build(TerminalType.LINUX, IMEI, IMSI, APP_KEY, CIPHER).text())
                .isEqualTo("L" + EP.substring(1));
        assertThat(DmEndpointName.build(TerminalType.ANDROID, IMEI, IMSI, APP_KEY, CIPHER).text())
                .isEqualTo("A" + EP.substring(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"L", "A"})
    void parsesLinuxAndAndroidLetters(String letter) {
        assertThat(DmEndpointName.parse(letter + EP.substring(1))).isInstanceOf(DmEndpointName.Parsed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8699990000000012", "86999900000000123"})
    void imeiOf16And17DigitsIsWellFormed(String imei) {
        assertThat(DmEndpointName.parse(EP.replace("@#@" + IMEI + "@#@", "@#@" + imei + "@#@")))
                .isInstanceOf(DmEndpointName.Parsed.class);
    }

    @Test
    void fourFieldsAreTheWrongFieldCount() {
        assertFlaw(EP.substring(0, EP.lastIndexOf("@#@")), DmEndpointName.Flaw.FIELD_COUNT);
    }

    @Test
    void sixFieldsAreTheWrongFieldCount() {
        assertFlaw(EP + "@#@x", DmEndpointName.Flaw.FIELD_COUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "I@#", "I@@#@@", "869999000000001"})
    void textWithoutFiveFieldsIsTheWrongFieldCount(String text) {
        assertFlaw(text, DmEndpointName.Flaw.FIELD_COUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X", "i", "", "IL", "0"})
    void unknownLetterIsTheWrongTerminalType(String letter) {
        assertFlaw(letter + EP.substring(1), DmEndpointName.Flaw.TERMINAL_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64", "8WMBcM8GMURsdyvO", "", "8WMBcM8GMURsdyvO/mxuyHw=",
            "8WMBcM8GMURsdyvO_mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx"})
    void middleThatIsNotBase64OfWholeBlocksIsTheWrongEncryptedIdentity(String middle) {
        assertFlaw(EP.replace(EP_IDENTITY, middle), DmEndpointName.Flaw.ENCRYPTED_IDENTITY);
    }

    @Test
    void emptyAppKeyIsTheWrongAppKey() {
        assertFlaw(EP.replace(APP_KEY, ""), DmEndpointName.Flaw.APP_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"86999900000000", "869999000000001234", "86999900000000A", ""})
    void imeiNotOf15To17DigitsIsTheWrongImei(String imei) {
        assertFlaw(EP.replace("@#@" + IMEI + "@#@", "@#@" + imei + "@#@"), DmEndpointName.Flaw.IMEI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0", "V1.0", "v2.0 ", "", "2.0", "v2.O"})
    void suffixOtherThanV20IsTheWrongVersion(String suffix) {
        assertFlaw(EP.substring(0, EP.length() - "v2.0".length()) + suffix, DmEndpointName.Flaw.VERSION);
    }

    @Test
    void upperCaseVersionParsesAndKeepsItsSpelling() {
        String upper = EP.replace("@#@v2.0", "@#@V2.0");

        assertThat(DmEndpointName.parse(upper)).isEqualTo(new DmEndpointName.Parsed(
                new DmEndpointName(TerminalType.INTERFACE, EP_IDENTITY, APP_KEY, IMEI, "V2.0")));
        assertThat(((DmEndpointName.Parsed) DmEndpointName.parse(upper)).name().text()).isEqualTo(upper);
    }

    @Test
    void upperCaseVersionIsNamedInTheDialect() {
        DmEndpointName upper = new DmEndpointName(TerminalType.INTERFACE, EP_IDENTITY, APP_KEY, IMEI, "V2.0");

        assertThat(upper.verify(CIPHER)).isEqualTo(new DmIdentityCheck.Verified(IMEI, IMSI,
                DmDialect.of(DmDialect.Feature.VERSION_UPPER_CASE)));
    }

    @Test
    void upperCaseVersionInsideTheEncryptionIsNamedInTheDialect() {
        DmEndpointName name = new DmEndpointName(TerminalType.INTERFACE, EP_IDENTITY_UPPER_CASE, APP_KEY, IMEI);

        assertThat(CIPHER.encrypt("869999000000001-****-460041234567890-V2.0")).isEqualTo(EP_IDENTITY_UPPER_CASE);
        assertThat(name.verify(CIPHER)).isEqualTo(new DmIdentityCheck.Verified(IMEI, IMSI,
                DmDialect.of(DmDialect.Feature.VERSION_UPPER_CASE)));
    }

    @Test
    void aSecondImeiInTheImei2SlotIsNamedInTheDialect() {
        String identity = CIPHER.encrypt(IMEI + "-869999000000019-" + IMSI + "-v2.0");
        DmEndpointName name = new DmEndpointName(TerminalType.INTERFACE, identity, APP_KEY, IMEI);

        assertThat(name.verify(CIPHER)).isEqualTo(new DmIdentityCheck.Verified(IMEI, IMSI,
                DmDialect.of(DmDialect.Feature.SECOND_IMEI)));
    }

    @Test
    void theSpecEndpointNameIsInTheReferenceForm() {
        assertThat(SPEC_NAME.verify(CIPHER)).isInstanceOfSatisfying(DmIdentityCheck.Verified.class,
                verified -> assertThat(verified.dialect()).isEqualTo(DmDialect.REFERENCE));
    }

    @Test
    void threeFieldIdentityInAnEndpointNameIsTheWrongLayout() {
        DmEndpointName name = new DmEndpointName(TerminalType.INTERFACE, DmVectors.EPI_THREE_FIELDS, APP_KEY, IMEI);

        assertMismatch(name.verify(CIPHER), DmIdentityCheck.Reason.LAYOUT);
    }

    @Test
    void firstFlawInFieldOrderIsReported() {
        assertFlaw("X@#@???@#@@#@1@#@v9", DmEndpointName.Flaw.TERMINAL_TYPE);
    }

    @Test
    void wrongPasswordIsUndecryptable() {
        assertThat(SPEC_NAME.verify(WRONG_CIPHER))
                .isInstanceOfSatisfying(DmIdentityCheck.Mismatch.class,
                        m -> assertThat(m.reason()).isEqualTo(DmIdentityCheck.Reason.UNDECRYPTABLE));
    }

    @Test
    void clearImeiDifferentFromTheEncryptedOneIsAnImeiMismatch() {
        DmEndpointName name = new DmEndpointName(TerminalType.INTERFACE, EP_IDENTITY, APP_KEY, "869999000000002");

        assertThat(name.verify(CIPHER)).isEqualTo(new DmIdentityCheck.Mismatch(
                DmIdentityCheck.Reason.IMEI_MISMATCH, "encrypted IMEI 869999000000001 is not 869999000000002"));
    }

    @Test
    void epiIdentityInAnEndpointNameIsTheWrongLayout() {
        DmEndpointName name = new DmEndpointName(TerminalType.INTERFACE, EPI, APP_KEY, IMEI);

        assertMismatch(name.verify(CIPHER), DmIdentityCheck.Reason.LAYOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "869999000000001-****-460041234567890-v2.0-", "869999000000001-xxxx-"
            + "460041234567890-v2.0", "869999000000001-****-46004123456789-v2.0", "86999900000000A-****-"
            + "460041234567890-v2.0", "-****-460041234567890-v2.0", "869999000000001-8699990000000-460041234567890-v2.0",
            "869999000000001-****-460041234567890-V2.O"})
    void decryptedTextOutOfLayoutIsTheWrongLayout(String plaintext) {
        DmEndpointName name = new DmEndpointName(TerminalType.INTERFACE, CIPHER.encrypt(plaintext), APP_KEY, IMEI);

        assertMismatch(name.verify(CIPHER), DmIdentityCheck.Reason.LAYOUT);
    }

    private static void assertFlaw(String text, DmEndpointName.Flaw flaw) {
        assertThat(DmEndpointName.parse(text)).isInstanceOfSatisfying(DmEndpointName.Malformed.class,
                malformed -> assertThat(malformed.flaw()).isEqualTo(flaw));
    }

    static void assertMismatch(DmIdentityCheck check, DmIdentityCheck.Reason reason) {
        assertThat(check).isInstanceOfSatisfying(DmIdentityCheck.Mismatch.class,
                mismatch -> assertThat(mismatch.reason()).isEqualTo(reason));
    }

    @Test
    void anAppKeyThatFormsASeparatorWithItsNeighbourMakesTheNameMalformed() {
        DmEndpointName name = DmEndpointName.build(TerminalType.INTERFACE, "869999000000001", "460041234567890", "@#",
                new DmCipher("0123456789ABCDEFGHIJKLMNOPQRSTUV"));
        assertThat(DmEndpointName.parse(name.text())).isInstanceOf(DmEndpointName.Malformed.class);
    }
}
