package dev.selfreg.module;

import static dev.selfreg.module.TestBench.ENTER_DEEP_SLEEP;
import static dev.selfreg.module.TestBench.EXIT_DEEP_SLEEP;
import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BC26 sleep commands {@code AT+QATWAKEUP}, {@code AT+QNBIOTEVENT}, {@code AT+QRELLOCK} and {@code AT+SM}
 * (docs/power-saving.md, docs/at-commands-emulated.md): {@code ERROR} on a BC260Y-CN, as the
 * vendor SDK's 260Y build has none of them; in the BC26-compat dialect their reports and the
 * sleep lock they release.
 */
class CompatPowerCommandsTest {

    private static final String OK = framed("OK");
    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration LOCK = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;

    private static TestBench compat() {
        return new TestBench(ModuleProfile.standard().withAtDialect(AtDialect.BC26_COMPAT));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+QATWAKEUP=1", "AT+QATWAKEUP?", "AT+QNBIOTEVENT=1,1", "AT+QNBIOTEVENT?", "AT+QRELLOCK",
            "AT+SM=LOCK", "AT+SM=UNLOCK"})
    void aBc260yCnAnswersErrorToTheBc26SleepCommands(String line) {
        assertThat(new TestBench().at(line)).isEqualTo(framed("ERROR"));
    }

    @Test
    void qatwakeupIsOffByDefaultAndListsItsValues() {
        TestBench bench = compat();

        assertThat(bench.at("AT+QATWAKEUP?")).isEqualTo(framed("+QATWAKEUP: 0", "OK"));
        assertThat(bench.at("AT+QATWAKEUP=?")).isEqualTo(framed("+QATWAKEUP: (0,1)", "OK"));
    }

    @Test
    void withQatwakeup1AWakeUpPrintsItAfterTheDeepSleepEvent() {
        TestBench bench = compat();
        bench.advance(ATTACH);
        bench.given("AT+QATWAKEUP=1");
        bench.advance(LOCK);
        assertThat(bench.takeOutput()).isEqualTo(ENTER_DEEP_SLEEP);

        assertThat(bench.wake()).isEqualTo(EXIT_DEEP_SLEEP + framed("+QATWAKEUP"));
        assertThat(bench.at("AT+QATWAKEUP?")).as("kept across deep sleep").isEqualTo(framed("+QATWAKEUP: 1", "OK"));
    }

    @Test
    void qatwakeupIs0AgainAfterABoot() {
        TestBench bench = compat();
        bench.given("AT+QATWAKEUP=1");

        bench.reboot();

        assertThat(bench.at("AT+QATWAKEUP?")).isEqualTo(framed("+QATWAKEUP: 0", "OK"));
    }

    @Test
    void qnbioteventTakesOnlyEventType1() {
        TestBench bench = compat();

        assertThat(bench.at("AT+QNBIOTEVENT=?")).isEqualTo(framed("+QNBIOTEVENT: (0,1),(1)", "OK"));
        assertThat(bench.at("AT+QNBIOTEVENT?")).isEqualTo(framed("+QNBIOTEVENT: 0,1", "OK"));
        for (String bad : new String[] {"AT+QNBIOTEVENT=1,2", "AT+QNBIOTEVENT=2,1", "AT+QNBIOTEVENT=1",
                "AT+QNBIOTEVENT=1,1,1", "AT+QATWAKEUP=2", "AT+QRELLOCK=1"}) {
            assertThat(bench.at(bad)).as(bad).isEqualTo(framed("ERROR"));
        }
        assertThat(bench.at("AT+QNBIOTEVENT=1,1")).isEqualTo(OK);
        assertThat(bench.at("AT+QNBIOTEVENT?")).isEqualTo(framed("+QNBIOTEVENT: 1,1", "OK"));
    }

    @Test
    void withQnbiotevent1TheModuleReportsEnteringAndLeavingPsm() {
        TestBench bench = compat();
        bench.advance(ATTACH);
        bench.given("AT+QNBIOTEVENT=1,1", "AT+CPSMS=1,,,\"00100001\",\"00000101\"");
        bench.takeOutput();

        bench.advance(LOCK);
        assertThat(bench.takeOutput()).isEqualTo(framed("+QNBIOTEVENT: \"ENTER PSM\"") + ENTER_DEEP_SLEEP);
        bench.advance(Duration.ofHours(1).minus(LOCK));

        assertThat(bench.takeOutput()).as("the periodic TAU").isEqualTo(EXIT_DEEP_SLEEP + framed("+QNBIOTEVENT: \"EXIT PSM\""));
        bench.advance(LOCK);
        assertThat(bench.takeOutput()).isEqualTo(framed("+QNBIOTEVENT: \"ENTER PSM\"") + ENTER_DEEP_SLEEP);
    }

    @Test
    void qrellockLetsTheModuleSleepRightAfterItsAnswerOnceInPsm() {
        TestBench bench = compat();
        bench.advance(ATTACH.plus(LOCK));
        bench.at("AT");

        assertThat(bench.at("AT+QRELLOCK")).isEqualTo(OK);
        bench.advance(Duration.ZERO);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.HOST, Duration.ZERO);
    }

    @Test
    void smLockKeepsTheModuleOutOfDeepSleepUntilUnlock() {
        TestBench bench = compat();
        bench.advance(ATTACH);

        assertThat(bench.at("AT+SM=LOCK")).isEqualTo(OK);
        bench.advance(Duration.ofHours(2));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);

        assertThat(bench.at("AT+SM=UNLOCK")).isEqualTo(OK);
        bench.advance(LOCK);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void smLockEndsWithABoot() {
        TestBench bench = compat();
        bench.given("AT+SM=LOCK");

        bench.reboot();
        bench.advance(ATTACH.plus(LOCK));

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+SM=lock", "AT+SM=SLEEP", "AT+SM=", "AT+SM=LOCK,1", "AT+SM"})
    void smTakesOnlyLockAndUnlock(String line) {
        TestBench bench = compat();

        assertThat(bench.at(line)).isEqualTo(framed("ERROR"));
        assertThat(bench.module.sleep().sleepLockedByHost()).isFalse();
    }
}
