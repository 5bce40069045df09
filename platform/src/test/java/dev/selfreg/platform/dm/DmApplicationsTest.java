package dev.selfreg.platform.dm;

import static dev.selfreg.platform.dm.DmLab.APP_KEY;
import static dev.selfreg.platform.dm.DmLab.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.selfreg.protocol.cmdmp.DmCipher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmApplicationsTest {

    @Test
    void eachEntryIsSplitAtItsFirstEqualsSignSoThePasswordMayHoldOne() throws Exception {
        DmApplications applications = DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD, "M2=pass=word"));

        assertThat(applications.appKeys()).containsExactly(APP_KEY, "M2");
        // The spec's test vector: enc("4G") with the test password.
        assertThat(applications.cipher(APP_KEY).orElseThrow().decrypt("w/oUl26NW7MaXD1kbgThkw==")).isEqualTo("4G");
        String encrypted = new DmCipher("pass=word").encrypt("NULL");
        assertThat(applications.cipher("M2").orElseThrow().decrypt(encrypted)).isEqualTo("NULL");
    }

    @Test
    void anUnknownAppKeyHasNoCipher() {
        assertThat(DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD)).cipher("M200000000")).isEmpty();
        assertThat(DmApplications.none().cipher(APP_KEY)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PASSWORD, "=" + PASSWORD, APP_KEY + "="})
    void aMalformedEntryIsRefusedWithoutEchoingIt(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DmApplications.parse(List.of("M1=x", entry)))
                .withMessageStartingWith("--dm-app ")
                .withMessageNotContaining(PASSWORD);
    }

    @Test
    void anAppKeyGivenTwiceIsRefusedWithoutEchoingEitherPassword() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD, APP_KEY + "=other-secret")))
                .withMessage("--dm-app APPkey M100000000 is given twice");
    }

    @Test
    void toStringListsTheAppKeysOnly() {
        assertThat(DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD))).hasToString("DmApplications[M100000000]");
    }

    @Test
    void redactionHidesEveryEndpointFieldThatIsAPassword() {
        DmApplications applications = DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD));

        assertThat(applications.redact("I@#@abc@#@" + PASSWORD + "@#@869999000000001@#@v2.0"))
                .isEqualTo("I@#@abc@#@****@#@869999000000001@#@v2.0");
        assertThat(applications.redact(PASSWORD)).isEqualTo("****");
        assertThat(applications.redact("I@#@abc@#@M100000000")).isEqualTo("I@#@abc@#@M100000000");
    }
}
