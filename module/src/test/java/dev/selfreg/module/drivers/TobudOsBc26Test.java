package dev.selfreg.module.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.AtDialect;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.TestBench;
import org.junit.jupiter.api.Test;

/** TobudOS's BC26 driver (host-drivers.md §3) against the emulated module, from power-on. */
class TobudOsBc26Test {

    @Test
    void onABc260yCnItFailsAtThePsmLockAsOnARealModule() {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard()));

        Outcome outcome = new TobudOsBc26(mcu).init();

        assertThat(outcome).isEqualTo(Outcome.failed("bc26 psm lock FAILED"));
        assertThat(mcu.sent()).containsExactly("AT+QRST=1", "AT+SM=LOCK", "AT+SM=LOCK", "AT+SM=LOCK", "AT+SM=LOCK",
                "AT+SM=LOCK", "AT+SM=LOCK", "AT+SM=LOCK", "AT+SM=LOCK", "AT+SM=LOCK", "AT+SM=LOCK");
    }

    @Test
    void onBc26CompatTheInitCompletes() {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard().withAtDialect(AtDialect.BC26_COMPAT)));

        Outcome outcome = new TobudOsBc26(mcu).init();

        assertThat(outcome.completed()).as(outcome.message()).isTrue();
        assertThat(mcu.count("AT+SM=LOCK")).isEqualTo(1);
    }
}
