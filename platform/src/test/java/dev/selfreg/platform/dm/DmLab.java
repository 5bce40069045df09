package dev.selfreg.platform.dm;

import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.JdbcPlatformStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A started DM service on a fresh in-memory H2 store, with the spec's test vectors (cmcc-dm-wire.md, "Test
 * vectors") as its one application, and fast timing: reads given up after 500 ms. On the system clock unless given a
 * time of its own.
 */
final class DmLab implements AutoCloseable {

    static final String PASSWORD = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    static final String IMEI = "869999000000001";
    static final String IMSI = "460041234567890";
    static final String APP_KEY = "M100000000";
    static final String ENDPOINT =
            "I@#@8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx@#@M100000000@#@869999000000001@#@v2.0";
    static final String EPI = "8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKweAUOw4IHmdNHyggaZ08qTS";
    static final String OBJECT_LINKS = "</>;rt=\"oma.lwm2m\",</1/0>,</3/0>,</4/0>,</5/0>,</666/0>";
    static final DmService.Timing FAST = new DmService.Timing(Duration.ofMillis(500));

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final PlatformRecords records;
    final PlatformMetrics metrics = new PlatformMetrics();
    final PlatformTime time;
    final DmService service;

    /** Lab mode, the test vectors' application known. */
    DmLab() {
        this(false);
    }

    DmLab(boolean strict) {
        this(strict, DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD)));
    }

    DmLab(boolean strict, DmApplications applications) {
        this(strict, applications, PlatformTime.system());
    }

    /** Lab mode, the test vectors' application known, on {@code time} (closed with the lab). */
    DmLab(PlatformTime time) {
        this(false, DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD)), time);
    }

    private DmLab(boolean strict, DmApplications applications, PlatformTime time) {
        this("jdbc:h2:mem:dm" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", strict, applications, time);
    }

    /** Lab mode, the test vectors' application known, its records in the database at {@code jdbcUrl}. */
    static DmLab onDatabase(String jdbcUrl) {
        return new DmLab(jdbcUrl, false, DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD)), PlatformTime.system());
    }

    private DmLab(String jdbcUrl, boolean strict, DmApplications applications, PlatformTime time) {
        this.records = new PlatformRecords(JdbcPlatformStore.open(jdbcUrl, null, null));
        this.time = time;
        service = new DmService(records, metrics, applications, strict, time, FAST);
        service.start("127.0.0.1", 0);
    }

    /** coap://127.0.0.1:port followed by {@code path}. */
    String uri(String path) {
        return "coap://127.0.0.1:" + service.port() + path;
    }

    /** Every event, oldest first. */
    List<DmEvent> events() {
        List<DmEvent> events = new ArrayList<>(records.store().dmEvents(10_000));
        Collections.reverse(events);
        return events;
    }

    /** The events of one kind, oldest first. */
    List<DmEvent> events(String kind) {
        return events().stream().filter(event -> event.kind().equals(kind)).toList();
    }

    DmDevice device(String endpoint) {
        return records.store().dmDevice(endpoint).orElseThrow(() -> new AssertionError("no device " + endpoint));
    }

    @Override
    public void close() {
        service.close();
        records.store().close();
        time.close();
    }
}
