package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code AT+QPOWD} (research AT+QPOWD): not a BC260Y-CN command; in BC26-compat 0 switches the
 * module off at once, 1 after {@code NORMAL POWER DOWN}, 2 reboots it. Off, it stays off, deaf
 * to the host, until power is applied again.
 */
class PowerOffTest {

    private static TestBench compat() {
        return new TestBench(ModuleProfile.standard().withAtDialect(AtDialect.BC26_COMPAT));
    }

    @Test
    void aRealBc260yCnAnswersQpowdErrorAndStaysOn() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QPOWD=0")).isEqualTo(framed("ERROR"));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
    }

    @Test
    void qpowd0AnswersOkAndSwitchesTheModuleOffUntilPowerIsApplied() {
        TestBench bench = compat();

        assertThat(bench.at("AT+QPOWD=0")).isEqualTo(framed("OK"));

        assertThat(bench.module.power()).isEqualTo(Power.OFF);
        bench.advance(Duration.ofMinutes(1));
        assertThat(bench.at("AT")).as("nobody listens").isEmpty();
        bench.module.powerOn();
        assertThat(bench.takeOutput()).isEqualTo(TestBench.BOOT_URCS);
        assertThat(bench.type("AT\r")).isEqualTo("AT\r" + framed("OK"));
    }

    @Test
    void qpowd1SaysNormalPowerDownBeforeSwitchingOff() {
        TestBench bench = compat();

        assertThat(bench.at("AT+QPOWD=1")).isEqualTo(framed("OK", "NORMAL POWER DOWN"));
        assertThat(bench.module.power()).isEqualTo(Power.OFF);
    }

    @Test
    void qpowd2Reboots() {
        TestBench bench = compat();

        assertThat(bench.at("AT+QPOWD=2")).isEqualTo(framed("OK") + TestBench.BOOT_URCS);
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
    }

    @ParameterizedTest(name = "AT+QPOWD{0}")
    @ValueSource(strings = {"=3", "=-1", "=", "", "?", "=0,0", "=a"})
    void anythingButZeroToTwoAnswersErrorAndTheModuleStaysOn(String form) {
        TestBench bench = compat();

        assertThat(bench.at("AT+QPOWD" + form)).isEqualTo(framed("ERROR"));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
    }

    @Test
    void theTestFormListsZeroToTwo() {
        assertThat(compat().at("AT+QPOWD=?")).isEqualTo(framed("+QPOWD: (0-2)", "OK"));
    }
}
