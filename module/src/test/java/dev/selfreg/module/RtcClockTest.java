package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's two kinds of timer (self-registration.md §1): deep sleep stops every timer but
 * the RTC ones, which wake the module when due (the CMDMP update timer); a power cut stops both.
 */
class RtcClockTest {

    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration IDLE = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void anRtcTimerWakesTheModuleFromDeepSleepWhichSleepsAgainAfterTheIdleTime() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        List<Power> powerWhenRun = new ArrayList<>();
        bench.module.scheduler().rtcClock().schedule(HOUR, () -> powerWhenRun.add(bench.module.power()));

        bench.advance(HOUR.minusSeconds(1));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        Duration awakeBefore = bench.module.awake();
        bench.advance(Duration.ofSeconds(1));

        assertThat(powerWhenRun).containsExactly(Power.ACTIVE);
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        bench.advance(IDLE);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awake().minus(awakeBefore)).isEqualTo(IDLE);
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.TIMER, IDLE);
    }

    @Test
    void workAfterAnRtcWakeUpKeepsTheModuleAwakeAndTheIdleTimeAfterItIsTheTimers() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        List<WakeLock> held = new ArrayList<>();
        bench.module.scheduler().rtcClock().schedule(HOUR, () -> held.add(bench.module.sleep().holdAwake(AwakeReason.COAP)));

        bench.advance(HOUR.plusMinutes(5));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        held.get(0).release();
        bench.advance(HOUR);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.COAP, Duration.ofMinutes(5))
                .containsEntry(AwakeReason.TIMER, IDLE);
    }

    @Test
    void aPlainTimerIsStoppedByDeepSleep() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        List<Duration> ran = new ArrayList<>();
        bench.module.scheduler().poweredClock().schedule(HOUR, () -> ran.add(bench.clock.elapsed()));

        bench.advance(HOUR.multipliedBy(2));

        assertThat(ran).isEmpty();
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void aPowerCutStopsAnRtcTimer() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        List<Duration> ran = new ArrayList<>();
        bench.module.scheduler().rtcClock().schedule(HOUR, () -> ran.add(bench.clock.elapsed()));

        bench.module.powerCycle();
        bench.advance(HOUR.multipliedBy(2));

        assertThat(ran).isEmpty();
    }
}
