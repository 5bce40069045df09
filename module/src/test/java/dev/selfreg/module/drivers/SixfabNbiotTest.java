package dev.selfreg.module.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.AtDialect;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.TestBench;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * sixfab's BC95 library (host-drivers.md §6) against the emulated module, from power-on. It waits
 * for the BC95's {@code +CGATT:1}; a BC260Y-CN, like a BC26, puts a space after the colon, so on
 * either dialect it sends {@code AT+CGATT?} forever, as it would on a real module.
 */
class SixfabNbiotTest {

    private static final int SENDS = 5;

    @ParameterizedTest
    @EnumSource(AtDialect.class)
    void itResendsAtCgattForeverAsTheModulePutsASpaceAfterTheColon(AtDialect dialect) {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard().withAtDialect(dialect)));

        Outcome outcome = new SixfabNbiot(mcu).run(SENDS);

        assertThat(outcome).isEqualTo(Outcome.failed("still sending AT+CGATT?"));
        assertThat(mcu.count("AT+CGATT?")).isEqualTo(SENDS);
        assertThat(mcu.sent()).startsWith("AT&W", "AT+CGSN=1", "AT+CGMR", "AT+CGMM", "AT+CGATT=1", "AT+CGATT?");
    }
}
