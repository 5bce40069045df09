package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code +CEREG} lines with the PSM timers the network granted (TS 27.007 §10.1.22, research
 * §2 AT+CEREG): quoted 8-bit strings in the read form with n 4 and 5 and in the unsolicited
 * report of a registration; and the timers' own shape.
 */
class RegistrationStateTest {

    private static final String CELL = "\"5A2B\",\"0C3B4D01\",9";
    private static final RegistrationState REGISTERED_WITH_PSM = new RegistrationState(NetworkRegistration.REGISTERED,
            OptionalInt.empty(), Optional.of(new PsmTimers("00100100", "01000111")));

    @Test
    void theReadFormWithN4ShowsAnEmptyCausePairThenTheTimers() {
        assertThat(REGISTERED_WITH_PSM.readLine(4)).isEqualTo("+CEREG: 4,1," + CELL + ",,,\"00100100\",\"01000111\"");
    }

    @Test
    void theReadFormWithN5ShowsTheTimersToo() {
        assertThat(REGISTERED_WITH_PSM.readLine(5)).isEqualTo("+CEREG: 5,1," + CELL + ",,,\"00100100\",\"01000111\"");
    }

    @Test
    void theUnsolicitedReportOfARegistrationCarriesTheTimers() {
        assertThat(REGISTERED_WITH_PSM.urcLine(4)).isEqualTo("+CEREG: 1," + CELL + ",,,\"00100100\",\"01000111\"");
        assertThat(REGISTERED_WITH_PSM.urcLine(5)).isEqualTo("+CEREG: 1," + CELL + ",,,\"00100100\",\"01000111\"");
    }

    @Test
    void theUnsolicitedReportOfARefusalHasEmptyTimers() {
        RegistrationState denied = new RegistrationState(NetworkRegistration.DENIED, OptionalInt.of(11), Optional.empty());

        assertThat(denied.urcLine(5)).isEqualTo("+CEREG: 3," + CELL + ",0,11,,");
        assertThat(denied.urcLine(4)).isEqualTo("+CEREG: 3," + CELL + ",,,,");
    }

    @Test
    void aRejectCauseGoesWithARefusalOnlyAndTimersWithARegistrationOnly() {
        assertThatThrownBy(() -> new RegistrationState(NetworkRegistration.REGISTERED, OptionalInt.of(11), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistrationState(NetworkRegistration.DENIED, OptionalInt.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistrationState(NetworkRegistration.SEARCHING, OptionalInt.empty(),
                Optional.of(new PsmTimers("00000001", "01000011")))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "0010010", "001001000", "0010010a", "2222222 "})
    void aPsmTimerIsExactlyEightBits(String bits) {
        assertThatThrownBy(() -> new PsmTimers(bits, "01000111")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Active-Time");
        assertThatThrownBy(() -> new PsmTimers("00100100", bits)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Periodic-TAU");
    }
}
