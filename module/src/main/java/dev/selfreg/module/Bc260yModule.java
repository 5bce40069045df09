package dev.selfreg.module;

import dev.selfreg.at.AtEngine;
import dev.selfreg.module.at.Bc260yCommands;
import dev.selfreg.module.ct.CtAgent;
import dev.selfreg.module.dm.DmAgent;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.ModuleNetwork;
import dev.selfreg.nvram.NvramStore;
import dev.selfreg.time.ModuleClock;
import dev.selfreg.time.VirtualClock;
import dev.selfreg.vocabulary.DmState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulated Quectel BC260Y-CN: power, boot, SIM, radio, attach, sleep and the AT interface,
 * with its settings in NVRAM and its running configuration copied from NVRAM at each boot, its
 * network (a {@link ModuleNetwork} on a {@link LabNetwork}) and its carrier
 * self-registrations: China Telecom ({@link CtAgent}) and China Mobile CMDMP ({@link DmAgent}).
 * Every entry point (host bytes, timers, received datagrams, control operations) is serialised on
 * the module, as the real firmware handles one event at a time; every timer runs on the
 * {@link ModuleClock}.
 *
 * <p>Pending work (a DNS lookup, an open CoAP exchange) holds a {@link WakeLock}: the module
 * does not enter deep sleep while one is held, and its awake time is accounted by
 * {@link AwakeReason}. Deep sleep stops every timer but the RTC ones ({@link #rtcClock()}),
 * which wake the module when due.
 */
public final class Bc260yModule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Bc260yModule.class);

    /** How a timer behaves in deep sleep. */
    private enum WakeSource {
        /** Stopped by deep sleep, like every timer but the RTC ones. */
        NONE,
        /** An RTC timer: survives deep sleep and wakes the module when due. */
        RTC
    }

    private final ModuleClock clock;
    private final ModuleClock poweredClock = new TimerClock(WakeSource.NONE);
    private final ModuleClock rtcClock = new TimerClock(WakeSource.RTC);
    private final SavedConfig saved;
    private final AtEngine<Bc260yModule> at;
    private final List<ModuleTimer> timers = new ArrayList<>();
    private final List<WakeLock> wakeLocks = new ArrayList<>();
    private final AwakeTime awake = new AwakeTime();
    private final ModuleNetwork network;
    private final CtAgent ct;
    private final DmAgent dm;
    private ModuleProfile profile;
    private Optional<Sim> simInSlot;
    private Optional<Sim> sim = Optional.empty();
    private AtEngine.Output host = bytes -> { };
    private Power power = Power.OFF;
    private RunningConfig running;
    private int radio;
    private NetworkRegistration registration = NetworkRegistration.NOT_REGISTERED;
    private int ceregReporting;
    private boolean attachedThisBoot;
    /** What the awake time counts for once pending work ends: the timer's, after an RTC wake-up. */
    private AwakeReason afterWork = AwakeReason.IDLE;
    private ModuleTimer idleTimer;
    private ModuleTimer attachTimer;

    /** A unit on an isolated network: nothing it sends reaches anybody, no name resolves. */
    public Bc260yModule(ModuleProfile profile, ModuleClock clock, NvramStore nvram) {
        this(profile, clock, nvram, LabNetwork.isolated());
    }

    /**
     * A unit whose radio network is {@code lab}. On a {@link VirtualClock} its network is
     * registered as a quiescence, so advancing the clock waits for real answers in flight.
     */
    public Bc260yModule(ModuleProfile profile, ModuleClock clock, NvramStore nvram, LabNetwork lab) {
        this.profile = profile;
        this.clock = clock;
        this.simInSlot = profile.sim();
        this.saved = new SavedConfig(nvram, profile);
        // seeded by the IMEI: reproducible runs, and units of a fleet that differ from each other
        this.network = new ModuleNetwork(lab, poweredClock, Long.parseLong(profile.imei()), profile.imei());
        if (clock instanceof VirtualClock virtual) {
            virtual.addQuiescence(network);
        }
        this.ct = new CtAgent(this);
        this.dm = new DmAgent(this);
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
            wake(AwakeReason.HOST);
            at.urc("+QATWAKEUP");
        } else if (awake.current() != AwakeReason.BOOT) {
            account(AwakeReason.HOST);
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
        awake.start(AwakeReason.BOOT, clock.nanoTime());
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
        awake.stop(clock.nanoTime());
        power = Power.OFF;
        for (ModuleTimer timer : List.copyOf(timers)) {
            timer.cancel();
        }
        ct.powerLost();
        dm.powerLost();
        network.reset();
        wakeLocks.clear();
        afterWork = AwakeReason.IDLE;
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
        attachedThisBoot = false;
        power = Power.ACTIVE;
        network.routeConfigured(LabService.DM, running.dm().server());
        ct.booted();
        at.urc("RDY");
        log.info("{} booted {} with {}", profile.imei(), profile.firmware(),
                sim.map(card -> "SIM " + card.imsi()).orElse("no SIM"));
        startAttach();
        if (registration != NetworkRegistration.SEARCHING) {
            account(AwakeReason.IDLE); // no network search: the boot is over
        }
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
        if (next != NetworkRegistration.SEARCHING && awake.current() == AwakeReason.BOOT) {
            account(AwakeReason.IDLE);
        }
        if (power == Power.ACTIVE) {
            restartIdleTimer();
        }
        if (next == NetworkRegistration.REGISTERED && power == Power.ACTIVE && !attachedThisBoot) {
            attachedThisBoot = true; // the boot-time registrations start once per boot, never after a wake-up
            ct.attached();
            dm.attached();
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
        if (power == Power.ACTIVE && saved.sleepMode() == Bc260yFacts.SLEEP_MODE_DEEP) {
            idleTimer = schedule(profile.idleBeforeDeepSleep(), WakeSource.NONE, this::idleElapsed);
        }
    }

    private void idleElapsed() {
        idleTimer = null;
        if (registration == NetworkRegistration.SEARCHING) {
            return; // the attach ends in a registration change, which restarts the idle timer
        }
        if (!wakeLocks.isEmpty()) {
            return; // releasing the last wake lock restarts the idle timer
        }
        enterDeepSleep();
    }

    private void enterDeepSleep() {
        awake.stop(clock.nanoTime());
        power = Power.DEEP_SLEEP;
        afterWork = AwakeReason.IDLE;
        for (ModuleTimer timer : List.copyOf(timers)) {
            if (timer.wakeSource == WakeSource.NONE) {
                timer.cancel();
            }
        }
        log.debug("{} deep sleep", profile.imei());
    }

    private void wake(AwakeReason reason) {
        power = Power.ACTIVE;
        awake.start(reason, clock.nanoTime());
        if (reason == AwakeReason.TIMER) {
            afterWork = AwakeReason.TIMER; // the idle time after the timer's work is the timer's cost
        }
    }

    // ---- pending work and the awake-time account ----------------------------------------------

    /**
     * Takes a wake lock for pending work: no deep sleep until it is released, and the awake
     * time counts for {@code reason} meanwhile.
     */
    public synchronized WakeLock holdAwake(AwakeReason reason) {
        WakeLock lock = new WakeLock(this, reason);
        wakeLocks.add(lock);
        account(reason);
        return lock;
    }

    synchronized void release(WakeLock lock) {
        if (!wakeLocks.remove(lock)) {
            return;
        }
        account(afterWork);
        if (wakeLocks.isEmpty()) {
            restartIdleTimer(); // the idle time before deep sleep counts from the end of the work
        }
    }

    /** From now on the awake time counts for {@code reason}, or for the latest wake lock held. */
    private void account(AwakeReason reason) {
        AwakeReason effective = wakeLocks.isEmpty() ? reason : wakeLocks.get(wakeLocks.size() - 1).reason();
        awake.switchTo(effective, clock.nanoTime());
    }

    // ---- timers ---------------------------------------------------------------------------

    /** A module timer: serialised with everything else, dropped at power cut. */
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
            synchronized (Bc260yModule.this) {
                if (!timers.remove(this)) {
                    return; // cancelled while the clock was already running it
                }
                boolean wokeUp = power == Power.DEEP_SLEEP;
                if (wokeUp) {
                    wake(AwakeReason.TIMER);
                }
                task.run();
                if (wokeUp) {
                    restartIdleTimer(); // after its work the module may sleep again
                }
            }
        }

        @Override
        public boolean cancel() {
            synchronized (Bc260yModule.this) {
                timers.remove(this);
                return clockTimer.cancel();
            }
        }

        @Override
        public long dueNanos() {
            return clockTimer.dueNanos();
        }
    }

    /**
     * A clock the module's network and agents use: module time, with timers that are module
     * timers of one {@link WakeSource}, serialised with everything else and stopped by a power
     * cut. Plain timers are stopped by deep sleep too, which also refuses new ones, as the radio
     * is off then; RTC timers keep running and wake the module.
     */
    private final class TimerClock implements ModuleClock {
        private final WakeSource wakeSource;

        TimerClock(WakeSource wakeSource) {
            this.wakeSource = wakeSource;
        }

        @Override
        public long nanoTime() {
            return clock.nanoTime();
        }

        @Override
        public Timer schedule(Duration delay, Runnable task) {
            synchronized (Bc260yModule.this) {
                if (power == Power.OFF || (power == Power.DEEP_SLEEP && wakeSource == WakeSource.NONE)) {
                    long due = clock.nanoTime() + delay.toNanos();
                    return new Timer() {
                        @Override
                        public boolean cancel() {
                            return false;
                        }

                        @Override
                        public long dueNanos() {
                            return due;
                        }
                    };
                }
                return Bc260yModule.this.schedule(delay, wakeSource, task);
            }
        }

        @Override
        public boolean isVirtual() {
            return clock.isVirtual();
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

    /** Commands the AT engine answered {@code ERROR} because of a bug in a handler; 0 in a healthy emulator. */
    public synchronized long atInternalErrors() {
        return at.internalErrors();
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

    /** The {@code <DMstate>} of {@code AT+QDMPCFG=6}: the CMDMP agent's {@link DmState#code()}. */
    public synchronized int dmState() {
        return dm.state().code();
    }

    public ModuleClock clock() {
        return clock;
    }

    /**
     * Module time for the module's own work: timers on it are module timers, stopped by a power
     * cut and by deep sleep (so never a wake source).
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

    /** The module's network: its DNS, its sockets to the lab, its injected faults. */
    public ModuleNetwork network() {
        return network;
    }

    /** The China Telecom self-registration of this unit. */
    public CtAgent ct() {
        return ct;
    }

    /** The China Mobile CMDMP self-registration of this unit. */
    public DmAgent dm() {
        return dm;
    }

    /** Module time spent awake (booting or active) since the emulation started. */
    public synchronized Duration awake() {
        return awake.total(clock.nanoTime());
    }

    /** Module time spent awake, by reason; the values add up to {@link #awake()}. */
    public synchronized Map<AwakeReason, Duration> awakeBreakdown() {
        return awake.breakdown(clock.nanoTime());
    }

    /** A snapshot for the control API. */
    public synchronized ModuleStatus status() {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        awakeBreakdown().forEach((reason, time) -> breakdown.put(reason.label(), seconds(time)));
        return new ModuleStatus(profile.imei(), sim.map(Sim::imsi).orElse(null), sim.map(Sim::iccid).orElse(null),
                profile.firmware(), power.label(), seconds(clock.elapsed()), ct.status(), dmState(), seconds(awake()),
                breakdown);
    }

    /** Closes the module's sockets; the unit is not used afterwards. */
    @Override
    public void close() {
        if (clock instanceof VirtualClock virtual) {
            virtual.removeQuiescence(network);
        }
        synchronized (this) {
            network.close();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
