package dev.selfreg.module;

import dev.selfreg.time.ModuleClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * When the module sleeps and wakes, and what its awake time counts for (docs/power-saving.md,
 * self-registration.md §1, seed chapter 2).
 *
 * <p>With {@code AT+QSCLK=1} the module enters deep sleep once all of these hold: no
 * {@link WakeLock} held (pending work), no network search, the sleep lock time
 * ({@code AT+QCFG="slplocktimes"}) passed since the boot, the last wake-up by the host or an RTC
 * timer and the host's last byte, and the radio lets it ({@link RadioIdle}): in PSM once the
 * granted T3324 ran out after the last network activity, or between eDRX paging windows, or
 * unregistered; and, in BC26-compat, the host does not hold the BC26's sleep lock ({@code AT+SM=LOCK}). Without PSM and eDRX the radio listens for paging on its DRX cycle and the
 * module never deep sleeps. {@code AT+QSCLK=0} and {@code 2} never let it.
 *
 * <p>Deep sleep stops the plain timers ({@link ModuleScheduler}). The module wakes for host
 * data on the UART (unless {@code AT+QCFG="wakeupRXD",0}) or the wake pin
 * ({@link AwakeReason#HOST}), an RTC timer ({@link AwakeReason#TIMER}), a periodic TAU when the
 * granted T3412 runs out ({@link AwakeReason#TAU}), and an eDRX paging window
 * ({@link AwakeReason#PAGING}), and it sleeps again by the same rules. Every network activity
 * (the attach, pending work, a TAU, a new {@code AT+CPSMS} or {@code AT+CEDRXS} request) leaves
 * PSM and starts T3324 and T3412 again when it ends.
 *
 * <p>Pending work holds a wake lock, and the awake time counts for its reason meanwhile. Every
 * awake instant counts for exactly one {@link AwakeReason}; the account is
 * {@link #awakeBreakdown()}. Entering and leaving deep sleep and PSM are lifecycle events
 * ({@link ModuleLifecycle#wentToDeepSleep()} and the rest), which the UART reports to the host.
 *
 * <p>It follows the module's life as a {@link ModuleLifecycle} listener: the account starts at
 * power-on, the end of the network search after boot ends the boot time, a registration starts
 * the radio's idle time, a power cut stops the account and drops every wake lock.
 */
public final class SleepController {

    private static final Logger log = ModuleLog.LOG;

    /** An RTC timer of the radio's own: its wake-up counts for {@code reason}, not for a timer's work. */
    private record RadioWake(AwakeReason reason, Runnable work) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }

    private final ModuleScheduler scheduler;
    private final SavedConfig saved;
    private final ModuleLifecycle listeners;
    private final String imei;
    private final List<WakeLock> wakeLocks = new ArrayList<>();
    private final AwakeTime awake = new AwakeTime();
    private final ModuleLifecycle lifecycle = new Lifecycle();
    private NetworkAttach network;
    /** What the awake time counts for once pending work ends: the wake-up's, after an RTC or radio wake-up. */
    private AwakeReason afterWork = AwakeReason.IDLE;
    /** A network search holds deep sleep off; its end restarts the radio's idle time. */
    private boolean networkSearching;
    private boolean registered;
    /** Until when the sleep lock time keeps the module awake (module nanoseconds). */
    private long lockedUntil;
    /** The radio since its last network activity; null while unregistered or busy. */
    private RadioIdle radio;
    /** Whether the listeners heard of the PSM the radio is in. */
    private boolean psmTold;
    /** {@code AT+QATWAKEUP} (BC26 compat): 1 prints {@code +QATWAKEUP} on a wake-up. In RAM: 0 after a boot. */
    private int wakeUpReport;
    /** {@code AT+QNBIOTEVENT} (BC26 compat): 1 prints the PSM events. In RAM: 0 after a boot. */
    private int psmEventReport;
    /** {@code AT+SM=LOCK} (BC26 compat): the host forbids deep sleep until {@code AT+SM=UNLOCK}. In RAM: off after a boot. */
    private boolean hostSleepLock;
    private ModuleClock.Timer sleepTimer;
    private ModuleClock.Timer lockTimer;
    private ModuleClock.Timer psmTimer;
    private ModuleClock.Timer tauTimer;
    private ModuleClock.Timer pagingTimer;

    public SleepController(ModuleScheduler scheduler, SavedConfig saved, ModuleProfile profile, ModuleLifecycle listeners) {
        this.scheduler = scheduler;
        this.saved = saved;
        this.listeners = listeners;
        this.imei = profile.imei();
    }

    /** The network that grants the PSM and eDRX requested; set once, while the module is assembled. */
    public void requestFrom(NetworkAttach attach) {
        network = attach;
    }

    /** {@code AT+QSCLK}: saved to NVRAM and in force at once. */
    public void setSleepMode(int mode) {
        scheduler.serialised(() -> {
            saved.saveSleepMode(mode);
            considerSleep();
        });
    }

    /**
     * {@code AT+CPSMS}: saved to NVRAM; while registered the module tells the network at once (a
     * TAU, TS 24.301 §5.5.3.2.2), which grants it.
     */
    public void requestPsm(int mode, PsmTimers request) {
        scheduler.serialised(() -> {
            saved.savePsm(mode, request);
            requestPowerSaving();
        });
    }

    /** {@code AT+CEDRXS}: saved to NVRAM and, while registered, granted at once (a TAU). */
    public void requestEdrx(int mode, String value) {
        scheduler.serialised(() -> {
            saved.saveEdrx(mode, value);
            requestPowerSaving();
        });
    }

    /** {@code AT+QCFG="slplocktimes"}: saved, in force from the next boot, wake-up or host byte. */
    public void setSleepLockTime(int seconds) {
        scheduler.serialised(() -> saved.saveSleepLockTime(seconds));
    }

    /** {@code AT+QRELLOCK} (BC26 compat): the host is done, the sleep lock time ends now. */
    public void releaseSleepLock() {
        scheduler.serialised(() -> {
            lockedUntil = scheduler.clock().nanoTime();
            cancel(lockTimer);
            lockEnded();
        });
    }

    /** {@code AT+SM=LOCK} (BC26 compat): no deep sleep until the host unlocks it or the module boots again. */
    public void lockSleepByHost() {
        scheduler.serialised(() -> {
            hostSleepLock = true;
            cancel(sleepTimer);
            sleepTimer = null;
        });
    }

    /** {@code AT+SM=UNLOCK} (BC26 compat): the module may deep sleep again by the usual rules. */
    public void unlockSleepByHost() {
        scheduler.serialised(() -> {
            hostSleepLock = false;
            considerSleep();
        });
    }

    /** Whether the host holds the BC26's sleep lock ({@code AT+SM=LOCK}). */
    public boolean sleepLockedByHost() {
        return scheduler.serialised(() -> hostSleepLock);
    }

    public int wakeUpReport() {
        return scheduler.serialised(() -> wakeUpReport);
    }

    public void setWakeUpReport(int mode) {
        scheduler.serialised(() -> wakeUpReport = mode);
    }

    public int psmEventReport() {
        return scheduler.serialised(() -> psmEventReport);
    }

    public void setPsmEventReport(int mode) {
        scheduler.serialised(() -> psmEventReport = mode);
    }

    /**
     * Takes a wake lock for pending work: no deep sleep until it is released, and the awake
     * time counts for {@code reason} meanwhile. The work is network activity: it leaves PSM.
     */
    public WakeLock holdAwake(AwakeReason reason) {
        return scheduler.serialised(() -> {
            WakeLock lock = new WakeLock(this, reason);
            if (wakeLocks.isEmpty()) {
                radioBusy();
            }
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
                radioIdleFromNow(); // T3324 and T3412 count from the end of the work
                considerSleep();
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

    /** The boot sequence is done: without a network search the boot time ends now; the sleep lock time starts. */
    public void bootCompleted() {
        if (!networkSearching) {
            account(AwakeReason.IDLE);
        }
        lock();
        considerSleep();
    }

    /**
     * {@code length} bytes of host data reached the UART; answers how many of them, from the
     * first, the UART loses. In deep sleep the first byte wakes the module and is lost, or, with
     * {@code AT+QCFG="wakeupRXD",0}, all are lost and the module sleeps on. Awake, the awake time
     * counts for the host from now on (except during the boot), and the sleep lock time starts again.
     */
    public int hostData(int length) {
        if (length == 0) {
            return 0;
        }
        if (scheduler.power() == Power.DEEP_SLEEP) {
            if (saved.wakeupRxd() == 0) {
                return length;
            }
            log.debug("{} woken by host data; its first byte is lost", imei);
            wake(AwakeReason.HOST);
            lock();
            considerSleep();
            return 1;
        }
        if (awake.current() != AwakeReason.BOOT) {
            account(AwakeReason.HOST);
        }
        lock();
        considerSleep();
        return 0;
    }

    /** A falling edge on PSM_EINT: it wakes the module from deep sleep and starts the sleep lock time. */
    public void wakePin() {
        if (scheduler.power() == Power.DEEP_SLEEP) {
            wake(AwakeReason.HOST);
        } else if (scheduler.power() != Power.ACTIVE) {
            return;
        }
        lock();
        considerSleep();
    }

    /**
     * An RTC timer fell due in deep sleep: the module wakes for its task and may sleep again
     * after; the sleep lock time gives a timer's work time to take a wake lock.
     */
    public void wakeFor(Runnable task) {
        AwakeReason reason = task instanceof RadioWake radioWake ? radioWake.reason() : AwakeReason.TIMER;
        wake(reason);
        if (reason == AwakeReason.TIMER) {
            lock();
        }
        task.run();
        considerSleep();
    }

    private void wake(AwakeReason reason) {
        scheduler.enter(Power.ACTIVE);
        awake.start(reason, scheduler.clock().nanoTime());
        cancel(pagingTimer);
        pagingTimer = null;
        if (reason != AwakeReason.HOST) {
            afterWork = reason; // the time after the wake-up's work is the wake-up's cost
        }
        listeners.wokeUp(reason);
        notePsm();
    }

    /** The sleep lock time starts now. */
    private void lock() {
        long now = scheduler.clock().nanoTime();
        lockedUntil = now + saved.sleepLockTime().toNanos();
        cancel(lockTimer);
        lockTimer = scheduler.poweredClock().schedule(Duration.ofNanos(lockedUntil - now), this::lockEnded);
    }

    /** The host's time is over: the awake time counts for what comes after the wake-up again. */
    private void lockEnded() {
        lockTimer = null;
        if (wakeLocks.isEmpty() && awake.current() == AwakeReason.HOST) {
            account(afterWork);
        }
        considerSleep();
    }

    /** A new PSM or eDRX request: the network hears it at once when registered (a TAU). */
    private void requestPowerSaving() {
        tellNetwork();
        if (registered && wakeLocks.isEmpty()) {
            radioBusy();
            radioIdleFromNow();
        }
        considerSleep();
    }

    /** What NVRAM says to request: PSM with {@code AT+CPSMS} mode 1, eDRX with {@code AT+CEDRXS} mode 1 or 2. */
    private void tellNetwork() {
        network.requestPowerSaving(
                saved.psmMode() == 1 ? Optional.of(saved.psmRequest()) : Optional.empty(),
                saved.edrxMode() != 0 ? Optional.of(saved.edrxRequest()) : Optional.empty());
    }

    /** The periodic TAU (T3412 ran out): a network exchange that ends at once (Interpretation). */
    private void periodicTau() {
        tauTimer = null;
        log.debug("{} periodic TAU", imei);
        radioBusy();
        radioIdleFromNow();
        considerSleep();
    }

    /** An eDRX paging window began: the module listens until it ends, then may sleep again. */
    private void pagingWindow() {
        pagingTimer = null;
        considerSleep();
    }

    /** Network activity begins: the radio leaves PSM, T3324 and T3412 stop. */
    private void radioBusy() {
        notePsm();
        if (psmTold) {
            psmTold = false;
            listeners.leftPsm();
        }
        radio = null;
        cancel(psmTimer);
        cancel(tauTimer);
        psmTimer = null;
        tauTimer = null;
    }

    /** Network activity ended: the radio is idle from now with what the network granted, T3324 and T3412 start. */
    private void radioIdleFromNow() {
        radioBusy();
        if (!registered) {
            return;
        }
        Optional<PsmTimers> psm = network.grantedPsmTimers();
        radio = new RadioIdle(scheduler.clock().nanoTime(), psm.flatMap(PsmTimers::t3324), network.grantedEdrx());
        psm.flatMap(PsmTimers::t3324).ifPresent(t3324 -> psmTimer = scheduler.poweredClock().schedule(t3324, this::notePsm));
        psm.flatMap(PsmTimers::t3412).ifPresent(t3412 ->
                tauTimer = scheduler.rtcClock().schedule(t3412, new RadioWake(AwakeReason.TAU, this::periodicTau)));
    }

    /** Tells the listeners of the PSM the radio entered, once it is awake to tell. */
    private void notePsm() {
        if (radio != null && !psmTold && radio.inPsm(scheduler.clock().nanoTime()) && scheduler.power() == Power.ACTIVE) {
            psmTold = true;
            listeners.enteredPsm();
        }
    }

    /** Schedules deep sleep for the first instant everything lets it, if one comes. */
    private void considerSleep() {
        cancel(sleepTimer);
        sleepTimer = null;
        if (scheduler.power() != Power.ACTIVE || saved.sleepMode() != Bc260yFacts.SLEEP_MODE_DEEP || networkSearching
                || !wakeLocks.isEmpty() || hostSleepLock) {
            return; // whatever ends these considers sleep again
        }
        long now = scheduler.clock().nanoTime();
        long from = Math.max(now, lockedUntil);
        if (radio != null) {
            from = radio.deepSleepFrom(from);
        }
        if (from != Long.MAX_VALUE) {
            sleepTimer = scheduler.poweredClock().schedule(Duration.ofNanos(from - now), this::sleepIfStillQuiet);
        }
    }

    private void sleepIfStillQuiet() {
        sleepTimer = null;
        long now = scheduler.clock().nanoTime();
        if (now < lockedUntil || (radio != null && radio.deepSleepFrom(now) != now)) {
            considerSleep();
            return;
        }
        notePsm();
        awake.stop(now);
        listeners.wentToDeepSleep();
        scheduler.enter(Power.DEEP_SLEEP);
        afterWork = AwakeReason.IDLE;
        if (radio != null) {
            radio.nextPagingWindow(now).ifPresent(start -> pagingTimer = scheduler.rtcClock()
                    .schedule(Duration.ofNanos(start - now), new RadioWake(AwakeReason.PAGING, this::pagingWindow)));
        }
        log.debug("{} deep sleep", imei);
    }

    /** From now on the awake time counts for {@code reason}, or for the latest wake lock held. */
    private void account(AwakeReason reason) {
        AwakeReason effective = wakeLocks.isEmpty() ? reason : wakeLocks.get(wakeLocks.size() - 1).reason();
        awake.switchTo(effective, scheduler.clock().nanoTime());
    }

    private static void cancel(ModuleClock.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private final class Lifecycle implements ModuleLifecycle {
        @Override
        public void poweredOn() {
            awake.start(AwakeReason.BOOT, scheduler.clock().nanoTime());
        }

        /** The running boot asks the network for what NVRAM says; the compat reports start off. */
        @Override
        public void booted() {
            wakeUpReport = 0;
            psmEventReport = 0;
            hostSleepLock = false;
            tellNetwork();
        }

        @Override
        public void registrationChanged(NetworkRegistration registration) {
            networkSearching = registration == NetworkRegistration.SEARCHING;
            registered = registration == NetworkRegistration.REGISTERED;
            if (!networkSearching && awake.current() == AwakeReason.BOOT) {
                account(AwakeReason.IDLE); // the network search after boot is over
            }
            radioIdleFromNow(); // an attach is network activity; unregistered, the radio is off
            considerSleep();
        }

        @Override
        public void powerLost() {
            awake.stop(scheduler.clock().nanoTime());
            wakeLocks.clear();
            afterWork = AwakeReason.IDLE;
            networkSearching = false;
            registered = false;
            lockedUntil = 0;
            hostSleepLock = false;
            radio = null;
            psmTold = false;
            sleepTimer = null;
            lockTimer = null;
            psmTimer = null;
            tauTimer = null;
            pagingTimer = null;
        }
    }
}
