package dev.selfreg.module.emulator;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.ModuleLifecycle;
import dev.selfreg.module.ModuleLog;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.ModuleScheduler;
import dev.selfreg.module.NetworkAttach;
import dev.selfreg.module.Power;
import dev.selfreg.module.RunningConfig;
import dev.selfreg.module.SavedConfig;
import dev.selfreg.module.Sim;
import dev.selfreg.module.SleepController;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.ModuleNetwork;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Power on, boot, power cut, firmware upgrade and the SIM slot, and what the current boot runs
 * with: the SIM it read and the running configuration it copied from NVRAM. The steps of a boot
 * are here in their order; everything that reacts to them hears a {@link ModuleLifecycle}
 * event. Called serialised.
 */
final class BootSequence {

    private static final Logger log = ModuleLog.LOG;

    private final SavedConfig saved;
    private final ModuleScheduler scheduler;
    private final ModuleLifecycle listeners;
    private final Uart uart;
    private final NetworkAttach attach;
    private final SleepController sleep;
    private final ModuleNetwork network;
    private ModuleProfile profile;
    private Optional<Sim> simInSlot;
    private Optional<Sim> sim = Optional.empty();
    private RunningConfig running;

    BootSequence(ModuleProfile profile, SavedConfig saved, ModuleScheduler scheduler, ModuleLifecycle listeners,
                 Uart uart, NetworkAttach attach, SleepController sleep, ModuleNetwork network) {
        this.profile = profile;
        this.simInSlot = profile.sim();
        this.saved = saved;
        this.scheduler = scheduler;
        this.listeners = listeners;
        this.uart = uart;
        this.attach = attach;
        this.sleep = sleep;
        this.network = network;
    }

    ModuleProfile profile() {
        return profile;
    }

    Optional<Sim> sim() {
        return sim;
    }

    Optional<RunningConfig> running() {
        return Optional.ofNullable(running);
    }

    /**
     * Applies power: the module boots and prints {@code RDY}, {@code +CFUN: 1} and, with a card,
     * {@code +CPIN: READY}, as a real BC260Y-CN does (research §4).
     */
    void powerOn() {
        if (scheduler.power() != Power.OFF) {
            return;
        }
        scheduler.enter(Power.BOOTING);
        listeners.poweredOn();
        if (profile.bootTime().isZero()) {
            completeBoot();
        } else {
            scheduler.poweredClock().schedule(profile.bootTime(), this::completeBoot);
        }
    }

    /** Cuts power at this instant: timers stop, running state is lost, NVRAM stays. */
    void powerCut() {
        if (scheduler.power() == Power.OFF) {
            return;
        }
        scheduler.enter(Power.OFF);
        listeners.powerLost();
        network.reset();
        running = null;
    }

    void powerCycle() {
        powerCut();
        powerOn();
    }

    /** A firmware upgrade over the air: the new image is installed, then the module boots it. */
    void upgradeFirmware(String version) {
        powerCut();
        profile = profile.withFirmware(version);
        powerOn();
    }

    /** Puts a card in the slot (or takes it out): the module reads it at its next boot. */
    void changeSim(Optional<Sim> card) {
        simInSlot = card;
    }

    private void completeBoot() {
        sim = simInSlot;
        applyFirmwareChange();
        running = saved.toRunning();
        scheduler.enter(Power.ACTIVE);
        network.routeConfigured(LabService.DM, running.dm().server());
        listeners.booted();
        uart.urc("RDY");
        uart.urc("+CFUN: 1");
        if (sim.isPresent()) {
            uart.urc("+CPIN: READY");
        }
        log.info("{} booted {} with {}", profile.imei(), profile.firmware(),
                sim.map(card -> "SIM " + card.imsi()).orElse("no SIM"));
        attach.start(sim);
        sleep.bootCompleted();
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
}
