package dev.selfreg.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CarrierTest {

    @ParameterizedTest
    @ValueSource(strings = {"460030000000001", "460050000000001", "460110000000001", "460120000000001"})
    void chinaTelecomPrefixesAreChinaTelecom(String imsi) {
        assertThat(Carrier.ofImsi(imsi)).isEqualTo(Carrier.CHINA_TELECOM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"460000000000001", "460020000000001", "460040000000001", "460070000000001",
            "460080000000001", "460130000000001"})
    void chinaMobilePrefixesAreChinaMobile(String imsi) {
        assertThat(Carrier.ofImsi(imsi)).isEqualTo(Carrier.CHINA_MOBILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"460010000000001", "460060000000001", "460090000000001", "001010000000001",
            "310150000000001", "4600", ""})
    void unicomTestAndForeignImsisAreNone(String imsi) {
        assertThat(Carrier.ofImsi(imsi)).isEqualTo(Carrier.NONE);
    }

    @Test
    void missingImsiIsNone() {
        assertThat(Carrier.ofImsi(null)).isEqualTo(Carrier.NONE);
    }

    @Test
    void noneOwnsNoPrefix() {
        assertThat(Carrier.NONE.imsiPrefixes()).isEmpty();
    }
}
