package dev.selfreg.module;

import dev.selfreg.at.AtEngine;
import dev.selfreg.module.at.Bc260yCommands;
import dev.selfreg.nvram.NvramStore;
import dev.selfreg.time.ModuleClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulated Quectel BC260Y-CN: power, boot, SIM, radio, attach, sleep and the AT interface,
 * with its settings in NVRAM and its running configuration copied from NVRAM at each boot.
 * Every entry point (host bytes, timers, control operations) is serialised on the module, as
 * the real firmware handles one event at a time; every timer runs on the {@link ModuleClock}.
 */
public final class Bc260yModule {

    private static final Logger log = LoggerFactory.getLogger(Bc260yModule.class);

    /** How a timer behaves in deep sleep. */
    private enum WakeSource {
        /** Stopped by deep sleep, like every timer but the RTC ones. */
        NONE,
        /** An RTC timer: survives deep sleep and wakes the module when due. */
        RTC
    }

    private final ModuleClock clock;
    private final SavedConfig saved;
    private final AtEngine<Bc260yModule> at;
    private final List<ModuleTimer> timers = new ArrayList<>();
    private ModuleProfile profile;
    private Optional<Sim> simInSlot;
    private Optional<Sim> sim = Optional.empty();
    private AtEngine.Output host = bytes -> { };
    private Power power = Power.OFF;
    private RunningConfig running;
    private int radio;
    private NetworkRegistration registration = NetworkRegistration.NOT_REGISTERED;
    private int ceregReporting;
    private int dmState;
    private long awakeNanos;
    private long awakeSince;
    private ModuleTimer idleTimer;
    private ModuleTimer attachTimer;

    public Bc260yModule(ModuleProfile profile, ModuleClock clock, NvramStore nvram) {
        this.profile = profile;
        this.clock = clock;
        this.simInSlot = profile.sim();
        this.saved = new SavedConfig(nvram, profile);
        this.at = new AtEngine<>(Bc260yCommands.all(), this, bytes -> host.write(bytes));
        this.at.setTrace((line, response, reason) -> {
            if (reason != null) {
                log.debug("{} AT{} -> error: {}", profile.imei(), line, reason);
            }
        });
        nvram.openReport().ifPresent(report -> log.warn("{}: {}", profile.imei(), report));
    }

    // ---- the UART -------------------------------------------------------------------------

    /** Connects the host side of the UART; what the module sends goes there until replaced. */
    public synchronized void connectHost(AtEngine.Output output) {
        host = output;
    }

    /** Disconnects the host: the module keeps talking, nobody listens. */
    public synchronized void disconnectHost() {
        host = bytes -> { };
    }

    /**
     * Bytes from the host. Lost while the module is off or booting; in deep sleep they wake it
     * ({@code +QATWAKEUP}) and are then answered.
     */
    public synchronized void receiveFromHost(byte[] data, int offset, int length) {
        if (power == Power.OFF || power == Power.BOOTING) {
            return;
        }
        if (power == Power.DEEP_SLEEP) {
            wake();
            at.urc("+QATWAKEUP");
        }
        at.receive(data, offset, length);
        if (power == Power.ACTIVE) {
            restartIdleTimer();
        }
    }

    // ---- power ----------------------------------------------------------------------------

    /** Applies power: the module boots and prints {@code RDY}. */
    public synchronized void powerOn() {
        if (power != Power.OFF) {
            return;
        }
        power = Power.BOOTING;
        awakeSince = clock.nanoTime();
        at.reset();
        if (profile.bootTime().isZero()) {
            completeBoot();
        } else {
            schedule(profile.bootTime(), WakeSource.NONE, this::completeBoot);
        }
    }

    /** Cuts power at this instant: timers stop, running state is lost, NVRAM stays. */
    public synchronized void powerCut() {
        if (power == Power.OFF) {
            return;
        }
        if (power != Power.DEEP_SLEEP) {
            awakeNanos += clock.nanoTime() - awakeSince;
        }
        power = Power.OFF;
        for (ModuleTimer timer : List.copyOf(timers)) {
            timer.cancel();
        }
        registration = NetworkRegistration.NOT_REGISTERED;
        running = null;
    }

    /** Power cut and power on. */
    public synchronized void powerCycle() {
        powerCut();
        powerOn();
    }

    /** A software reset ({@code AT+QRST=1}): a boot like any other. */
    public synchronized void reboot() {
        powerCycle();
    }

    /** A firmware upgrade over the air: the new image is installed, then the module boots it. */
    public synchronized void upgradeFirmware(String version) {
        powerCut();
        profile = profile.withFirmware(version);
        powerOn();
    }

    /** Puts a card in the slot (or takes it out): the module reads it at its next boot. */
    public synchronized void changeSim(Optional<Sim> card) {
        simInSlot = card;
    }

    private void completeBoot() {
        sim = simInSlot;
        applyFirmwareChange();
        running = saved.toRunning();
        radio = 1;
        ceregReporting = 0;
        dmState = 0;
        power = Power.ACTIVE;
        at.urc("RDY");
        log.info("{} booted {} with {}", profile.imei(), profile.firmware(),
                sim.map(card -> "SIM " + card.imsi()).orElse("no SIM"));
        startAttach();
        restartIdleTimer();
    }

    /** The FOTA note of seed 3.2.1: A03 with QSREGENABLE=1 upgraded to A04+ reads back 3. */
    private void applyFirmwareChange() {
        Optional<String> before = saved.bootedFirmware();
        if (before.isPresent() && !before.get().equals(profile.firmware())
                && FirmwareVersion.isFotaNoteUpgrade(before.get(), profile.firmware())
                && saved.qsregenable() == 1) {
            saved.saveQsregenable(Bc260yFacts.QSREGENABLE_AFTER_FOTA);
        }
        if (!before.equals(Optional.of(profile.firmware()))) {
            saved.saveBootedFirmware(profile.firmware());
        }
    }

    // ---- radio and attach -----------------------------------------------------------------

    /** {@code AT+CFUN}: 1 radio on (attach), 0 radio off (detach). */
    public synchronized void setRadio(int fun) {
        radio = fun;
        if (fun == 0) {
            cancel(attachTimer);
            setRegistration(NetworkRegistration.NOT_REGISTERED);
        } else if (registration == NetworkRegistration.NOT_REGISTERED) {
            startAttach();
        }
    }

    private void startAttach() {
        if (radio != 1 || sim.isEmpty()) {
            setRegistration(NetworkRegistration.NOT_REGISTERED);
            return;
        }
        setRegistration(NetworkRegistration.SEARCHING);
        attachTimer = schedule(profile.attachTime(), WakeSource.NONE,
                () -> setRegistration(NetworkRegistration.REGISTERED));
    }

    private void setRegistration(NetworkRegistration next) {
        if (next == registration) {
            return;
        }
        registration = next;
        if (ceregReporting == 1 && power == Power.ACTIVE) {
            at.urc("+CEREG: " + next.stat());
        }
        if (power == Power.ACTIVE) {
            restartIdleTimer();
        }
    }

    // ---- sleep ----------------------------------------------------------------------------

    /** {@code AT+QSCLK}: saved to NVRAM and in force at once. */
    public synchronized void setSleepMode(int mode) {
        saved.saveSleepMode(mode);
        restartIdleTimer();
    }

    private void restartIdleTimer() {
        cancel(idleTimer);
        idleTimer = null;
        if (power == Power.ACTIVE && saved.sleepMode() == 1) {
            idleTimer = schedule(profile.idleBeforeDeepSleep(), WakeSource.NONE, this::idleElapsed);
        }
    }

    private void idleElapsed() {
        idleTimer = null;
        if (registration == NetworkRegistration.SEARCHING) {
            return; // the attach ends in a registration change, which restarts the idle timer
        }
        enterDeepSleep();
    }

    private void enterDeepSleep() {
        awakeNanos += clock.nanoTime() - awakeSince;
        power = Power.DEEP_SLEEP;
        for (ModuleTimer timer : List.copyOf(timers)) {
            if (timer.wakeSource == WakeSource.NONE) {
                timer.cancel();
            }
        }
        log.debug("{} deep sleep", profile.imei());
    }

    private void wake() {
        power = Power.ACTIVE;
        awakeSince = clock.nanoTime();
    }

    // ---- timers ---------------------------------------------------------------------------

    /** A module timer: serialised with everything else, dropped at power cut. */
    private final class ModuleTimer implements Runnable {
        final WakeSource wakeSource;
        final Runnable task;
        ModuleClock.Timer clockTimer;

        ModuleTimer(WakeSource wakeSource, Runnable task) {
            this.wakeSource = wakeSource;
            this.task = task;
        }

        @Override
        public void run() {
            synchronized (Bc260yModule.this) {
                if (!timers.remove(this)) {
                    return; // cancelled while the clock was already running it
                }
                if (power == Power.DEEP_SLEEP) {
                    wake();
                }
                task.run();
            }
        }

        void cancel() {
            timers.remove(this);
            clockTimer.cancel();
        }
    }

    private ModuleTimer schedule(Duration delay, WakeSource wakeSource, Runnable task) {
        ModuleTimer timer = new ModuleTimer(wakeSource, task);
        timers.add(timer);
        timer.clockTimer = clock.schedule(delay, timer);
        return timer;
    }

    private static void cancel(ModuleTimer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    // ---- what the AT commands and the control API read --------------------------------------

    public synchronized ModuleProfile profile() {
        return profile;
    }

    public SavedConfig saved() {
        return saved;
    }

    /** The configuration of the current boot; empty while the module is off. */
    public synchronized Optional<RunningConfig> running() {
        return Optional.ofNullable(running);
    }

    /** The SIM read at the last boot. */
    public synchronized Optional<Sim> sim() {
        return sim;
    }

    public synchronized Power power() {
        return power;
    }

    public synchronized int radio() {
        return radio;
    }

    public synchronized NetworkRegistration registration() {
        return registration;
    }

    public synchronized int ceregReporting() {
        return ceregReporting;
    }

    public synchronized void setCeregReporting(int mode) {
        ceregReporting = mode;
    }

    /** The {@code <DMstate>} of {@code AT+QDMPCFG=6}. */
    public synchronized int dmState() {
        return dmState;
    }

    public ModuleClock clock() {
        return clock;
    }

    /** Module time spent awake (booting or active) since the emulation started. */
    public synchronized Duration awake() {
        long current = power == Power.BOOTING || power == Power.ACTIVE ? clock.nanoTime() - awakeSince : 0;
        return Duration.ofNanos(awakeNanos + current);
    }

    /** A snapshot for the control API. */
    public synchronized ModuleStatus status() {
        return new ModuleStatus(profile.imei(), sim.map(Sim::imsi).orElse(null), sim.map(Sim::iccid).orElse(null),
                profile.firmware(), power.label(), seconds(clock.elapsed()), dmState, seconds(awake()));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
