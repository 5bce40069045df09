package dev.selfreg.module;

import dev.selfreg.time.ModuleClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The module's one thread of events and its timers, with the power state that gates them.
 *
 * <p><b>Serialised.</b> The real firmware handles one event at a time, so every entry point of
 * the emulated module (host bytes, timers, received datagrams, control operations) runs
 * {@link #serialised} here, as Californium runs an endpoint's work on a serial executor. Every
 * timer is a module timer on the {@link ModuleClock}, and its task runs serialised too.
 *
 * <p><b>Power gating.</b> The power state lives here because it decides which timers run. A
 * power cut ({@link Power#OFF}) stops every timer and schedules nothing new. Deep sleep stops
 * the plain timers ({@link #poweredClock()}) and refuses new ones, as the radio and the CPU are
 * off then; RTC timers ({@link #rtcClock()}) keep running, and one that falls due in deep sleep
 * runs through the {@link RtcWakeup} (the {@link SleepController}), which wakes the module for
 * it and lets it sleep again afterwards.
 */
public final class ModuleScheduler {

    /** How a timer behaves in deep sleep. */
    private enum WakeSource {
        /** Stopped by deep sleep, like every timer but the RTC ones. */
        NONE,
        /** An RTC timer: survives deep sleep and wakes the module when due. */
        RTC
    }

    /** Wakes the module from deep sleep to run an RTC timer's task, and lets it sleep again after. */
    @FunctionalInterface
    public interface RtcWakeup {
        void wakeFor(Runnable task);
    }

    private final Object lock = new Object();
    private final ModuleClock clock;
    private final ModuleClock poweredClock = new GatedClock(WakeSource.NONE);
    private final ModuleClock rtcClock = new GatedClock(WakeSource.RTC);
    private final List<ModuleTimer> timers = new ArrayList<>();
    private Power power = Power.OFF;
    private RtcWakeup wakeup = Runnable::run;

    /** A scheduler on {@code clock}, for a module that is off. */
    public ModuleScheduler(ModuleClock clock) {
        this.clock = clock;
    }

    /** Runs {@code work} serialised with every other entry point of the module. */
    public void serialised(Runnable work) {
        synchronized (lock) {
            work.run();
        }
    }

    /** Computes {@code work} serialised with every other entry point of the module. */
    public <T> T serialised(Supplier<T> work) {
        synchronized (lock) {
            return work.get();
        }
    }

    /** The clock the module's time comes from; timers on it are not module timers. */
    public ModuleClock clock() {
        return clock;
    }

    /**
     * Module time for the module's own work: timers on it are module timers, stopped by a power
     * cut and by deep sleep (so never a wake source). Scheduling while off or asleep schedules
     * nothing.
     */
    public ModuleClock poweredClock() {
        return poweredClock;
    }

    /**
     * Module time for the module's RTC timers (the CMDMP update timer): they survive deep sleep
     * and wake the module when due, which then may sleep again once its work is done; a power
     * cut stops them. Scheduling while the module is off schedules nothing.
     */
    public ModuleClock rtcClock() {
        return rtcClock;
    }

    public Power power() {
        return serialised(() -> power);
    }

    /**
     * Enters {@code next}: {@link Power#OFF} stops every timer, {@link Power#DEEP_SLEEP} the
     * plain ones. Called serialised, by the boot sequence and the sleep controller.
     */
    public void enter(Power next) {
        power = next;
        if (next == Power.OFF || next == Power.DEEP_SLEEP) {
            for (ModuleTimer timer : List.copyOf(timers)) {
                if (next == Power.OFF || timer.wakeSource == WakeSource.NONE) {
                    timer.cancel();
                }
            }
        }
    }

    /** Who wakes the module when an RTC timer falls due in deep sleep; by default nobody needs to. */
    public void wakeUpWith(RtcWakeup wakeup) {
        this.wakeup = wakeup;
    }

    /** A module timer: serialised with everything else, gated by the power state. */
    private final class ModuleTimer implements Runnable, ModuleClock.Timer {
        final WakeSource wakeSource;
        final Runnable task;
        ModuleClock.Timer clockTimer;

        ModuleTimer(WakeSource wakeSource, Runnable task) {
            this.wakeSource = wakeSource;
            this.task = task;
        }

        @Override
        public void run() {
            synchronized (lock) {
                if (!timers.remove(this)) {
                    return; // cancelled while the clock was already running it
                }
                if (power == Power.DEEP_SLEEP) {
                    wakeup.wakeFor(task);
                } else {
                    task.run();
                }
            }
        }

        @Override
        public boolean cancel() {
            synchronized (lock) {
                timers.remove(this);
                return clockTimer.cancel();
            }
        }

        @Override
        public long dueNanos() {
            return clockTimer.dueNanos();
        }
    }

    /** Module time whose timers are module timers of one {@link WakeSource}. */
    private final class GatedClock implements ModuleClock {
        private final WakeSource wakeSource;

        GatedClock(WakeSource wakeSource) {
            this.wakeSource = wakeSource;
        }

        @Override
        public long nanoTime() {
            return clock.nanoTime();
        }

        @Override
        public Timer schedule(Duration delay, Runnable task) {
            synchronized (lock) {
                if (power == Power.OFF || (power == Power.DEEP_SLEEP && wakeSource == WakeSource.NONE)) {
                    return new Refused(clock.nanoTime() + delay.toNanos());
                }
                ModuleTimer timer = new ModuleTimer(wakeSource, task);
                timers.add(timer);
                timer.clockTimer = clock.schedule(delay, timer);
                return timer;
            }
        }

        @Override
        public boolean isVirtual() {
            return clock.isVirtual();
        }
    }

    /** A timer the power state did not let run: it never will. */
    private record Refused(long dueNanos) implements ModuleClock.Timer {
        @Override
        public boolean cancel() {
            return false;
        }
    }
}
