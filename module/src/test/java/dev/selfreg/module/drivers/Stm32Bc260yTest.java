package dev.selfreg.module.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.AtDialect;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.TestBench;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two STM32 BC260Y drivers (host-drivers.md §2) against the emulated module, from power-on:
 * written for the BC260Y, they get through on either dialect.
 */
class Stm32Bc260yTest {

    /** Far more than the attach takes: the drivers themselves would poll forever. */
    private static final int POLLS = 60;

    @ParameterizedTest
    @EnumSource(AtDialect.class)
    void theShortSequenceAttaches(AtDialect dialect) {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard().withAtDialect(dialect)));

        assertThat(Stm32Bc260y.minimal(mcu).init(POLLS)).isEqualTo(Outcome.completed("attached"));
    }

    @ParameterizedTest
    @EnumSource(AtDialect.class)
    void theLongSequenceAttaches(AtDialect dialect) {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard().withAtDialect(dialect)));

        assertThat(Stm32Bc260y.extended(mcu).init(POLLS)).isEqualTo(Outcome.completed("attached"));
    }
}
