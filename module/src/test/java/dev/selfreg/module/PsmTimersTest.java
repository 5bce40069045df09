package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PSM and eDRX timer octets (research §3; TS 24.008 §10.5.7.4, §10.5.7.4a, §10.5.5.32): the
 * examples of the research read as it says, every unit, deactivated timers, and malformed values
 * refused.
 */
class PsmTimersTest {

    @ParameterizedTest(name = "Active-Time {0} = {1}")
    @CsvSource({"00100100,PT4M", "00000001,PT2S", "00000101,PT10S", "01000011,PT18M", "01100001,PT1M",
            "00011111,PT1M2S", "00000000,PT0S"})
    void activeTimeIsAGprsTimer2(String octet, Duration expected) {
        assertThat(new PsmTimers(octet, "00000000").t3324()).contains(expected);
    }

    @ParameterizedTest(name = "Periodic-TAU {0} = {1}")
    @CsvSource({"01000111,PT70H", "01000011,PT30H", "00000001,PT10M", "00100001,PT1H", "01100001,PT2S",
            "10000001,PT30S", "10100001,PT1M", "11000001,PT320H"})
    void periodicTauIsAGprsTimer3(String octet, Duration expected) {
        assertThat(new PsmTimers("00000000", octet).t3412()).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"11100000", "11111111"})
    void unitBits111DeactivateTheTimer(String octet) {
        PsmTimers timers = new PsmTimers(octet, octet);

        assertThat(timers.t3324()).isEmpty();
        assertThat(timers.t3412()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "0000000", "000000000", "0000000a", "0000 000", "2"})
    void aTimerIsExactly8BitsOf0And1(String octet) {
        assertThat(PsmTimers.isOctet(octet)).isFalse();
        assertThatThrownBy(() -> new PsmTimers(octet, "00000000")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "eDRX {0} = {1} ms")
    @CsvSource({"0010,20480", "0011,40960", "0101,81920", "1001,163840", "1010,327680", "1011,655360",
            "1100,1310720", "1101,2621440", "1110,5242880", "1111,10485760"})
    void theNbS1EdrxCycles(String value, long millis) {
        assertThat(new EdrxTimers(value, "0000").cycleDuration()).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "eDRX {0}")
    @ValueSource(strings = {"0000", "0001", "0100", "0110", "0111", "1000", "001", "00100", "00x0"})
    void valuesNbS1HasNoCycleForAreRefused(String value) {
        assertThat(EdrxTimers.cycleOf(value)).isEmpty();
        assertThatThrownBy(() -> new EdrxTimers(value, "0000")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "PTW {0} = {1} ms")
    @CsvSource({"0000,2560", "0011,10240", "1111,40960"})
    void thePagingTimeWindowIs2560MsPerStep(String value, long millis) {
        assertThat(new EdrxTimers("0010", value).windowDuration()).isEqualTo(Duration.ofMillis(millis));
    }
}
