package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The network conditions a test, the control API or a scenario sets: each value within the
 * range the module reports it in (TS 27.007 §8.5, §8.69), checked at its boundaries.
 */
class NetworkConditionsTest {

    private static final NetworkConditions STANDARD = NetworkConditions.standard(ModuleProfile.standard());

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"rssi,0", "rssi,31", "rssi,99", "ber,0", "ber,7", "ber,99", "rsrp,0", "rsrp,97", "rsrp,255",
            "rsrq,0", "rsrq,34", "rsrq,255"})
    void aSignalValueInItsRangeOrUnknownIsTaken(String field, int value) {
        assertThat(Bc260yFacts.DEFAULT_SIGNAL.with(field, value)).isNotNull();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"rssi,-1", "rssi,32", "rssi,98", "rssi,100", "ber,8", "ber,98", "rsrp,98", "rsrp,254", "rsrp,256",
            "rsrq,35", "rsrq,254", "rsrq,-1"})
    void aSignalValueOutOfItsRangeIsRefusedNamingTheRange(String field, int value) {
        assertThatThrownBy(() -> Bc260yFacts.DEFAULT_SIGNAL.with(field, value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field + " must be 0-");
    }

    @Test
    void anUnknownSignalValueNameIsRefused() {
        assertThatThrownBy(() -> Bc260yFacts.DEFAULT_SIGNAL.with("sinr", 3))
                .hasMessage("a signal has no 'sinr' (use rssi, ber, rsrp, rsrq)");
    }

    @Test
    void theRejectCauseIsAnEmmCauseOfOneOctet() {
        assertThat(STANDARD.withRejectCause(0).rejectCause()).isZero();
        assertThat(STANDARD.withRejectCause(255).rejectCause()).isEqualTo(255);
        assertThatThrownBy(() -> STANDARD.withRejectCause(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STANDARD.withRejectCause(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAttachTimeIsZeroToADay() {
        assertThat(STANDARD.withAttachTime(Duration.ZERO).attachTime()).isZero();
        assertThat(STANDARD.withAttachTime(Duration.ofDays(1)).attachTime()).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> STANDARD.withAttachTime(Duration.ofDays(1).plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STANDARD.withAttachTime(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStandardNetworkRegistersAfterTheProfilesAttachTimeWithTheBenchLogsSignal() {
        assertThat(STANDARD).isEqualTo(new NetworkConditions(NetworkConditions.Availability.AVAILABLE, 11,
                Bc260yFacts.ATTACH_TIME, new RadioSignal(8, 0, 33, 20), PsmGrant.AS_REQUESTED));
    }

    @Test
    void availabilitiesAreNamedByTheirLabels() {
        assertThat(NetworkConditions.Availability.ofLabel("lost")).contains(NetworkConditions.Availability.LOST);
        assertThat(NetworkConditions.Availability.ofLabel("LOST")).isEmpty();
    }
}
