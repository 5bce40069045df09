package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The module's timers and their power gating, on a scheduler of its own: a power cut stops
 * every timer, deep sleep the plain ones, an RTC timer due in deep sleep runs through the
 * wake-up, and every task runs serialised with the module's other work.
 */
class ModuleSchedulerTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final VirtualClock clock = new VirtualClock();
    private final ModuleScheduler scheduler = new ModuleScheduler(clock);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private void enter(Power power) {
        scheduler.serialised(() -> scheduler.enter(power));
    }

    private void schedulePlain(String name) {
        scheduler.poweredClock().schedule(HOUR, () -> ran.add(name));
    }

    private void scheduleRtc(String name) {
        scheduler.rtcClock().schedule(HOUR, () -> ran.add(name));
    }

    @Test
    void anAwakeModulesTimersRunWhenDueInTheOrderScheduled() {
        enter(Power.ACTIVE);
        schedulePlain("plain");
        scheduleRtc("rtc");

        clock.advance(HOUR.minusMillis(1));
        assertThat(ran).isEmpty();
        clock.advance(Duration.ofMillis(1));

        assertThat(ran).containsExactly("plain", "rtc");
    }

    @Test
    void nothingIsScheduledWhileTheModuleIsOff() {
        schedulePlain("plain");
        scheduleRtc("rtc");

        enter(Power.ACTIVE);
        clock.advance(HOUR.multipliedBy(2));

        assertThat(ran).isEmpty();
    }

    @Test
    void aPowerCutStopsEveryTimer() {
        enter(Power.ACTIVE);
        schedulePlain("plain");
        scheduleRtc("rtc");

        enter(Power.OFF);
        enter(Power.ACTIVE);
        clock.advance(HOUR.multipliedBy(2));

        assertThat(ran).isEmpty();
    }

    @Test
    void deepSleepStopsThePlainTimersAndRefusesNewOnes() {
        enter(Power.ACTIVE);
        schedulePlain("before sleep");

        enter(Power.DEEP_SLEEP);
        schedulePlain("in sleep");
        enter(Power.ACTIVE);
        clock.advance(HOUR.multipliedBy(2));

        assertThat(ran).isEmpty();
    }

    @Test
    void anRtcTimerDueInDeepSleepRunsInsideTheWakeUp() {
        scheduler.wakeUpWith(task -> {
            ran.add("wake");
            task.run();
            ran.add("may sleep again");
        });
        enter(Power.ACTIVE);
        scheduleRtc("rtc");

        enter(Power.DEEP_SLEEP);
        clock.advance(HOUR);

        assertThat(ran).containsExactly("wake", "rtc", "may sleep again");
    }

    @Test
    void anRtcTimerDueWhileAwakeNeedsNoWakeUp() {
        scheduler.wakeUpWith(task -> ran.add("wake"));
        enter(Power.ACTIVE);
        scheduleRtc("rtc");

        clock.advance(HOUR);

        assertThat(ran).containsExactly("rtc");
    }

    @Test
    void aCancelledTimerDoesNotRun() {
        enter(Power.ACTIVE);
        scheduler.poweredClock().schedule(HOUR, () -> ran.add("plain")).cancel();

        clock.advance(HOUR);

        assertThat(ran).isEmpty();
    }

    @Test
    void aDueTimerWaitsUntilTheModuleHasFinishedWhatItIsDoing() throws Exception {
        enter(Power.ACTIVE);
        schedulePlain("timer");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread host = new Thread(() -> scheduler.serialised(() -> {
            inside.countDown();
            awaitQuietly(finish);
            ran.add("host");
        }));
        host.start();
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        Thread advancing = new Thread(() -> clock.advance(HOUR));
        advancing.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> advancing.getState() == Thread.State.BLOCKED);
        assertThat(ran).isEmpty();
        finish.countDown();
        advancing.join(5000);
        host.join(5000);

        assertThat(ran).containsExactly("host", "timer");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
