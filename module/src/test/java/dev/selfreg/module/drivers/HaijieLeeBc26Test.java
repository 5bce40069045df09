package dev.selfreg.module.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.AtDialect;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.TestBench;
import org.junit.jupiter.api.Test;

/** Haijie-Lee's NB-IOT_API (host-drivers.md §4) against the emulated module, from power-on. */
class HaijieLeeBc26Test {

    @Test
    void onABc260yCnEveryRunStopsAtThePsmLockAsOnARealModule() {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard()));

        Outcome outcome = new HaijieLeeBc26(mcu).initUntilDone(3);

        assertThat(outcome).isEqualTo(Outcome.failed("AT+SM=LOCK"));
        assertThat(mcu.sent()).containsExactly("AT+SM=LOCK", "AT+SM=LOCK", "AT+SM=LOCK");
    }

    @Test
    void onBc26CompatARunCompletesOnceTheModuleHasAttached() {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard().withAtDialect(AtDialect.BC26_COMPAT)));

        Outcome outcome = new HaijieLeeBc26(mcu).initUntilDone(10);

        assertThat(outcome).isEqualTo(Outcome.completed("IMEI 869999000000001, IMSI 460111234567890"));
        // a run before the attach stops at AT+CGATT? and main() runs it again
        assertThat(mcu.console()).allMatch(line -> line.endsWith(": AT+CGATT?"));
    }
}
