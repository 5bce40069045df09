package dev.selfreg.module;

import dev.selfreg.module.network.ModuleNetwork;
import dev.selfreg.protocol.Carrier;
import dev.selfreg.time.ModuleClock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The radio, the EPS attach and what the network gives with it. {@code AT+CFUN} switches the
 * radio and {@code AT+CGATT} the attach; with both on and a SIM read, the module searches,
 * and after the {@link NetworkConditions}' attach time the network registers it, refuses it or
 * is not there (the conditions say which; they are the world's, set by a test, the control API
 * or a scenario). Every change of the registration goes to the {@link ModuleLifecycle}
 * listeners and, per {@code AT+CEREG} (and the BC26's {@code AT+CGREG}), to the host
 * ({@link RegistrationState#urcLine}). The
 * first registration after a boot is the {@link ModuleLifecycle#attached()} that triggers the
 * self-registrations; a later one in the same boot (after a detach, a lost network, a refusal)
 * is none (seed 2.1.1, 2.2.1: the trigger is the boot's network entry).
 *
 * <p>While registered the module has its default bearer: the context {@link Bc260yFacts#DEFAULT_CID}
 * with an address ({@link #address()}), DNS servers ({@code AT+QIDNSCFG}), and the module's
 * network carries datagrams; without a registration nothing it sends leaves and nothing reaches
 * it ({@link ModuleNetwork#setRegistered}). The signal is measured whenever the radio is on and a
 * cell is in sight.
 *
 * <p>Every boot starts with the radio on, the attach wanted and {@code +CEREG} reporting off; a
 * power cut leaves the module unregistered without a report. A search runs on the RTC timer:
 * a network that comes back while the module sleeps is found (the module wakes for it), as a
 * module out of service keeps searching. A change of conditions in deep sleep changes the
 * registration at once, without a report (the UART sleeps).
 */
public final class NetworkAttach {

    private final ModuleScheduler scheduler;
    private final UrcOutput uart;
    private final ModuleLifecycle listeners;
    private final ModuleNetwork network;
    private final SavedConfig saved;
    private final String imei;
    private final ModuleLifecycle lifecycle = new Lifecycle();
    private NetworkConditions conditions;
    private Optional<Sim> sim = Optional.empty();
    private int radio;
    private boolean attachWanted;
    private RegistrationState state = RegistrationState.NONE;
    private int ceregReporting;
    private int cgregReporting;
    private boolean attachedThisBoot;
    private ModuleClock.Timer search;
    private Optional<List<String>> configuredDns = Optional.empty();
    private Optional<PsmTimers> requestedPsm = Optional.empty();
    private Optional<String> requestedEdrx = Optional.empty();

    public NetworkAttach(ModuleScheduler scheduler, UrcOutput uart, ModuleLifecycle listeners, ModuleNetwork network,
                         SavedConfig saved, ModuleProfile profile) {
        this.scheduler = scheduler;
        this.uart = uart;
        this.listeners = listeners;
        this.network = network;
        this.saved = saved;
        this.imei = profile.imei();
        this.conditions = NetworkConditions.standard(profile);
        network.setRegistered(false);
    }

    // ---- the world's side -------------------------------------------------------------------

    public NetworkConditions conditions() {
        return scheduler.serialised(() -> conditions);
    }

    /**
     * The network changes: a network that goes away takes the registration with it (stat 0), one
     * that starts refusing detaches the module with its cause (stat 3), and one that comes back
     * or starts taking registrations is searched for again. A new attach time or signal counts
     * from the next search and the next measurement.
     */
    public void setConditions(NetworkConditions next) {
        scheduler.serialised(() -> {
            conditions = next;
            if (!searchAllowed()) {
                return;
            }
            switch (next.availability()) {
                case LOST -> {
                    cancelSearch();
                    setRegistration(NetworkRegistration.NOT_REGISTERED);
                }
                case DENIED -> {
                    if (registration() == NetworkRegistration.REGISTERED) {
                        setRegistration(NetworkRegistration.DENIED);
                    } else if (search == null && registration() != NetworkRegistration.DENIED) {
                        startSearch();
                    }
                }
                case AVAILABLE -> {
                    if (search == null && registration() != NetworkRegistration.REGISTERED) {
                        startSearch();
                    }
                }
            }
        });
    }

    /** The registration and the conditions, for the control API. */
    public NetworkStatus status() {
        return scheduler.serialised(() -> new NetworkStatus(state.registration().stat(), conditions.availability().label(),
                conditions.rejectCause(), conditions.attachTime().toNanos() / 1e9, conditions.signal(), conditions.psm().view()));
    }

    // ---- the commands' side -----------------------------------------------------------------

    /** {@code AT+CFUN}: 1 radio on, which also wants the attach again; 0 radio off, which detaches. */
    public void setRadio(int fun) {
        scheduler.serialised(() -> {
            radio = fun;
            if (fun == 0) {
                cancelSearch();
                setRegistration(NetworkRegistration.NOT_REGISTERED);
            } else {
                attachWanted = true;
                searchIfUnregistered();
            }
        });
    }

    public int radio() {
        return scheduler.serialised(() -> radio);
    }

    /**
     * {@code AT+CGATT}: attach (search unless registered or searching; after a refusal, try
     * again) or detach (unregistered at once, stat 0). The caller checks that the radio is on.
     */
    public void setAttach(boolean attach) {
        scheduler.serialised(() -> {
            attachWanted = attach;
            if (attach) {
                searchIfUnregistered();
            } else {
                cancelSearch();
                setRegistration(NetworkRegistration.NOT_REGISTERED);
            }
        });
    }

    /** Whether the module is attached with its default bearer up: the {@code <state>} of {@code +CGATT}. */
    public boolean attached() {
        return registration() == NetworkRegistration.REGISTERED;
    }

    public NetworkRegistration registration() {
        return scheduler.serialised(() -> state.registration());
    }

    /** The registration with what {@code +CEREG} reports of it. */
    public RegistrationState state() {
        return scheduler.serialised(() -> state);
    }

    /** The {@code <n>} of {@code AT+CEREG}. */
    public int ceregReporting() {
        return scheduler.serialised(() -> ceregReporting);
    }

    public void setCeregReporting(int mode) {
        scheduler.serialised(() -> ceregReporting = mode);
    }

    /** The {@code <n>} of {@code AT+CGREG}, which only the BC26-compat dialect answers. */
    public int cgregReporting() {
        return scheduler.serialised(() -> cgregReporting);
    }

    public void setCgregReporting(int mode) {
        scheduler.serialised(() -> cgregReporting = mode);
    }

    /**
     * The PSM timers the network granted to what {@code AT+CPSMS} requested ({@link PsmGrant}), while registered (the
     * {@code <Active-Time>} and {@code <Periodic-TAU>} of {@code +CEREG} with n 4 and 5); empty
     * when PSM is not in use.
     */
    public Optional<PsmTimers> grantedPsmTimers() {
        return scheduler.serialised(() -> state.psm());
    }

    /**
     * The eDRX the network granted: the value {@code AT+CEDRXS} requested with the emulated
     * network's paging time window, while registered; empty when eDRX is not in use.
     */
    public Optional<EdrxTimers> grantedEdrx() {
        return scheduler.serialised(() -> attached()
                ? requestedEdrx.map(value -> new EdrxTimers(value, Bc260yFacts.EDRX_PAGING_WINDOW_GRANTED))
                : Optional.empty());
    }

    /**
     * What the module asks the network for (the sleep controller, from {@code AT+CPSMS} and
     * {@code AT+CEDRXS}); while registered the network answers it at once, as after the TAU that
     * carries it, granting PSM as its conditions say ({@link NetworkConditions#psm()}).
     */
    void requestPowerSaving(Optional<PsmTimers> psm, Optional<String> edrx) {
        requestedPsm = psm;
        requestedEdrx = edrx;
        if (state.registration() == NetworkRegistration.REGISTERED) {
            state = new RegistrationState(NetworkRegistration.REGISTERED, OptionalInt.empty(), conditions.psm().grant(requestedPsm));
        }
    }

    /** What {@code AT+CSQ} and {@code AT+CESQ} report: the conditions' signal with the radio on and a cell in sight. */
    public RadioSignal signal() {
        return scheduler.serialised(() -> radio == 1 && conditions.availability() != NetworkConditions.Availability.LOST
                ? conditions.signal() : RadioSignal.NONE);
    }

    /** The band of the cell the module is on: its carrier's. */
    public int servingBand() {
        return scheduler.serialised(() -> switch (sim.map(card -> Carrier.ofImsi(card.imsi())).orElse(Carrier.NONE)) {
            case CHINA_TELECOM -> Bc260yFacts.BAND_CHINA_TELECOM;
            case CHINA_MOBILE -> Bc260yFacts.BAND_CHINA_MOBILE;
            case NONE -> Bc260yFacts.BAND_OTHER;
        });
    }

    /** The PLMN the module is registered on, its SIM's home network ({@code MCC MNC}, 2-digit MNC); empty while unregistered. */
    public Optional<String> registeredPlmn() {
        return scheduler.serialised(() -> attached() ? sim.map(card -> card.imsi().substring(0, 5)) : Optional.<String>empty());
    }

    /** The IPv4 address of the default context, assigned while registered; derived from the IMEI. */
    public Optional<String> address() {
        return scheduler.serialised(() -> attached() ? Optional.of(assignedAddress()) : Optional.<String>empty());
    }

    private String assignedAddress() {
        int host = (int) (Long.parseLong(imei) % (Bc260yFacts.ASSIGNED_ADDRESS_HOSTS - 2)) + 1;
        int address = Bc260yFacts.ASSIGNED_ADDRESS_BASE + host;
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    /**
     * The DNS servers, primary and secondary: those {@code AT+QIDNSCFG} set in this boot, else the
     * network's while registered, else none.
     */
    public List<String> dnsServers() {
        return scheduler.serialised(() -> configuredDns.orElse(attached()
                ? List.of(Bc260yFacts.NETWORK_DNS_PRIMARY, Bc260yFacts.NETWORK_DNS_SECONDARY) : List.of()));
    }

    /** {@code AT+QIDNSCFG=<pri>[,<sec>]}: in force until the next boot (the 260Y build does not save it). */
    public void setDnsServers(String primary, Optional<String> secondary) {
        scheduler.serialised(() -> {
            configuredDns = Optional.of(secondary.map(second -> List.of(primary, second)).orElse(List.of(primary)));
        });
    }

    /** The bands the module searches, as {@code AT+QBAND?} lists them; saved in NVRAM. */
    public List<Integer> bands() {
        return saved.bands();
    }

    /** {@code AT+QBAND=<n>,...}: saves the bands; {@link #registerAgain()} follows. */
    public void setBands(List<Integer> bands) {
        saved.saveBands(bands);
    }

    /** A registration or search starts over, as after new bands (research §2 AT+QBAND: setting them re-registers). */
    public void registerAgain() {
        scheduler.serialised(() -> {
            if (search != null || registration() == NetworkRegistration.REGISTERED) {
                startSearch();
            }
        });
    }

    // ---- the module's side ------------------------------------------------------------------

    /** What the network attach follows of the module's life; the module subscribes it. */
    public ModuleLifecycle lifecycle() {
        return lifecycle;
    }

    /** The network search of a boot; without a card the module stays unregistered. */
    public void start(Optional<Sim> card) {
        sim = card;
        searchIfUnregistered();
        if (!searchAllowed()) {
            setRegistration(NetworkRegistration.NOT_REGISTERED);
        }
    }

    private boolean searchAllowed() {
        return radio == 1 && attachWanted && sim.isPresent();
    }

    private void searchIfUnregistered() {
        if (searchAllowed() && search == null && registration() != NetworkRegistration.REGISTERED) {
            startSearch();
        }
    }

    private void startSearch() {
        cancelSearch();
        if (conditions.attachTime().isZero()) {
            searchEnded();
            return;
        }
        setRegistration(NetworkRegistration.SEARCHING);
        search = scheduler.rtcClock().schedule(conditions.attachTime(), this::searchEnded);
    }

    private void searchEnded() {
        search = null;
        setRegistration(switch (conditions.availability()) {
            case AVAILABLE -> NetworkRegistration.REGISTERED;
            case DENIED -> NetworkRegistration.DENIED;
            case LOST -> NetworkRegistration.NOT_REGISTERED;
        });
    }

    private void cancelSearch() {
        if (search != null) {
            search.cancel();
            search = null;
        }
    }

    private void setRegistration(NetworkRegistration next) {
        if (next == state.registration()) {
            return;
        }
        state = new RegistrationState(next,
                next == NetworkRegistration.DENIED ? OptionalInt.of(conditions.rejectCause()) : OptionalInt.empty(),
                next == NetworkRegistration.REGISTERED ? conditions.psm().grant(requestedPsm) : Optional.empty());
        network.setRegistered(next == NetworkRegistration.REGISTERED);
        if (scheduler.power() == Power.ACTIVE) {
            if (ceregReporting > 0) {
                uart.urc(state.urcLine(ceregReporting));
            }
            if (cgregReporting > 0) {
                uart.urc(state.cgregUrcLine(cgregReporting));
            }
            if (next == NetworkRegistration.REGISTERED) {
                uart.urc(Bc260yFacts.ADDRESS_URC + assignedAddress()); // the default bearer is up
            }
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
            attachWanted = true;
            ceregReporting = 0;
            cgregReporting = 0;
            attachedThisBoot = false;
            configuredDns = Optional.empty();
        }

        @Override
        public void powerLost() {
            state = RegistrationState.NONE;
            search = null;
            sim = Optional.empty();
            radio = 0;
            attachWanted = false;
            network.setRegistered(false);
        }
    }
}
