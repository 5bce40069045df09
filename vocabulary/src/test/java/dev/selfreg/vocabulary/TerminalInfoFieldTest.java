package dev.selfreg.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The terminal information of seed 3.2.3 and where cmcc-dm-wire.md puts it in object 666. */
class TerminalInfoFieldTest {

    @Test
    void thirteenFieldsWithTheSeedsNamesAndLimits() {
        assertThat(TerminalInfoField.values()).extracting(TerminalInfoField::seedName, TerminalInfoField::maxBytes)
                .containsExactly(tuple("APPInfo", 255), tuple("MAC", 19), tuple("ROM", 19), tuple("RAM", 19),
                        tuple("CPU", 19), tuple("osSysVer", 47), tuple("swVer", 47), tuple("swName", 47),
                        tuple("VoLTE", 7), tuple("netType", 19), tuple("account", 47), tuple("phoneNum", 19),
                        tuple("location", 255));
    }

    @Test
    void typesAreNumberedZeroToFive() {
        assertThat(TerminalInfoType.values()).extracting(TerminalInfoType::code).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(TerminalInfoType.of(6)).isEmpty();
    }

    @Test
    void eachTypeHasItsFieldsInParameterOrder() {
        assertThat(TerminalInfoType.APP_INFO.fields()).containsExactly(TerminalInfoField.APP_INFO);
        assertThat(TerminalInfoType.MAC.fields()).containsExactly(TerminalInfoField.MAC);
        assertThat(TerminalInfoType.HARDWARE.fields()).containsExactly(TerminalInfoField.ROM, TerminalInfoField.RAM,
                TerminalInfoField.CPU, TerminalInfoField.OS_SYS_VER);
        assertThat(TerminalInfoType.SOFTWARE.fields()).containsExactly(TerminalInfoField.SW_VER, TerminalInfoField.SW_NAME);
        assertThat(TerminalInfoType.NETWORK.fields()).containsExactly(TerminalInfoField.VOLTE, TerminalInfoField.NET_TYPE,
                TerminalInfoField.ACCOUNT, TerminalInfoField.PHONE_NUM);
        assertThat(TerminalInfoType.LOCATION.fields()).containsExactly(TerminalInfoField.LOCATION);
        assertThat(TerminalInfoField.OS_SYS_VER.index()).isEqualTo(3);
        assertThat(TerminalInfoField.OS_SYS_VER.isLast()).isTrue();
        assertThat(TerminalInfoField.VOLTE.isLast()).isFalse();
    }

    @Test
    void object666CarriesTheTerminalTypeIn6601AndTheFieldsIn6602To6614() {
        assertThat(TerminalType.RESOURCE_ID).isEqualTo(6601);
        assertThat(TerminalInfoField.values()).extracting(TerminalInfoField::resourceId)
                .containsExactlyElementsOf(IntStream.rangeClosed(6602, 6614).boxed().toList());
    }

    @Test
    void limitsCountUtf8Bytes() {
        assertThat(TerminalInfoField.VOLTE.fits("1234567")).isTrue();
        assertThat(TerminalInfoField.VOLTE.fits("12345678")).isFalse();
        assertThat(TerminalInfoField.VOLTE.fits("抖音")).isTrue(); // 6 bytes
        assertThat(TerminalInfoField.VOLTE.fits("抖音抖")).isFalse(); // 9 bytes, 3 characters
    }

    @Test
    void noInformationIsTheTextNull() {
        assertThat(TerminalInfoField.UNSET).isEqualTo("NULL");
    }
}
