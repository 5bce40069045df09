package dev.selfreg.protocol.cmdmp;

import static dev.selfreg.protocol.cmdmp.DmVectors.EP;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriQueryOptionTest {

    @Test
    void splitsAtTheFirstEqualsOnly() {
        assertThat(UriQueryOption.parse("epi=E+9ivOa9WdOotKJwyRchBg=="))
                .isEqualTo(new UriQueryOption("epi", "E+9ivOa9WdOotKJwyRchBg=="));
    }

    @Test
    void keepsTheSpecEndpointNameByteForByte() {
        assertThat(UriQueryOption.parse("ep=" + EP).value()).isEqualTo(EP);
    }

    @Test
    void neverUrlDecodes() {
        assertThat(UriQueryOption.parse("ep=a+b%40c%2Bd").value()).isEqualTo("a+b%40c%2Bd");
    }

    @Test
    void optionWithoutEqualsIsAKeyWithAnEmptyValue() {
        assertThat(UriQueryOption.parse("Q")).isEqualTo(new UriQueryOption("Q", ""));
    }

    @Test
    void emptyValueIsKept() {
        assertThat(UriQueryOption.parse("ep=")).isEqualTo(new UriQueryOption("ep", ""));
    }

    @Test
    void textIsKeyEqualsValue() {
        assertThat(new UriQueryOption("b", "U").text()).isEqualTo("b=U");
    }
}
