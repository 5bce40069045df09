package dev.selfreg.module.emulator;

import dev.selfreg.at.AtEngine;
import dev.selfreg.module.AgentContext;
import dev.selfreg.module.AwakeReason;
import dev.selfreg.module.ModuleLifecycle;
import dev.selfreg.module.ModuleLog;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.ModuleScheduler;
import dev.selfreg.module.ModuleStatus;
import dev.selfreg.module.NetworkAttach;
import dev.selfreg.module.Power;
import dev.selfreg.module.Rtc;
import dev.selfreg.module.RunningConfig;
import dev.selfreg.module.SavedConfig;
import dev.selfreg.module.Sim;
import dev.selfreg.module.SleepController;
import dev.selfreg.module.at.Bc260yCommands;
import dev.selfreg.module.ct.CtAgent;
import dev.selfreg.module.dm.DmAgent;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.module.network.ModuleNetwork;
import dev.selfreg.nvram.NvramStore;
import dev.selfreg.time.ModuleClock;
import dev.selfreg.time.VirtualClock;
import dev.selfreg.vocabulary.DmState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulated Quectel BC260Y-CN, as the world outside it sees it: the host's UART, power, the
 * SIM slot, firmware upgrades and what the control API reports. It assembles the module from
 * its parts and holds nothing of its own:
 *
 * <ul>
 *   <li>{@link ModuleScheduler}: every entry point serialised, the module's timers, gated by the
 *       power state (a power cut stops them all, deep sleep the plain ones, RTC timers wake it);
 *   <li>{@link SleepController}: the idle time, deep sleep and waking, wake locks, the awake-time
 *       account by {@link AwakeReason};
 *   <li>{@link NetworkAttach}: the radio, the EPS registration and its {@code +CEREG} reports;
 *   <li>the boot sequence, with the SIM and the {@link RunningConfig} of the current boot, and the
 *       UART with its AT engine;
 *   <li>{@link SavedConfig} in NVRAM, and the {@link ModuleNetwork} on a {@link LabNetwork};
 *   <li>the carrier self-registrations, China Telecom ({@link CtAgent}) and China Mobile CMDMP
 *       ({@link DmAgent}), each seeing the module as an {@link AgentContext}.
 * </ul>
 *
 * <p>The AT commands see the module as an {@link dev.selfreg.module.at.AtContext}. Whatever
 * reacts to a boot, an attach or a power cut is a {@link ModuleLifecycle} listener; anybody
 * may subscribe ({@link #onLifecycle}). Every method is serialised on the module, as the real
 * firmware handles one event at a time; every timer runs on the {@link ModuleClock}.
 */
public final class Bc260yModule implements AutoCloseable {

    private static final Logger log = ModuleLog.LOG;

    private final ModuleScheduler scheduler;
    private final SavedConfig saved;
    private final LifecycleEvents lifecycle = new LifecycleEvents();
    private final SleepController sleep;
    private final Uart uart;
    private final NetworkAttach attach;
    private final Rtc rtc;
    private final ModuleNetwork network;
    private final BootSequence boot;
    private final CtAgent ct;
    private final DmAgent dm;

    /** A unit on an isolated network: nothing it sends reaches anybody, no name resolves. */
    public Bc260yModule(ModuleProfile profile, ModuleClock clock, NvramStore nvram) {
        this(profile, clock, nvram, LabNetwork.isolated());
    }

    /**
     * A unit whose radio network is {@code lab}, powered off. On a {@link VirtualClock} its
     * network tells the clock of each real datagram it sends, so advancing the clock waits for
     * the real answers in flight.
     */
    public Bc260yModule(ModuleProfile profile, ModuleClock clock, NvramStore nvram, LabNetwork lab) {
        scheduler = new ModuleScheduler(clock);
        saved = new SavedConfig(nvram, profile);
        sleep = new SleepController(scheduler, saved, profile, lifecycle);
        scheduler.wakeUpWith(sleep::wakeFor);
        uart = new Uart(scheduler, sleep, saved, profile.imei());
        rtc = new Rtc(scheduler.clock());
        // seeded by the IMEI: reproducible runs, and units of a fleet that differ from each other
        network = new ModuleNetwork(lab, scheduler.poweredClock(), Long.parseLong(profile.imei()), profile.imei());
        if (clock instanceof VirtualClock virtual) {
            network.awaitedBy(virtual);
        }
        attach = new NetworkAttach(scheduler, uart, lifecycle, network, saved, profile);
        sleep.requestFrom(attach);
        boot = new BootSequence(profile, saved, scheduler, lifecycle, uart, attach, sleep, network);
        AgentContext agents = new ModuleForAgents(boot, saved, scheduler, sleep, network);
        ct = new CtAgent(agents);
        dm = DmAgent.serving(agents);
        lifecycle.subscribe(sleep.lifecycle());
        lifecycle.subscribe(uart);
        lifecycle.subscribe(attach.lifecycle());
        lifecycle.subscribe(rtc.lifecycle());
        lifecycle.subscribe(ct);
        lifecycle.subscribe(dm);
        lifecycle.subscribe(new ModuleLifecycle() {
            @Override
            public void enteredPsm() {
                network.park(); // the radio hears nothing in PSM: the sockets let their descriptors go till the next send
            }
        });
        uart.answerWith(Bc260yCommands.all(profile.atDialect()), new ModuleForCommands(boot, saved, attach, sleep, dm, rtc, uart));
        nvram.openReport().ifPresent(report -> log.warn("{}: {}", profile.imei(), report));
    }

    /** Tells {@code listener} of the module's life from now on, after the module's own parts. */
    public void onLifecycle(ModuleLifecycle listener) {
        lifecycle.subscribe(listener);
    }

    // ---- the UART -------------------------------------------------------------------------

    /** Connects the host side of the UART; what the module sends goes there until replaced. */
    public void connectHost(AtEngine.Output output) {
        scheduler.serialised(() -> uart.connectHost(output));
    }

    /** Disconnects the host: the module keeps talking, nobody listens. */
    public void disconnectHost() {
        scheduler.serialised(uart::disconnectHost);
    }

    /**
     * Bytes from the host. Lost while the module is off or booting; in deep sleep the first byte
     * wakes it and is lost, the rest is answered.
     */
    public void receiveFromHost(byte[] data, int offset, int length) {
        scheduler.serialised(() -> uart.receive(data, offset, length));
    }

    /** A falling edge on the PSM_EINT pin: it wakes the module from deep sleep, as host data does. */
    public void pulseWakePin() {
        scheduler.serialised(sleep::wakePin);
    }

    // ---- power ----------------------------------------------------------------------------

    /** Applies power: the module boots and prints {@code RDY}. */
    public void powerOn() {
        scheduler.serialised(boot::powerOn);
    }

    /** Cuts power at this instant: timers stop, running state is lost, NVRAM stays. */
    public void powerCut() {
        scheduler.serialised(boot::powerCut);
    }

    /** Power cut and power on. */
    public void powerCycle() {
        scheduler.serialised(boot::powerCycle);
    }

    /** A firmware upgrade over the air: the new image is installed, then the module boots it. */
    public void upgradeFirmware(String version) {
        scheduler.serialised(() -> boot.upgradeFirmware(version));
    }

    /** Puts a card in the slot (or takes it out): the module reads it at its next boot. */
    public void changeSim(Optional<Sim> card) {
        scheduler.serialised(() -> boot.changeSim(card));
    }

    // ---- its parts and what they report --------------------------------------------------

    public ModuleProfile profile() {
        return scheduler.serialised(boot::profile);
    }

    public SavedConfig saved() {
        return saved;
    }

    /** The configuration of the current boot; empty while the module is off. */
    public Optional<RunningConfig> running() {
        return scheduler.serialised(boot::running);
    }

    /** The SIM read at the last boot. */
    public Optional<Sim> sim() {
        return scheduler.serialised(boot::sim);
    }

    public Power power() {
        return scheduler.power();
    }

    public ModuleClock clock() {
        return scheduler.clock();
    }

    /** Serialisation, timers and power gating. */
    public ModuleScheduler scheduler() {
        return scheduler;
    }

    /** Sleep, wake locks and the awake-time account. */
    public SleepController sleep() {
        return sleep;
    }

    /** The radio, the network registration and the network conditions around the module. */
    public NetworkAttach attach() {
        return attach;
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

    /** The {@code <DMstate>} of {@code AT+QDMPCFG=6}: the CMDMP agent's {@link DmState#code()}. */
    public int dmState() {
        return dm.state().code();
    }

    /** Commands the AT engine answered {@code ERROR} because of a bug in a handler; 0 in a healthy emulator. */
    public long atInternalErrors() {
        return scheduler.serialised(uart::internalErrors);
    }

    /** Module time spent awake (booting or active) since the emulation started. */
    public Duration awake() {
        return sleep.awake();
    }

    /** Module time spent awake, by reason; the values add up to {@link #awake()}. */
    public Map<AwakeReason, Duration> awakeBreakdown() {
        return sleep.awakeBreakdown();
    }

    /** A snapshot for the control API. */
    public ModuleStatus status() {
        return scheduler.serialised(() -> {
            ModuleProfile profile = boot.profile();
            Optional<Sim> sim = boot.sim();
            Map<String, Double> breakdown = new LinkedHashMap<>();
            awakeBreakdown().forEach((reason, time) -> breakdown.put(reason.label(), seconds(time)));
            return new ModuleStatus(profile.imei(), sim.map(Sim::imsi).orElse(null), sim.map(Sim::iccid).orElse(null),
                    profile.firmware(), power().label(), seconds(clock().elapsed()), ct.status(), dmState(),
                    seconds(awake()), breakdown, attach.status());
        });
    }

    /** Closes the module's channels; the unit is not used afterwards. */
    @Override
    public void close() {
        scheduler.serialised(network::close);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
