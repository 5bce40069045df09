package dev.selfreg.module;

import dev.selfreg.time.ModuleClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * When the module sleeps and wakes, and what its awake time counts for (self-registration.md
 * §1, seed chapter 2).
 *
 * <p>With {@code AT+QSCLK=1} the module enters deep sleep once it has been idle for the
 * profile's idle time: no host data, no network search, no {@link WakeLock} held. Each of those
 * restarts the idle time when it ends. Deep sleep stops the plain timers
 * ({@link ModuleScheduler}); host data on the UART wakes the module ({@link AwakeReason#HOST}),
 * and so does an RTC timer that falls due ({@link AwakeReason#TIMER}), after whose work the
 * module may sleep again.
 *
 * <p>Pending work (a DNS lookup, an open CoAP exchange) holds a wake lock: no deep sleep while
 * one is held, and the awake time counts for its reason meanwhile. Every awake instant counts
 * for exactly one {@link AwakeReason}; the account is {@link #awakeBreakdown()}.
 *
 * <p>It follows the module's life as a {@link ModuleLifecycle} listener: the account starts at
 * power-on, the end of the network search after boot ends the boot time, a power cut stops the
 * account and drops every wake lock.
 */
public final class SleepController {

    private static final Logger log = ModuleLog.LOG;

    private final ModuleScheduler scheduler;
    private final SavedConfig saved;
    private final Duration idleBeforeDeepSleep;
    private final String imei;
    private final List<WakeLock> wakeLocks = new ArrayList<>();
    private final AwakeTime awake = new AwakeTime();
    private final ModuleLifecycle lifecycle = new Lifecycle();
    /** What the awake time counts for once pending work ends: the timer's, after an RTC wake-up. */
    private AwakeReason afterWork = AwakeReason.IDLE;
    /** A network search holds deep sleep off; its end restarts the idle time. */
    private boolean networkSearching;
    private ModuleClock.Timer idleTimer;

    public SleepController(ModuleScheduler scheduler, SavedConfig saved, ModuleProfile profile) {
        this.scheduler = scheduler;
        this.saved = saved;
        this.idleBeforeDeepSleep = profile.idleBeforeDeepSleep();
        this.imei = profile.imei();
    }

    /** {@code AT+QSCLK}: saved to NVRAM and in force at once. */
    public void setSleepMode(int mode) {
        scheduler.serialised(() -> {
            saved.saveSleepMode(mode);
            restartIdleTimer();
        });
    }

    /**
     * Takes a wake lock for pending work: no deep sleep until it is released, and the awake
     * time counts for {@code reason} meanwhile.
     */
    public WakeLock holdAwake(AwakeReason reason) {
        return scheduler.serialised(() -> {
            WakeLock lock = new WakeLock(this, reason);
            wakeLocks.add(lock);
            account(reason);
            return lock;
        });
    }

    void release(WakeLock lock) {
        scheduler.serialised(() -> {
            if (!wakeLocks.remove(lock)) {
                return;
            }
            account(afterWork);
            if (wakeLocks.isEmpty()) {
                restartIdleTimer(); // the idle time before deep sleep counts from the end of the work
            }
        });
    }

    /** Module time spent awake (booting or active) since the emulation started. */
    public Duration awake() {
        return scheduler.serialised(() -> awake.total(scheduler.clock().nanoTime()));
    }

    /** Module time spent awake, by reason; the values add up to {@link #awake()}. */
    public Map<AwakeReason, Duration> awakeBreakdown() {
        return scheduler.serialised(() -> awake.breakdown(scheduler.clock().nanoTime()));
    }

    /** What the sleep controller follows of the module's life; the module subscribes it. */
    public ModuleLifecycle lifecycle() {
        return lifecycle;
    }

    /** The boot sequence is done: without a network search the boot time ends now. */
    public void bootCompleted() {
        if (!networkSearching) {
            account(AwakeReason.IDLE);
        }
        restartIdleTimer();
    }

    /**
     * Host data arrived on the UART: it wakes the module from deep sleep (true), or else the
     * awake time counts for the host from now on, except during the boot.
     */
    public boolean hostData() {
        if (scheduler.power() == Power.DEEP_SLEEP) {
            wake(AwakeReason.HOST);
            return true;
        }
        if (awake.current() != AwakeReason.BOOT) {
            account(AwakeReason.HOST);
        }
        return false;
    }

    /** Activity: the idle time before deep sleep counts again from now. */
    public void restartIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel();
        }
        idleTimer = null;
        if (scheduler.power() == Power.ACTIVE && saved.sleepMode() == Bc260yFacts.SLEEP_MODE_DEEP) {
            idleTimer = scheduler.poweredClock().schedule(idleBeforeDeepSleep, this::idleElapsed);
        }
    }

    /** An RTC timer fell due in deep sleep: the module wakes for its task and may sleep again after. */
    public void wakeFor(Runnable task) {
        wake(AwakeReason.TIMER);
        task.run();
        restartIdleTimer();
    }

    private void idleElapsed() {
        idleTimer = null;
        if (networkSearching) {
            return; // the search ends in a registration change, which restarts the idle timer
        }
        if (!wakeLocks.isEmpty()) {
            return; // releasing the last wake lock restarts the idle timer
        }
        awake.stop(scheduler.clock().nanoTime());
        scheduler.enter(Power.DEEP_SLEEP);
        afterWork = AwakeReason.IDLE;
        log.debug("{} deep sleep", imei);
    }

    private void wake(AwakeReason reason) {
        scheduler.enter(Power.ACTIVE);
        awake.start(reason, scheduler.clock().nanoTime());
        if (reason == AwakeReason.TIMER) {
            afterWork = AwakeReason.TIMER; // the idle time after the timer's work is the timer's cost
        }
    }

    /** From now on the awake time counts for {@code reason}, or for the latest wake lock held. */
    private void account(AwakeReason reason) {
        AwakeReason effective = wakeLocks.isEmpty() ? reason : wakeLocks.get(wakeLocks.size() - 1).reason();
        awake.switchTo(effective, scheduler.clock().nanoTime());
    }

    private final class Lifecycle implements ModuleLifecycle {
        @Override
        public void poweredOn() {
            awake.start(AwakeReason.BOOT, scheduler.clock().nanoTime());
        }

        @Override
        public void registrationChanged(NetworkRegistration registration) {
            networkSearching = registration == NetworkRegistration.SEARCHING;
            if (!networkSearching && awake.current() == AwakeReason.BOOT) {
                account(AwakeReason.IDLE); // the network search after boot is over
            }
            restartIdleTimer();
        }

        @Override
        public void powerLost() {
            awake.stop(scheduler.clock().nanoTime());
            wakeLocks.clear();
            afterWork = AwakeReason.IDLE;
            networkSearching = false;
            idleTimer = null;
        }
    }
}
