package dev.selfreg.module;

import static dev.selfreg.module.TestBench.BOOT_URCS;
import static dev.selfreg.module.TestBench.ENTER_DEEP_SLEEP;
import static dev.selfreg.module.TestBench.EXIT_DEEP_SLEEP;
import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Power, boot and sleep (self-registration.md §1, at-commands.md §6, docs/power-saving.md): the
 * boot URCs, a dead UART while off or booting, deep sleep after the idle time with
 * {@code AT+QSCLK=1} and its {@code +QNBIOTEVENT}, waking on host data whose first byte is lost,
 * configuration across deep sleep, and the awake-time account. Time is module time on the
 * bench's virtual clock.
 */
class PowerAndSleepTest {

    private static final String OK = framed("OK");
    private static final Duration IDLE = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;
    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration JUST_UNDER = Duration.ofMillis(100);
    private static final Duration HOUR = Duration.ofHours(1);

    /** A unit booted and attached, its host done talking at this instant. */
    private static TestBench attachedAndIdle() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        bench.at("AT");
        return bench;
    }

    @Test
    void rdyCfunAndCpinArePrintedAtPowerOn() {
        TestBench bench = new TestBench();

        assertThat(bench.takeOutput()).isEqualTo(framed("RDY", "+CFUN: 1", "+CPIN: READY"));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
    }

    @Test
    void inputWhilePoweredOffGetsNoAnswerAtAll() {
        TestBench bench = new TestBench();
        bench.at("AT");

        bench.module.powerCut();

        assertThat(bench.module.power()).isEqualTo(Power.OFF);
        assertThat(bench.type("AT\r")).isEmpty();
        assertThat(bench.type("ATI\rAT+CGMR\r")).isEmpty();
        bench.advance(HOUR);
        assertThat(bench.takeOutput()).isEmpty();
        assertThat(bench.module.running()).isEmpty();

        bench.module.powerOn();

        assertThat(bench.takeOutput()).isEqualTo(BOOT_URCS);
        assertThat(bench.type("AT\r")).isEqualTo("AT\r" + OK);
    }

    @Test
    void withoutASimTheBootPrintsNoCpin() {
        TestBench bench = new TestBench(ModuleProfile.standard().withSim(Optional.empty()));

        assertThat(bench.takeOutput()).isEqualTo(framed("RDY", "+CFUN: 1"));
    }

    @Test
    void withQsclk1TheModuleDeepSleepsAfterTheIdleTimeAndNotBefore() {
        TestBench bench = attachedAndIdle();

        bench.advance(IDLE.minus(JUST_UNDER));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);

        bench.advance(JUST_UNDER);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.takeOutput()).isEqualTo(ENTER_DEEP_SLEEP);
    }

    @Test
    void withDseventOffDeepSleepIsSilent() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        bench.given("AT+QCFG=\"dsevent\",0");

        bench.advance(IDLE);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.takeOutput()).isEmpty();
        assertThat(bench.wake()).isEmpty();
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
    }

    @Test
    void hostTrafficRestartsTheIdleTime() {
        TestBench bench = attachedAndIdle();
        bench.advance(IDLE.minus(JUST_UNDER));

        bench.at("AT");
        bench.advance(IDLE.minus(JUST_UNDER));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);

        bench.type("A");
        bench.advance(IDLE.minus(JUST_UNDER));
        assertThat(bench.module.power()).as("even a partial line is host activity").isEqualTo(Power.ACTIVE);

        bench.advance(JUST_UNDER);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void theFirstByteInDeepSleepWakesTheModuleAndIsLostSoItsLineGetsNoAnswer() {
        TestBench bench = attachedAndIdle();
        bench.advance(IDLE);
        bench.takeOutput();
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);

        assertThat(bench.type("AT+CGMR\r")).as("T+CGMR is no command line").isEqualTo(EXIT_DEEP_SLEEP);

        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        assertThat(bench.at("AT+CGMR")).as("awake: answered, no second wake-up URC")
                .isEqualTo(framed("Revision: " + Bc260yFacts.DEFAULT_FIRMWARE, "OK"));
    }

    @Test
    void withEchoOnTheWakeUpLineComesBeforeTheEchoOfWhatWasNotLost() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH.plus(IDLE));
        bench.takeOutput();
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);

        assertThat(bench.type("AT\r")).isEqualTo(EXIT_DEEP_SLEEP + "T\r");
        assertThat(bench.type("AT\r")).isEqualTo("AT\r" + OK);
    }

    @Test
    void withWakeupRxd0HostDataInDeepSleepIsLostAndTheModuleSleepsOn() {
        TestBench bench = attachedAndIdle();
        bench.given("AT+QCFG=\"wakeupRXD\",0");
        bench.advance(IDLE);
        bench.takeOutput();

        assertThat(bench.type("AT\r")).isEmpty();
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);

        bench.module.pulseWakePin();
        assertThat(bench.takeOutput()).as("the PSM_EINT pin still wakes it").isEqualTo(EXIT_DEEP_SLEEP);
        assertThat(bench.at("AT")).isEqualTo(OK);
    }

    @Test
    void afterAWakeUpTheModuleSleepsAgainAfterTheIdleTime() {
        TestBench bench = attachedAndIdle();
        bench.advance(IDLE);
        bench.wake();

        bench.advance(IDLE.minus(JUST_UNDER));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        bench.advance(JUST_UNDER);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @ParameterizedTest(name = "AT+QSCLK={0}")
    @ValueSource(ints = {0, 2})
    void withQsclk0Or2TheModuleNeverDeepSleeps(int mode) {
        TestBench bench = new TestBench();
        bench.given("AT+QSCLK=" + mode);

        bench.advance(HOUR);

        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        assertThat(bench.at("AT")).isEqualTo(bench.addressUrc() + OK);
    }

    @Test
    void qsclk1SetWhileAwakeAllowsDeepSleepAgain() {
        TestBench bench = new TestBench();
        bench.given("AT+QSCLK=0");
        bench.advance(HOUR);
        bench.takeOutput();

        bench.given("AT+QSCLK=1");
        bench.advance(IDLE);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void qsclkIsSavedAndSurvivesRebootAndPowerCycle() {
        TestBench bench = new TestBench();
        bench.given("AT+QSCLK=0");

        bench.reboot();
        assertThat(bench.at("AT+QSCLK?")).isEqualTo(framed("+QSCLK: 0", "OK"));
        bench.advance(HOUR);
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);

        bench.module.powerCycle();
        bench.booted();
        assertThat(bench.at("AT+QSCLK?")).isEqualTo(framed("+QSCLK: 0", "OK"));
        bench.advance(HOUR);
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
    }

    @Test
    void deepSleepKeepsRunningAndSavedConfiguration() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        bench.given("AT+QSREGENABLE=0", "AT+QDMPCFG=0,0", "AT+QDMPCFG=1,\"10.0.0.1\",7000,600",
                "AT+QDMPCFGEX=1,0,\"00-01-6C-06-A6-29\"");
        RunningConfig runningBefore = bench.module.running().orElseThrow();
        RunningConfig savedBefore = bench.module.saved().toRunning();
        assertThat(savedBefore).isNotEqualTo(runningBefore);

        bench.advance(IDLE);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        bench.takeOutput();
        assertThat(bench.wake()).isEqualTo(EXIT_DEEP_SLEEP);

        assertThat(bench.module.running().orElseThrow()).isEqualTo(runningBefore);
        assertThat(bench.module.saved().toRunning()).isEqualTo(savedBefore);
        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(framed("+QSREGENABLE: 0", "OK"));
        assertThat(bench.at("AT+QDMPCFG?")).isEqualTo(framed("+QDMPCFG: 0,1",
                "+QDMPCFG: 1,117.161.2.41,5683,86400", "+QDMPCFG: 2,,,0,", "OK"));
        assertThat(bench.at("AT+QDMPCFG=4,1")).isEqualTo(framed("+QDMPCFG: 1,10.0.0.1,7000,600", "OK"));
        assertThat(bench.at("AT+QDMPCFG=6")).isEqualTo(framed("+QDMPCFG: 6,0", "OK"));
    }

    @Test
    void deepSleepIsNotABoot() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        bench.given("AT+CEREG=1", "ATE1");
        bench.takeOutput();

        bench.advance(IDLE);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.takeOutput()).isEqualTo(ENTER_DEEP_SLEEP);

        assertThat(bench.type("\rAT+CEREG?\r"))
                .as("no RDY, echo and CEREG reporting as the host left them, still attached")
                .isEqualTo(EXIT_DEEP_SLEEP + "AT+CEREG?\r" + framed("+CEREG: 1,1", "OK"));
    }

    @Test
    void awakeTimeCountsOnlyTimeAwake() {
        TestBench bench = new TestBench();

        bench.advance(HOUR);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awake()).isEqualTo(ATTACH.plus(IDLE));

        bench.wake();
        bench.advance(HOUR);

        assertThat(bench.module.awake()).isEqualTo(ATTACH.plus(IDLE).plus(IDLE));
    }

    @Test
    void awakeTimeStopsAtPowerCut() {
        TestBench bench = new TestBench();
        bench.given("AT+QSCLK=0");
        bench.advance(Duration.ofSeconds(30));

        bench.module.powerCut();
        bench.advance(HOUR);

        assertThat(bench.module.awake()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void inputDuringBootIsLostAndRdyArrivesWhenBootEnds() {
        TestBench bench = new TestBench(ModuleProfile.standard().withBootTime(Duration.ofSeconds(1)));

        assertThat(bench.module.power()).isEqualTo(Power.BOOTING);
        assertThat(bench.takeOutput()).isEmpty();
        assertThat(bench.type("AT\r")).isEmpty();
        bench.advance(Duration.ofMillis(999));
        assertThat(bench.type("AT\r")).isEmpty();
        assertThat(bench.module.power()).isEqualTo(Power.BOOTING);

        bench.advance(Duration.ofMillis(1));

        assertThat(bench.takeOutput()).isEqualTo(BOOT_URCS);
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        assertThat(bench.type("AT\r")).as("the lost lines are not answered late").isEqualTo("AT\r" + OK);
    }

    @Test
    void bootTimeCountsAsAwake() {
        TestBench bench = new TestBench(ModuleProfile.standard().withBootTime(Duration.ofSeconds(1)));

        bench.advance(HOUR);

        assertThat(bench.module.awake()).isEqualTo(Duration.ofSeconds(1).plus(ATTACH).plus(IDLE));
    }

    @Test
    void qrstWithABootTimeLosesInputUntilRdy() {
        TestBench bench = new TestBench(ModuleProfile.standard().withBootTime(Duration.ofSeconds(1)));
        bench.advance(Duration.ofSeconds(1));
        bench.booted();

        assertThat(bench.at("AT+QRST=1")).isEqualTo(OK);
        assertThat(bench.type("AT\r")).isEmpty();
        bench.advance(Duration.ofSeconds(1));
        assertThat(bench.takeOutput()).isEqualTo(BOOT_URCS);
    }
}
