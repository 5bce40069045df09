package dev.selfreg.module;

import dev.selfreg.module.network.ModuleNetwork;
import dev.selfreg.time.ModuleClock;
import java.util.Optional;

/**
 * What a self-registration agent ({@code ct.CtAgent}, {@code dm.DmAgent}) may touch of its
 * module: the unit's identity and this boot's SIM and running configuration, NVRAM, the
 * module's network, wake locks and module time. An agent hears the module's life as a
 * {@link ModuleLifecycle} listener; it cannot power, boot or put the module to sleep, and it
 * never sees the host's UART. Called serialised on the module, as the agent's own callbacks
 * are.
 */
public interface AgentContext {

    ModuleProfile profile();

    /** The SIM read at the last boot. */
    Optional<Sim> sim();

    SavedConfig saved();

    /** The configuration of the current boot; empty while the module is off. */
    Optional<RunningConfig> running();

    /** The module's network: its DNS, its sockets to the lab, its injected faults. */
    ModuleNetwork network();

    /** Takes a wake lock for pending work ({@link SleepController#holdAwake}). */
    WakeLock holdAwake(AwakeReason reason);

    /** Module time, to read; its timers are no module timers. */
    ModuleClock clock();

    /** Module time for plain module timers ({@link ModuleScheduler#poweredClock()}). */
    ModuleClock poweredClock();

    /** Module time for RTC timers, which wake the module ({@link ModuleScheduler#rtcClock()}). */
    ModuleClock rtcClock();
}
