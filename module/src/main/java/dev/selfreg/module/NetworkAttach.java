package dev.selfreg.module;

import dev.selfreg.time.ModuleClock;
import java.time.Duration;
import java.util.Optional;

/**
 * The radio and the EPS registration: {@code AT+CFUN} switches the radio, a network search
 * with a SIM ends in a registration after the profile's attach time, and every change of the
 * registration goes to the {@link ModuleLifecycle} listeners and, with {@code AT+CEREG=1}, to
 * the host as {@code +CEREG: <stat>} (3GPP TS 27.007 §10.1.22). The first registration after a
 * boot is the {@link ModuleLifecycle#attached()} that triggers the self-registrations.
 *
 * <p>Every boot starts with the radio on and {@code +CEREG} reporting off, and searches when a
 * card was read; a power cut leaves the module unregistered without a report.
 */
public final class NetworkAttach {

    private final ModuleScheduler scheduler;
    private final UrcOutput uart;
    private final ModuleLifecycle listeners;
    private final Duration attachTime;
    private final ModuleLifecycle lifecycle = new Lifecycle();
    private boolean simPresent;
    private int radio;
    private NetworkRegistration registration = NetworkRegistration.NOT_REGISTERED;
    private int ceregReporting;
    private boolean attachedThisBoot;
    private ModuleClock.Timer attachTimer;
    private Optional<PsmTimers> requestedPsm = Optional.empty();
    private Optional<String> requestedEdrx = Optional.empty();

    public NetworkAttach(ModuleScheduler scheduler, UrcOutput uart, ModuleLifecycle listeners, Duration attachTime) {
        this.scheduler = scheduler;
        this.uart = uart;
        this.listeners = listeners;
        this.attachTime = attachTime;
    }

    /** {@code AT+CFUN}: 1 radio on (attach), 0 radio off (detach). */
    public void setRadio(int fun) {
        scheduler.serialised(() -> {
            radio = fun;
            if (fun == 0) {
                cancelAttach();
                setRegistration(NetworkRegistration.NOT_REGISTERED);
            } else if (registration == NetworkRegistration.NOT_REGISTERED) {
                startAttach();
            }
        });
    }

    public int radio() {
        return scheduler.serialised(() -> radio);
    }

    public NetworkRegistration registration() {
        return scheduler.serialised(() -> registration);
    }

    /** The {@code <n>} of {@code AT+CEREG}. */
    public int ceregReporting() {
        return scheduler.serialised(() -> ceregReporting);
    }

    public void setCeregReporting(int mode) {
        scheduler.serialised(() -> ceregReporting = mode);
    }

    /**
     * The PSM timers the network granted: what {@code AT+CPSMS} requested, while registered;
     * empty when PSM is not in use.
     */
    public Optional<PsmTimers> grantedPsmTimers() {
        return scheduler.serialised(() -> registration == NetworkRegistration.REGISTERED ? requestedPsm : Optional.empty());
    }

    /**
     * The eDRX the network granted: the value {@code AT+CEDRXS} requested with the emulated
     * network's paging time window, while registered; empty when eDRX is not in use.
     */
    public Optional<EdrxTimers> grantedEdrx() {
        return scheduler.serialised(() -> registration == NetworkRegistration.REGISTERED
                ? requestedEdrx.map(value -> new EdrxTimers(value, Bc260yFacts.EDRX_PAGING_WINDOW_GRANTED))
                : Optional.empty());
    }

    /** What the module asks the network for (the sleep controller, from {@code AT+CPSMS} and {@code AT+CEDRXS}). */
    void requestPowerSaving(Optional<PsmTimers> psm, Optional<String> edrx) {
        requestedPsm = psm;
        requestedEdrx = edrx;
    }

    /** What the network attach follows of the module's life; the module subscribes it. */
    public ModuleLifecycle lifecycle() {
        return lifecycle;
    }

    /** The network search of a boot; without a card the module stays unregistered. */
    public void start(boolean withSim) {
        simPresent = withSim;
        startAttach();
    }

    private void startAttach() {
        if (radio != 1 || !simPresent) {
            setRegistration(NetworkRegistration.NOT_REGISTERED);
            return;
        }
        setRegistration(NetworkRegistration.SEARCHING);
        attachTimer = scheduler.poweredClock().schedule(attachTime, () -> setRegistration(NetworkRegistration.REGISTERED));
    }

    private void cancelAttach() {
        if (attachTimer != null) {
            attachTimer.cancel();
        }
    }

    private void setRegistration(NetworkRegistration next) {
        if (next == registration) {
            return;
        }
        registration = next;
        if (ceregReporting == 1 && scheduler.power() == Power.ACTIVE) {
            uart.urc("+CEREG: " + next.stat());
        }
        listeners.registrationChanged(next);
        if (next == NetworkRegistration.REGISTERED && scheduler.power() == Power.ACTIVE && !attachedThisBoot) {
            attachedThisBoot = true; // the boot-time registrations start once per boot, never after a wake-up
            listeners.attached();
        }
    }

    private final class Lifecycle implements ModuleLifecycle {
        @Override
        public void booted() {
            radio = 1;
            ceregReporting = 0;
            attachedThisBoot = false;
        }

        @Override
        public void powerLost() {
            registration = NetworkRegistration.NOT_REGISTERED;
            attachTimer = null;
        }
    }
}
