package dev.selfreg.module;

/**
 * What happens in an emulated module's life, told to whoever subscribed
 * ({@code Bc260yModule.onLifecycle}): the module's own components, its self-registration
 * agents, and anybody watching. A component that reacts to a boot, an attach or a power cut
 * subscribes here instead of the module calling it by name.
 *
 * <p>Listeners hear each event in the order they subscribed: the module's sleep controller,
 * UART, network attach and RTC first, then the China Telecom and China Mobile agents, then outside
 * listeners. Every call is made serialised on the module ({@link ModuleScheduler}), so a
 * listener may act on the module at once; it must not block.
 */
public interface ModuleLifecycle {

    /** Power is applied and the boot begins; host input is lost until {@code RDY}. */
    default void poweredOn() {
    }

    /**
     * The boot is complete: the SIM and the running configuration of this boot are in force,
     * the module is active. {@code RDY} and the network search follow.
     */
    default void booted() {
    }

    /** The EPS registration changed (the {@code <stat>} of {@code +CEREG}). */
    default void registrationChanged(NetworkRegistration registration) {
    }

    /**
     * The first registration after a boot: the self-registration trigger (seed 2.1, 2.2). A
     * wake-up from deep sleep, or a new registration later in the same boot, is none.
     */
    default void attached() {
    }

    /** The module is about to enter deep sleep; plain timers stop, RTC timers keep running. */
    default void wentToDeepSleep() {
    }

    /**
     * The module left deep sleep: {@link AwakeReason#HOST} for host data or the wake pin,
     * {@link AwakeReason#TIMER} for an RTC timer, {@link AwakeReason#TAU} for a periodic TAU,
     * {@link AwakeReason#PAGING} for an eDRX paging window. A wake-up is not a boot.
     */
    default void wokeUp(AwakeReason reason) {
    }

    /** The radio entered PSM: T3324 ran out after its last network activity. */
    default void enteredPsm() {
    }

    /** The radio left PSM for network activity (data, a TAU). */
    default void leftPsm() {
    }

    /** Power is gone: every timer has stopped and running state is lost; NVRAM stays. */
    default void powerLost() {
    }
}
