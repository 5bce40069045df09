package dev.selfreg.module.emulator;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.NetworkAttach;
import dev.selfreg.module.Rtc;
import dev.selfreg.module.RunningConfig;
import dev.selfreg.module.SavedConfig;
import dev.selfreg.module.Sim;
import dev.selfreg.module.SleepController;
import dev.selfreg.module.at.AtContext;
import dev.selfreg.module.dm.DmAgent;
import java.util.Optional;

/** The module as its AT commands see it. */
final class ModuleForCommands implements AtContext {

    private final BootSequence boot;
    private final SavedConfig saved;
    private final NetworkAttach attach;
    private final SleepController sleep;
    private final DmAgent dm;
    private final Rtc rtc;
    private final Uart uart;

    ModuleForCommands(BootSequence boot, SavedConfig saved, NetworkAttach attach, SleepController sleep, DmAgent dm,
                      Rtc rtc, Uart uart) {
        this.boot = boot;
        this.rtc = rtc;
        this.uart = uart;
        this.saved = saved;
        this.attach = attach;
        this.sleep = sleep;
        this.dm = dm;
    }

    @Override
    public ModuleProfile profile() {
        return boot.profile();
    }

    @Override
    public Optional<Sim> sim() {
        return boot.sim();
    }

    @Override
    public SavedConfig saved() {
        return saved;
    }

    @Override
    public Optional<RunningConfig> running() {
        return boot.running();
    }

    @Override
    public NetworkAttach attach() {
        return attach;
    }

    @Override
    public SleepController sleep() {
        return sleep;
    }

    @Override
    public Rtc rtc() {
        return rtc;
    }

    @Override
    public int dmState() {
        return dm.state().code();
    }

    @Override
    public void reboot() {
        boot.powerCycle();
    }

    @Override
    public void powerOff(boolean normal) {
        if (normal) {
            uart.urc(Bc260yFacts.NORMAL_POWER_DOWN);
        }
        boot.powerCut();
    }

    @Override
    public void restoreAtSettings() {
        uart.restoreAtSettings();
    }
}
