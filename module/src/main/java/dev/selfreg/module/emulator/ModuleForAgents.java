package dev.selfreg.module.emulator;

import dev.selfreg.module.AgentContext;
import dev.selfreg.module.AwakeReason;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.ModuleScheduler;
import dev.selfreg.module.RunningConfig;
import dev.selfreg.module.SavedConfig;
import dev.selfreg.module.Sim;
import dev.selfreg.module.SleepController;
import dev.selfreg.module.WakeLock;
import dev.selfreg.module.network.ModuleNetwork;
import dev.selfreg.time.ModuleClock;
import java.util.Optional;

/** The module as its self-registration agents see it. */
final class ModuleForAgents implements AgentContext {

    private final BootSequence boot;
    private final SavedConfig saved;
    private final ModuleScheduler scheduler;
    private final SleepController sleep;
    private final ModuleNetwork network;

    ModuleForAgents(BootSequence boot, SavedConfig saved, ModuleScheduler scheduler, SleepController sleep,
                    ModuleNetwork network) {
        this.boot = boot;
        this.saved = saved;
        this.scheduler = scheduler;
        this.sleep = sleep;
        this.network = network;
    }

    @Override
    public ModuleProfile profile() {
        return scheduler.serialised(boot::profile);
    }

    @Override
    public Optional<Sim> sim() {
        return scheduler.serialised(boot::sim);
    }

    @Override
    public SavedConfig saved() {
        return saved;
    }

    @Override
    public Optional<RunningConfig> running() {
        return scheduler.serialised(boot::running);
    }

    @Override
    public ModuleNetwork network() {
        return network;
    }

    @Override
    public WakeLock holdAwake(AwakeReason reason) {
        return sleep.holdAwake(reason);
    }

    @Override
    public ModuleClock clock() {
        return scheduler.clock();
    }

    @Override
    public ModuleClock poweredClock() {
        return scheduler.poweredClock();
    }

    @Override
    public ModuleClock rtcClock() {
        return scheduler.rtcClock();
    }
}
