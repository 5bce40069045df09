package dev.selfreg.module;

import static dev.selfreg.module.TestBench.ENTER_DEEP_SLEEP;
import static dev.selfreg.module.TestBench.EXIT_DEEP_SLEEP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How PSM, eDRX, {@code AT+QSCLK} and the sleep lock time combine (docs/power-saving.md): when
 * the module sleeps and wakes, what it prints, and the awake time per reason, on the bench's
 * virtual clock. The settings are made at the attach instant, so the radio's idle time (the
 * request is a TAU) and the host's sleep lock time both start then.
 */
class PowerSavingTest {

    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration LOCK = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;
    private static final Duration TICK = Duration.ofMillis(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration CYCLE = Duration.ofMillis(20_480);
    private static final Duration WINDOW = Duration.ofMillis(2_560);

    /** A unit attached, then set over AT at the attach instant. */
    private static TestBench attachedWith(String... settings) {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        bench.given(settings);
        bench.takeOutput();
        return bench;
    }

    private static Duration time(TestBench bench, AwakeReason reason) {
        return bench.module.awakeBreakdown().get(reason);
    }

    private static Duration sum(Map<AwakeReason, Duration> breakdown) {
        return breakdown.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Test
    void theModuleSleepsOnceT3324RanOutAfterTheLastNetworkActivityNotBefore() {
        TestBench bench = attachedWith("AT+CPSMS=1,,,\"01000011\",\"00100100\"");

        bench.advance(Duration.ofMinutes(4).minus(TICK));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        bench.advance(TICK);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.takeOutput()).isEqualTo(ENTER_DEEP_SLEEP);
        assertThat(time(bench, AwakeReason.HOST)).isEqualTo(LOCK);
        assertThat(time(bench, AwakeReason.IDLE)).isEqualTo(Duration.ofMinutes(4).minus(LOCK));
    }

    @Test
    void aShortT3324LeavesTheSleepLockTimeToDecide() {
        TestBench bench = attachedWith("AT+CPSMS=1,,,\"01000011\",\"00000001\"");

        bench.advance(LOCK.minus(TICK));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        bench.advance(TICK);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void thePeriodicTauWakesTheModuleAtT3412AndItSleepsAgainAfterT3324() {
        TestBench bench = attachedWith("AT+CPSMS=1,,,\"00100001\",\"00000101\"");
        bench.advance(LOCK);
        assertThat(bench.takeOutput()).isEqualTo(ENTER_DEEP_SLEEP);

        bench.advance(HOUR.minus(LOCK));
        assertThat(bench.module.power()).as("woken for the TAU").isEqualTo(Power.ACTIVE);
        assertThat(bench.takeOutput()).isEqualTo(EXIT_DEEP_SLEEP);
        bench.advance(Duration.ofSeconds(10));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.takeOutput()).isEqualTo(ENTER_DEEP_SLEEP);

        bench.advance(HOUR.multipliedBy(2));

        assertThat(time(bench, AwakeReason.TAU)).as("three TAUs, each followed by T3324").isEqualTo(Duration.ofSeconds(30));
        assertThat(bench.takeOutput()).isEqualTo((EXIT_DEEP_SLEEP + ENTER_DEEP_SLEEP).repeat(2));
    }

    @Test
    void networkActivityBeforeT3412RunsOutPostponesTheTau() {
        TestBench bench = attachedWith("AT+CPSMS=1,,,\"00100001\",\"00000101\"");
        bench.module.scheduler().rtcClock().schedule(Duration.ofMinutes(30),
                () -> bench.module.sleep().holdAwake(AwakeReason.COAP).release());

        bench.advance(HOUR.plusMinutes(1));
        assertThat(time(bench, AwakeReason.TAU)).isZero();
        bench.advance(Duration.ofMinutes(30));

        assertThat(time(bench, AwakeReason.TAU)).isEqualTo(Duration.ofSeconds(10));
        assertThat(time(bench, AwakeReason.TIMER)).isEqualTo(LOCK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CPSMS=0", "AT+CPSMS=2", "AT+CPSMS=", "AT+CPSMS=1,,,\"01000011\",\"11100000\""})
    void withoutPsmAndWithoutEdrxTheModuleNeverDeepSleeps(String psmOff) {
        TestBench bench = attachedWith(psmOff);

        bench.advance(Duration.ofDays(2));

        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        assertThat(bench.takeOutput()).isEmpty();
        assertThat(time(bench, AwakeReason.IDLE)).isEqualTo(Duration.ofDays(2).minus(LOCK));
    }

    @Test
    void withEdrxAndNoPsmTheModuleSleepsBetweenPagingWindowsAndWakesSilentlyForEach() {
        TestBench bench = attachedWith("AT+CPSMS=0", "AT+CEDRXS=1,5,\"0010\"");
        bench.advance(LOCK);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);

        bench.advance(CYCLE.minus(LOCK));
        assertThat(bench.module.power()).as("in the first paging window").isEqualTo(Power.ACTIVE);
        bench.advance(WINDOW.minus(TICK));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        bench.advance(TICK);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        bench.advance(CYCLE.multipliedBy(9));

        assertThat(time(bench, AwakeReason.PAGING)).isEqualTo(WINDOW.multipliedBy(10));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.takeOutput()).as("one report of deep sleep, none for the windows").isEqualTo(ENTER_DEEP_SLEEP);
    }

    @Test
    void withEdrxAndPsmTheModuleListensInPagingWindowsOnlyUntilT3324RunsOut() {
        TestBench bench = attachedWith("AT+CPSMS=1,,,\"01000011\",\"00100010\"", "AT+CEDRXS=1,5,\"0010\"");

        bench.advance(HOUR);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(time(bench, AwakeReason.PAGING)).as("5 windows start before PSM at 2 min").isEqualTo(WINDOW.multipliedBy(5));
        assertThat(bench.module.awake()).isEqualTo(ATTACH.plus(LOCK).plus(WINDOW.multipliedBy(5)));
    }

    @Test
    void hostDataInAPagingWindowIsNotLost() {
        TestBench bench = attachedWith("AT+CPSMS=0", "AT+CEDRXS=1,5,\"0010\"");
        bench.advance(CYCLE);
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        assertThat(bench.takeOutput()).isEqualTo(ENTER_DEEP_SLEEP);

        assertThat(bench.type("AT\r")).isEqualTo(TestBench.framed("OK"));
        bench.advance(LOCK);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void anRtcTimerBetweenPagingWindowsWakesTheModuleWithItsReport() {
        TestBench bench = attachedWith("AT+CPSMS=0", "AT+CEDRXS=1,5,\"0101\"");
        bench.module.scheduler().rtcClock().schedule(Duration.ofSeconds(40), () -> { });
        bench.advance(LOCK);
        bench.takeOutput();

        bench.advance(Duration.ofSeconds(30));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        assertThat(bench.takeOutput()).isEqualTo(EXIT_DEEP_SLEEP);
        bench.advance(LOCK);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(time(bench, AwakeReason.TIMER)).isEqualTo(LOCK);
        assertThat(bench.takeOutput()).isEqualTo(ENTER_DEEP_SLEEP);
    }

    @ParameterizedTest(name = "AT+QSCLK={0}")
    @ValueSource(ints = {0, 2})
    void withQsclk0Or2NeitherPsmNorEdrxPutTheModuleToSleep(int mode) {
        TestBench bench = attachedWith("AT+QSCLK=" + mode, "AT+CPSMS=1,,,\"00100001\",\"00000001\"",
                "AT+CEDRXS=1,5,\"0010\"");

        bench.advance(Duration.ofHours(3));

        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        assertThat(bench.takeOutput()).isEmpty();
        assertThat(time(bench, AwakeReason.TAU)).as("TAUs happen awake").isZero();
        assertThat(time(bench, AwakeReason.PAGING)).isZero();
        assertThat(sum(bench.module.awakeBreakdown())).isEqualTo(ATTACH.plus(Duration.ofHours(3)));
    }

    @Test
    void aCtFailureIsRetriedOnlyWithQsclk0EvenWhenWithoutPsmTheModuleStaysAwake() {
        TestBench sleepAllowed = new TestBench();
        sleepAllowed.given("AT+CPSMS=0");
        TestBench sleepDisabled = new TestBench();
        sleepDisabled.given("AT+CPSMS=0", "AT+QSCLK=0");

        sleepAllowed.advance(Duration.ofHours(3));
        sleepDisabled.advance(Duration.ofHours(3));

        assertThat(sleepAllowed.module.power()).isEqualTo(Power.ACTIVE);
        assertThat(sleepAllowed.module.ct().status()).isEqualTo(new CtStatus(1, "failure"));
        assertThat(sleepDisabled.module.ct().status()).isEqualTo(new CtStatus(3, "failure"));
    }

    @Test
    void slplocktimes0LetsTheModuleSleepRightAfterAnAnswerOnceInPsm() {
        TestBench bench = attachedWith("AT+QCFG=\"slplocktimes\",0");
        bench.advance(Bc260yFacts.PSM_REQUEST_DEFAULT.t3324().orElseThrow());
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);

        assertThat(bench.at("AT")).isEqualTo(TestBench.framed("OK"));
        bench.advance(Duration.ZERO);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void slplocktimes30KeepsTheModuleAwake30SecondsAfterTheHostFromItsNextByte() {
        TestBench bench = attachedWith("AT+QCFG=\"slplocktimes\",30");
        bench.at("AT");

        bench.advance(Duration.ofSeconds(30).minus(TICK));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        bench.advance(TICK);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(time(bench, AwakeReason.HOST)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void powerSavingSettingsAreSavedAndRequestedAgainAfterAReboot() {
        TestBench bench = attachedWith("AT+CPSMS=1,,,\"00100001\",\"00100100\"", "AT+CEDRXS=1,5,\"0101\"",
                "AT+QCFG=\"slplocktimes\",5");

        bench.reboot();
        bench.advance(ATTACH);

        assertThat(bench.at("AT+CPSMS?")).isEqualTo(TestBench.framed("+CPSMS: 1,,,\"00100001\",\"00100100\"", "OK"));
        assertThat(bench.at("AT+CEDRXRDP")).isEqualTo(TestBench.framed("+CEDRXRDP: 5,\"0101\",\"0101\",\"0000\"", "OK"));
        assertThat(bench.module.attach().grantedPsmTimers()).contains(new PsmTimers("00100100", "00100001"));
        assertThat(bench.at("AT+QCFG=\"slplocktimes\"")).isEqualTo(TestBench.framed("+QCFG: \"slplocktimes\",5", "OK"));
    }
}
