package dev.selfreg.module.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.TestBench;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** sixfab's BC95 library (host-drivers.md §6) against the emulated module, from power-on. */
class SixfabNbiotTest {

    private static final int SENDS = 5;

    @Test
    @Disabled("waits for AT&W, AT+CGMM (helper ident) and AT+CGATT (helper network), issue 11")
    void onABc260yCnItResendsAtCgattForeverAsTheBc260yPutsASpaceAfterTheColon() {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard()));

        Outcome outcome = new SixfabNbiot(mcu).run(SENDS);

        assertThat(outcome).isEqualTo(Outcome.failed("still sending AT+CGATT?"));
        assertThat(mcu.count("AT+CGATT?")).isEqualTo(SENDS);
        assertThat(mcu.sent()).startsWith("AT&W", "AT+CGSN=1", "AT+CGMR", "AT+CGMM", "AT+CGATT=1", "AT+CGATT?");
    }
}
