package dev.selfreg.protocol;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireBase64Test {

    @Test
    void encodesWithStandardAlphabetAndPadding() {
        assertThat(WireBase64.encode(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("+/8=");
    }

    @Test
    void decodesCanonicalText() {
        assertThat(WireBase64.decode("QQ==")).hasValueSatisfying(b -> assertThat(b).isEqualTo("A".getBytes(US_ASCII)));
    }

    @Test
    void decodesEmptyTextToNoBytes() {
        assertThat(WireBase64.decode("")).hasValueSatisfying(b -> assertThat(b).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQ", "QR==", "-_8=", "QQ==\n", "Q Q==", "QQ=", "QQ===", "Q", "ÄÄ=="})
    void rejectsAnythingButCanonicalText(String text) {
        assertThat(WireBase64.decode(text)).isEmpty();
    }
}
