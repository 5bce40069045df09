package dev.selfreg.module.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.AtDialect;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.TestBench;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * JiekangHuang's BC26-MQTT-Library (host-drivers.md §5, its HEAD) against the emulated module,
 * from power-on: every command it sends is a BC260Y-CN one, so it gets through on either dialect.
 */
class JiekangHuangBc26Test {

    @ParameterizedTest
    @EnumSource(AtDialect.class)
    void theInitCompletes(AtDialect dialect) {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard().withAtDialect(dialect)));

        Outcome outcome = new JiekangHuangBc26(mcu, "ctnb", 5).init();

        assertThat(outcome.completed()).as(outcome.message()).isTrue();
        assertThat(outcome.message()).matches("CSQ \\d+,\\d+");
    }
}
