package dev.selfreg.module.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.TestBench;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** JiekangHuang's BC26-MQTT-Library (host-drivers.md §5, its HEAD) against the emulated module, from power-on. */
class JiekangHuangBc26Test {

    @Test
    @Disabled("waits for +CPIN: READY at boot, AT+CEDRXS (helper power), AT+QBAND, AT+CGATT, AT+CSQ (helper network)"
            + " and AT+QCGDEFCONT (not assigned yet), issue 11")
    void onABc260yCnTheInitCompletes() {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard()));

        Outcome outcome = new JiekangHuangBc26(mcu, "ctnb", 5).init();

        assertThat(outcome.completed()).as(outcome.message()).isTrue();
        assertThat(outcome.message()).matches("CSQ \\d+,\\d+");
    }
}
