package dev.selfreg.module.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.TestBench;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The two STM32 BC260Y drivers (host-drivers.md §2) against the emulated module, from power-on. */
class Stm32Bc260yTest {

    /** Far more than the attach takes: the drivers themselves would poll forever. */
    private static final int POLLS = 60;

    @Test
    @Disabled("waits for AT+CGATT (helper network), issue 11")
    void onABc260yCnTheShortSequenceAttaches() {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard()));

        assertThat(Stm32Bc260y.minimal(mcu).init(POLLS)).isEqualTo(Outcome.completed("attached"));
    }

    @Test
    @Disabled("waits for AT+CGATT, AT+CSQ (helper network) and AT+CCLK? (helper ident), issue 11")
    void onABc260yCnTheLongSequenceAttaches() {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard()));

        assertThat(Stm32Bc260y.extended(mcu).init(POLLS)).isEqualTo(Outcome.completed("attached"));
    }
}
