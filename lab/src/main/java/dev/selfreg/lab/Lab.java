package dev.selfreg.lab;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.module.network.WireTap;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.time.ModuleClock;
import dev.selfreg.time.VirtualClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The emulated world in one process: a lab platform on loopback and any number of emulated
 * modules whose network leads to it, all on one {@link VirtualClock}. Scenarios, the demo and
 * end-to-end tests run in it; an hour or a day of module time passes in milliseconds.
 *
 * <p>On a virtual clock the platform runs on it too: its records carry module time counted from the lab's
 * {@link #epoch()}, registrations expire in module time, and the clock waits for the platform's work under way (the
 * read of object 666 after a Register or Update, until its record is committed) before time moves. So when
 * {@link #advance} returns, the platform has recorded everything the modules' messages caused, each at the instant
 * of the message: nothing has to be waited for in wall time.
 */
public final class Lab implements AutoCloseable {

    /**
     * How long a module waits in wall time for the platform's answer: the platform shares two cores with every
     * module of the lab (and, on a shared machine, with other work), so an answer or the read that follows it can
     * take longer than a second; nothing is lost on loopback, so a longer bound costs nothing.
     */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

    /** Null when the platform runs in another process ({@link #against}). */
    private final LabPlatform platform;
    private final ModuleClock clock;
    private final Instant epoch;
    private final LabNetwork network;
    private final Map<String, EmulatedUnit> units = new LinkedHashMap<>();

    private Lab(LabPlatform platform, ModuleClock clock, Instant epoch, WireTap tap) {
        this(platform, clock, epoch, LabNetwork.lab(InetAddress.getLoopbackAddress(), platform.ports().get("ct-coap"),
                platform.ports().get("dm")).withTap(tap).withAnswerBound(ANSWER_BOUND));
    }

    private Lab(LabPlatform platform, ModuleClock clock, Instant epoch, LabNetwork network) {
        this.platform = platform;
        this.clock = clock;
        this.epoch = epoch;
        this.network = network;
    }

    /**
     * An empty lab whose modules, on {@code clock}, report to a platform running in another process (its China
     * Telecom CoAP and its DM listener, as it names them). That platform keeps its own clock: its records carry its
     * time, not module time, and nothing here waits for its work; {@link #platform()} is not available.
     */
    public static Lab against(RemotePlatform remote, ModuleClock clock) {
        InetSocketAddress ct = remote.listener("ct-coap");
        InetSocketAddress dm = remote.listener("dm");
        if (!ct.getAddress().equals(dm.getAddress())) {
            throw new RemotePlatform.Unanswered("the platform at " + remote + " listens for ct-coap on " + ct
                    + " and for dm on " + dm + "; a lab network leads both carriers to one address", null);
        }
        return new Lab(null, clock, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                LabNetwork.lab(ct.getAddress(), ct.getPort(), dm.getPort()).withAnswerBound(ANSWER_BOUND));
    }

    /** Starts a platform with {@code settings} (ports are taken free) and an empty lab around it, on a virtual clock. */
    public static Lab start(PlatformSettings settings) {
        return start(settings.withFreePorts(), new VirtualClock());
    }

    /**
     * Starts a platform with {@code settings} exactly (ports as given) and modules on {@code clock}; a virtual clock
     * is the platform's too, starting at the whole second of wall time the lab starts at, while a real one leaves
     * the platform on the system clock.
     */
    public static Lab start(PlatformSettings settings, ModuleClock clock) {
        return start(settings, clock, platformClock -> WireRecorder.none());
    }

    /**
     * The same, the platform's traffic written to the recorder {@code wire} makes on the platform's clock: on a
     * virtual clock every packet carries its module time.
     */
    public static Lab start(PlatformSettings settings, ModuleClock clock, Function<Clock, WireRecorder> wire) {
        return withModuleTap(settings, clock, wire, recorder -> WireTap.NONE);
    }

    /**
     * The same, the traffic of the modules {@code captured} chooses (by IMEI) written too, each datagram once: at the
     * module's socket, not again at the platform's listener; the other modules' datagrams are not written at all.
     */
    public static Lab start(PlatformSettings settings, ModuleClock clock, Function<Clock, WireRecorder> wire,
            Predicate<String> captured) {
        return withModuleTap(settings, clock, wire, recorder -> recorder.recording() ? new ModuleCapture(recorder, captured)
                : WireTap.NONE);
    }

    private static Lab withModuleTap(PlatformSettings settings, ModuleClock clock, Function<Clock, WireRecorder> wire,
            Function<WireRecorder, WireTap> modules) {
        Instant epoch = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // the modules wait up to ANSWER_BOUND for an answer with the clock stopped: the platform, on their cores, too
        PlatformTime time = clock instanceof VirtualClock virtual ? PlatformTime.of(virtual, epoch, ANSWER_BOUND)
                : PlatformTime.system();
        WireRecorder recorder = wire.apply(time.clock());
        LabPlatform platform = LabPlatform.start(settings, time, recorder);
        if (clock instanceof VirtualClock virtual) {
            virtual.addQuiescenceBeforeMove(platform.workInProgress());
        }
        return new Lab(platform, clock, epoch, modules.apply(recorder));
    }

    /**
     * Powers on a new module, its NVRAM in memory, its network leading to this lab's platform; the platform's
     * certification checks are told its boots.
     */
    public EmulatedUnit add(String name, ModuleProfile profile) {
        if (units.containsKey(name)) {
            throw new IllegalArgumentException("a module named " + name + " is already in the lab");
        }
        MemoryNvramStore nvram = new MemoryNvramStore();
        Bc260yModule module = new Bc260yModule(profile, clock, nvram, network);
        if (platform != null) {
            module.onLifecycle(new BootFacts(module, platform.checks().facts()));
        }
        EmulatedUnit unit = new EmulatedUnit(name, module, nvram);
        units.put(name, unit);
        module.powerOn();
        return unit;
    }

    public EmulatedUnit unit(String name) {
        EmulatedUnit unit = units.get(name);
        if (unit == null) {
            throw new NoSuchElementException("no module named " + name + " in the lab (there are " + units.keySet() + ")");
        }
        return unit;
    }

    /** Whether a module named {@code name} is in the lab. */
    public boolean hasUnit(String name) {
        return units.containsKey(name);
    }

    /** The lab's modules in the order they were added. */
    public List<EmulatedUnit> unitsInOrder() {
        return List.copyOf(units.values());
    }

    public Map<String, EmulatedUnit> units() {
        return Map.copyOf(units);
    }

    /**
     * Lets module time pass for every module, running their timers in order.
     *
     * @throws IllegalStateException on a lab that runs on the real clock
     */
    public void advance(Duration duration) {
        if (!(clock instanceof VirtualClock virtual)) {
            throw new IllegalStateException("this lab runs on the real clock; time cannot be advanced");
        }
        virtual.advance(duration);
    }

    public ModuleClock clock() {
        return clock;
    }

    /** The instant module time 0 stands for: on a virtual clock, what the platform's records count from. */
    public Instant epoch() {
        return epoch;
    }

    /**
     * The platform in this process.
     *
     * @throws IllegalStateException for a lab {@link #against} a platform in another process
     */
    public LabPlatform platform() {
        if (platform == null) {
            throw new IllegalStateException("this lab's platform runs in another process");
        }
        return platform;
    }

    @Override
    public void close() {
        units.values().forEach(unit -> unit.module().close());
        if (platform == null) {
            return;
        }
        if (clock instanceof VirtualClock virtual) {
            virtual.removeQuiescenceBeforeMove(platform.workInProgress());
        }
        platform.close();
    }
}
