package dev.selfreg.platform;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.platform.checks.DeviceChecks;
import dev.selfreg.platform.checks.DeviceFacts;
import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.ct.ZzhcCoapServer;
import dev.selfreg.platform.ct.ZzhcHttpServer;
import dev.selfreg.platform.ct.ZzhcService;
import dev.selfreg.platform.dm.DmApplications;
import dev.selfreg.platform.dm.DmService;
import dev.selfreg.platform.store.JdbcPlatformStore;
import dev.selfreg.platform.web.WebServer;
import dev.selfreg.platform.wire.WireJournal;
import dev.selfreg.time.Quiescence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab platform, composed: the store, China Telecom's ZZHC service over CoAP and HTTP,
 * China Mobile's CMDMP service over LwM2M, the certification checks, and the web side (REST API, metrics,
 * dashboard). What real modules and emulated ones register with. Its records and its registrations' lifetimes run on
 * its {@link PlatformTime}: the system clock standalone, a lab's clock in a lab.
 */
public final class LabPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LabPlatform.class);

    private final JdbcPlatformStore store;
    private final PlatformRecords records;
    private final PlatformMetrics metrics;
    private final PlatformTime time;
    private final WireRecorder wire;
    private final List<AutoCloseable> running = new ArrayList<>();
    /** Read by web requests ({@code /api/listeners}) while the web listener itself is added. */
    private final Map<String, Integer> ports = Collections.synchronizedMap(new LinkedHashMap<>());
    private final String bind;
    private Optional<String> token = Optional.empty();
    private WebServer web;
    private DeviceChecks checks;
    private WireJournal journal;

    private LabPlatform(JdbcPlatformStore store, String bind, PlatformTime time, WireRecorder wire) {
        this.store = store;
        this.bind = bind;
        this.time = time;
        this.wire = wire;
        this.records = new PlatformRecords(store);
        this.metrics = new PlatformMetrics();
        metrics.queue("store", store::writesQueued, store::writesQueuedPeak, JdbcPlatformStore.WRITE_QUEUE_CAPACITY);
    }

    /** Opens the store and starts every service on the system clock; on any failure what started is stopped again. */
    public static LabPlatform start(PlatformSettings settings) {
        return start(settings, PlatformTime.system());
    }

    /**
     * Opens the store and starts every service on {@code time}, which the platform takes over (it is closed with the
     * platform, or when the start fails); on any failure what started is stopped again.
     */
    public static LabPlatform start(PlatformSettings settings, PlatformTime time) {
        return start(settings, time, WireRecorder.none());
    }

    /**
     * The same, writing every datagram and HTTP exchange of its ZZHC and CMDMP listeners to {@code wire} (which the
     * platform closes with itself, after its services); the web side is not recorded. Whether or not {@code wire}
     * writes a file, the same traffic goes to the platform's {@link #journal()}, stamped with {@code time}.
     */
    public static LabPlatform start(PlatformSettings settings, PlatformTime time, WireRecorder wire) {
        JdbcPlatformStore store;
        try {
            store = settings.db()
                    .map(url -> JdbcPlatformStore.open(url, null, null))
                    .orElseGet(() -> JdbcPlatformStore.openEmbedded(settings.dataDir()));
        } catch (RuntimeException e) {
            time.close();
            wire.close();
            throw e;
        }
        store.refuseWritesWaitingOver(time.queueWait());
        LabPlatform platform = new LabPlatform(store, settings.bind(), time, wire);
        try {
            platform.startServices(settings);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startServices(PlatformSettings settings) {
        DmApplications applications = DmApplications.parse(settings.dmApps());
        journal = new WireJournal(applications, WireJournal.DEFAULT_BOUNDS);
        WireRecorder wire = this.wire.tappedBy(journal, time.clock());
        ZzhcService zzhc = new ZzhcService(records, metrics, time.clock());
        ZzhcCoapServer ctCoap = listen("ct-coap", true, settings.ctCoapPort(),
                () -> ZzhcCoapServer.start(zzhc, metrics, bind, settings.ctCoapPort(), wire, time.queueWait()));
        running.add(ctCoap);
        ports.put("ct-coap", ctCoap.port());
        ZzhcHttpServer ctHttp = listen("ct-http", false, settings.ctHttpPort(), () -> ZzhcHttpServer.start(zzhc, bind, settings.ctHttpPort(),
                wire));
        running.add(ctHttp);
        ports.put("ct-http", ctHttp.port());
        DmService dm = new DmService(records, metrics, applications, settings.strict(), time);
        running.add(dm);
        listen("dm", true, settings.dmPort(), () -> {
            dm.start(bind, settings.dmPort(), wire);
            return dm;
        });
        ports.put("dm", dm.port());
        checks = new DeviceChecks(store, new DeviceFacts(time.clock()), settings.product(), time.clock());
        web = listen("web", false, settings.webPort(),
                () -> WebServer.start(records, metrics, checks, journal, this::listeners, bind, settings.webPort(),
                        settings.token()));
        running.add(web);
        ports.put("web", web.port());
        token = web.requiredToken();
    }

    /**
     * Starts one listener; a taken address ends in one exception that names the listener and its port.
     * Californium says only that no endpoint started, so a failed start is checked by binding the port.
     */
    private <T> T listen(String listener, boolean udp, int port, Supplier<T> start) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            if (ListenerUnavailableException.isAddressInUse(e) || ListenerUnavailableException.isTaken(bind, port, udp)) {
                throw new ListenerUnavailableException(listener, bind, port, e);
            }
            throw e;
        }
    }

    /** The listeners by name ({@code ct-coap}, {@code ct-http}, {@code dm}, {@code web}) and their ports. */
    public Map<String, Integer> ports() {
        synchronized (ports) {
            return Map.copyOf(ports);
        }
    }

    /** The {@code listening <name> <host>:<port>} lines of interfaces.md, in start order. */
    public List<String> listeningLines() {
        return listeners().entrySet().stream().map(e -> "listening " + e.getKey() + " " + e.getValue()).toList();
    }

    /** The listeners by name and their {@code host:port}, in start order. */
    private Map<String, String> listeners() {
        Map<String, String> listeners = new LinkedHashMap<>();
        synchronized (ports) {
            ports.forEach((name, port) -> listeners.put(name, bind + ":" + port));
        }
        return listeners;
    }

    /** The address every listener is bound to. */
    public String bind() {
        return bind;
    }

    /** Every route of the web side ({@code GET /api/ct/registrations}...), for a walk over all of them. */
    public List<String> webRoutes() {
        return web.routes();
    }

    /** The bearer token the web side requires, if any. */
    public Optional<String> token() {
        return token;
    }

    public PlatformRecords records() {
        return records;
    }

    public PlatformMetrics metrics() {
        return metrics;
    }

    /** Each device's certification checklist; a lab tells it the boots of its modules ({@link DeviceChecks#facts()}). */
    public DeviceChecks checks() {
        return checks;
    }

    /** Each device's wire traffic since the start, as the device page's timeline shows it. */
    public WireJournal journal() {
        return journal;
    }

    /** The time the platform runs on: its clock, its timers and how long a request may wait before it is shed. */
    public PlatformTime time() {
        return time;
    }

    /**
     * The platform's work under way (the read of object 666 after a module's Register or Update, until its record is
     * committed): a lab registers it with its {@code VirtualClock} as a quiescence before time moves, so that every
     * record carries the instant of the message that caused it.
     */
    public Quiescence workInProgress() {
        return time.quiescence();
    }

    /**
     * Stops the services (newest first), then the recording and the journal, then closes the store after its last
     * commit, then the time.
     */
    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", running.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        wire.close();
        if (journal != null) {
            journal.close();
        }
        store.close();
        time.close();
    }
}
