package dev.selfreg.protocol.cmdmp;

import static dev.selfreg.protocol.cmdmp.DmVectors.EP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DmRegisterTest {

    @Test
    void payloadIsTheSpecObjectLinks() {
        assertThat(DmRegister.PAYLOAD).isEqualTo("</>;rt=\"oma.lwm2m\",</1/0>,</3/0>,</4/0>,</5/0>,</666/0>");
    }

    @Test
    void registerIsAPostOfLinkFormatToRd() {
        assertThat(DmRegister.PATH).isEqualTo("rd");
        assertThat(DmRegister.CONTENT_FORMAT).isEqualTo(40);
    }

    @Test
    void queryOptionsAreEpLtLwm2mAndBindingInOrder() {
        assertThat(new DmRegister(EP, 86400).queryOptions())
                .extracting(UriQueryOption::text)
                .containsExactly("ep=" + EP, "lt=86400", "lwm2m=1.0", "b=U");
    }

    @Test
    void lifetimeMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DmRegister(EP, 0));
    }
}
