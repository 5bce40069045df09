package dev.selfreg.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.selfreg.platform.store.InterceptedConnections.HeldCommit;
import dev.selfreg.platform.store.StoreUnavailableException.Reason;
import dev.selfreg.protocol.cmdmp.DmDialect;
import dev.selfreg.protocol.zzhc.ZzhcDialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PlatformStore} database must do; run against H2 and PostgreSQL. */
abstract class PlatformStoreContract {

    /** A fresh, empty database for one test. */
    protected abstract String newDatabaseUrl() throws Exception;

    protected PlatformStore open(String url) {
        return JdbcPlatformStore.open(url, null, null);
    }

    /** Stores opened and closed while writes race their close. */
    private static final int RACING_ROUNDS = 10;
    private static final int RACING_WRITERS = 3;
    private static final int RACING_WRITES = 100;

    /** Platform processes sharing one database, in the tests of concurrent nodes. */
    private static final int NODES = 4;
    private static final int CONCURRENT_REPORTS = 600;
    private static final int SHARED_DEVICES = 40;

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private final List<Thread> writerThreads = new CopyOnWriteArrayList<>();
    private String url;
    private PlatformStore store;

    @BeforeEach
    void openStore() throws Exception {
        url = newDatabaseUrl();
        store = open(url);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static CtRegistration registration(String imei, String iccid, Instant at) {
        return new CtRegistration(0, at, "coap", "127.0.0.1:40000", imei, "460111234567890", iccid,
                "Quectel-BC260Y-CN", "BC260YCNAAR01A04", "2", "{\"REGVER\":\"2\"}");
    }

    static DmDevice device(String endpoint, String state, Map<Integer, String> info) {
        return new DmDevice(endpoint, "869999000000001", "460041234567890", "M100000000", "I", state, 86400,
                T0, T0.plusSeconds(60), "reg-1", true, info);
    }

    /** A registered device with that IMSI, last seen {@code at}. */
    static DmDevice seenAt(String endpoint, String imsi, Instant at) {
        return new DmDevice(endpoint, "869999000000001", imsi, "M100000000", "I", "registered", 86400, T0, at, "reg-1",
                true, Map.of());
    }

    /** Closes the store and opens it again, as a restart does. */
    private void reopen() {
        store.close();
        store = open(url);
    }

    /** The number a {@code SELECT COUNT(*)} gives, on a connection of its own. */
    private int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static DmEvent event(String endpoint, String kind, Instant at) {
        return new DmEvent(0, at, endpoint, "869999000000001", kind, "ok", "");
    }

    @Test
    void aCmdmpRecordTooLongForItsColumnIsRefusedAtOnceAndNothingOfItIsStored() {
        String endpoint = "I@#@abc@#@M100000000@#@869999000000001@#@v2.0";
        DmDevice longImei = new DmDevice(endpoint, "8".repeat(40), "460041234567890", "M100000000", "I",
                "registered", 86400, T0, T0, "reg-1", true, Map.of());
        // 14 values of 500 control characters: 6 characters each in JSON, past the column's 8,000
        Map<Integer, String> escaped = new HashMap<>();
        for (int id = 6601; id <= 6614; id++) {
            escaped.put(id, "\u0001".repeat(500));
        }

        assertThatThrownBy(() -> store.save(longImei, event(endpoint, "register", T0)))
                .isInstanceOf(StoreException.class).isNotInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("dm_device.imei");
        assertThat(store.saveAsync(device(endpoint, "registered", escaped), event(endpoint, "read", T0)))
                .isCompletedExceptionally();
        assertThatThrownBy(() -> store.add(new DmEvent(0, T0, endpoint, "869999000000001", "rejected", "failed",
                "r".repeat(1001)))).hasMessageContaining("dm_event.reason");

        DmEvent fits = store.save(device(endpoint, "registered", Map.of(6601, "interface")),
                event(endpoint, "register", T0));
        assertThat(store.dmEvents(10)).containsExactly(fits);
        assertThat(store.dmDevice(endpoint)).map(DmDevice::imei).contains("869999000000001");
    }

    @Test
    void anAddedRegistrationGetsAnIdAndReadsBackNewestFirst() {
        CtRegistration first = store.add(registration("869999000000001", "89860321000000000001", T0));
        CtRegistration second = store.add(registration("869999000000002", "89860321000000000002", T0.plusSeconds(1)));
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(store.ctRegistrations(null, 10)).containsExactly(second, first);
    }

    @Test
    void timesKeepMillisecondsAndComeBackAsTheSameInstant() {
        Instant at = T0.plusMillis(123);
        assertThat(store.add(registration("869999000000001", "89860321000000000001", at)).receivedAt()).isEqualTo(at);
        assertThat(store.ctRegistrations(null, 1).get(0).receivedAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(at);
    }

    @Test
    void searchMatchesImeiImsiOrIccidAndTheLimitHolds() {
        store.add(registration("869999000000001", "89860321000000000001", T0));
        store.add(registration("869999000000002", "89860321000000000002", T0));
        assertThat(store.ctRegistrations("000000002", 10)).extracting(CtRegistration::imei).containsExactly("869999000000002");
        assertThat(store.ctRegistrations("460111", 10)).hasSize(2);
        assertThat(store.ctRegistrations(null, 1)).hasSize(1);
        assertThat(store.ctRegistrations("%", 10)).hasSize(2);
    }

    @Test
    void rejectionsAreKeptWithTheirCodeAndReason() {
        CtRejection rejection = store.add(new CtRejection(0, T0, "http", "127.0.0.1:1", "3",
                "Not a China Telecom IMSI", "IMSI 460041234567890 is China Mobile", "eyJ..."));
        assertThat(store.ctRejections(10)).containsExactly(rejection);
    }

    @Test
    void aDeviceIsCreatedThenReplacedByItsEndpointName() {
        String endpoint = "I@#@abc@#@M100000000@#@869999000000001@#@v2.0";
        store.save(device(endpoint, "registered", Map.of()), event(endpoint, "register", T0));
        DmDevice updated = device(endpoint, "deregistered",
                Map.of(6601, "interface", 6603, "00:50:56:C0:00:01", 6602, "抖音|FW1|1|2"));
        store.save(updated, event(endpoint, "deregister", T0.plusSeconds(1)));
        assertThat(store.dmDevices(null, 10)).containsExactly(updated);
        assertThat(store.dmDevice(updated.endpoint())).contains(updated);
        assertThat(store.dmDevice("nobody")).isEmpty();
        assertThat(store.dmDevices("869999000000001", 10)).hasSize(1);
    }

    @Test
    void aSavedDeviceIsReadAtOnceBeforeItsChangeIsFoldedAndAfter() throws Exception {
        String first = "I@#@abc@#@M100000000@#@869999000000001@#@v2.0";
        String second = "I@#@abc@#@M100000000@#@869999000000002@#@v2.0";
        store.save(seenAt(first, "460041111111111", T0), event(first, "register", T0));
        store.save(seenAt(second, "460042222222222", T0.plusSeconds(1)), event(second, "register", T0));
        reopen();
        assertThat(count("SELECT COUNT(*) FROM dm_device_change")).as("folded at start").isZero();

        // saved since the fold: in dm_device_change only, and still what the reads find
        DmDevice moved = seenAt(first, "460043333333333", T0.plusSeconds(2));
        store.save(moved, event(first, "update", T0.plusSeconds(2)));
        assertThat(count("SELECT COUNT(*) FROM dm_device_change")).isEqualTo(1);
        assertThat(store.dmDevice(first)).contains(moved);
        assertThat(store.dmDevices(null, 1)).containsExactly(moved);
        assertThat(store.dmDevices(null, 10)).extracting(DmDevice::endpoint).containsExactly(first, second);
        assertThat(store.dmDevices("460043333333333", 10)).containsExactly(moved);
        assertThat(store.dmDevices("460041111111111", 10)).as("the folded row's IMSI is no longer the device's")
                .isEmpty();
    }

    @Test
    void aRestartFoldsTheChangesAPlatformKilledBeforeItsFoldLeft() throws Exception {
        String endpoint = "I@#@abc@#@M100000000@#@869999000000001@#@v2.0";
        store.save(device(endpoint, "registered", Map.of()), event(endpoint, "register", T0));
        DmDevice read = device(endpoint, "registered", Map.of(6601, "interface"));
        store.save(read, event(endpoint, "read", T0));
        // closing folds nothing: the database is left as by a platform killed after the commits, before a fold
        store.close();
        assertThat(count("SELECT COUNT(*) FROM dm_device")).isZero();
        assertThat(count("SELECT COUNT(*) FROM dm_device_change")).isEqualTo(2);

        store = open(url);
        assertThat(count("SELECT COUNT(*) FROM dm_device_change")).isZero();
        assertThat(count("SELECT COUNT(*) FROM dm_device WHERE terminal_info LIKE '%interface%'")).isEqualTo(1);
        assertThat(store.dmDevice(endpoint)).contains(read);
    }

    @Test
    void anOlderChangeNeverReplacesANewerDevice() throws Exception {
        String endpoint = "I@#@abc@#@M100000000@#@869999000000001@#@v2.0";
        DmEvent older = store.save(seenAt(endpoint, "460041111111111", T0), event(endpoint, "register", T0));
        DmDevice newer = seenAt(endpoint, "460042222222222", T0.plusSeconds(1));
        DmEvent newest = store.save(newer, event(endpoint, "update", T0.plusSeconds(1)));
        reopen();
        // the older change as another platform sharing the database would fold it after this one's fold
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO dm_device_change SELECT " + older.id() + ", endpoint, imei,"
                    + " '460041111111111', app_key, tml_type, state, lifetime, registered_at, last_update,"
                    + " registration_id, app_key_known, terminal_info, dialect FROM dm_device");
        }
        assertThat(store.dmDevice(endpoint)).contains(newer);
        assertThat(store.dmDevices(null, 10)).containsExactly(newer);
        reopen();
        assertThat(count("SELECT COUNT(*) FROM dm_device_change")).isZero();
        assertThat(count("SELECT COUNT(*) FROM dm_device WHERE imsi = '460042222222222' AND last_event_id = "
                + newest.id())).isEqualTo(1);
        assertThat(store.dmDevice(endpoint)).contains(newer);
    }

    @Test
    void platformsSavingOneDeviceInTurnFoldItsNewestAndAgreeOnIt() throws Exception {
        int devices = 8;
        // enough saves for each platform to fold more than once, in turns on one device
        int turns = 3 * JdbcPlatformStore.FOLD_EVERY / devices;
        ExecutorService perDevice = Executors.newFixedThreadPool(devices);
        try (PlatformStore other = open(url)) {
            List<PlatformStore> nodes = List.of(store, other);
            List<Future<?>> saved = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                String endpoint = "I@#@node@#@M100000000@#@86999900000" + String.format("%04d", d) + "@#@v2.0";
                saved.add(perDevice.submit(() -> {
                    for (int turn = 0; turn < turns; turn++) {
                        Instant at = T0.plusSeconds(turn);
                        nodes.get(turn % 2).save(seenAt(endpoint, "460040000000000", at), event(endpoint, "update", at));
                    }
                }));
            }
            for (Future<?> device : saved) {
                device.get(120, TimeUnit.SECONDS);
            }
            Instant last = T0.plusSeconds(turns - 1);
            for (PlatformStore node : nodes) {
                assertThat(node.dmDevices(null, Integer.MAX_VALUE)).hasSize(devices)
                        .allSatisfy(device -> assertThat(device.lastUpdate()).isEqualTo(last));
            }
            assertThat(count("SELECT COUNT(*) FROM dm_device")).as("folded while saving").isEqualTo(devices);
        } finally {
            perDevice.shutdownNow();
        }
        reopen();
        assertThat(count("SELECT COUNT(*) FROM dm_device_change")).isZero();
        assertThat(count("SELECT COUNT(*) FROM dm_device WHERE last_event_id = (SELECT MAX(id) FROM dm_event e"
                + " WHERE e.endpoint = dm_device.endpoint)")).as("each device's newest change").isEqualTo(devices);
    }

    @Test
    void aDeviceIsSavedWithItsEventOrNotAtAll() {
        String endpoint = "I@#@abc@#@M100000000@#@869999000000001@#@v2.0";
        DmEvent register = store.save(device(endpoint, "registered", Map.of()), event(endpoint, "register", T0));
        assertThat(store.dmEvents(10)).containsExactly(register);

        DmEvent tooLongKind = event(endpoint, "a kind longer than its column", T0.plusSeconds(1));
        assertThatThrownBy(() -> store.save(device(endpoint, "deregistered", Map.of()), tooLongKind))
                .isInstanceOf(StoreException.class);

        assertThat(store.dmDevice(endpoint)).map(DmDevice::state).contains("registered");
        assertThat(store.dmEvents(10)).containsExactly(register);
    }

    @Test
    void anEventAddedWithoutWaitingIsCommittedWhenItsFutureCompletes() {
        DmEvent read = store.addAsync(event("ep", "read", T0)).join();
        assertThat(read.id()).isPositive();
        assertThat(store.dmEvents(10)).containsExactly(read);
    }

    @Test
    void eventsReadBackNewestFirst() {
        DmEvent register = store.add(new DmEvent(0, T0, "ep", "869999000000001", "register", "ok", ""));
        DmEvent read = store.add(new DmEvent(0, T0.plusSeconds(1), "ep", "869999000000001", "read", "failed", "timeout"));
        assertThat(store.dmEvents(10)).containsExactly(read, register);
    }

    @Test
    void recordsSurviveClosingAndReopening() {
        CtRegistration saved = store.add(registration("869999000000001", "89860321000000000001", T0));
        store.close();
        store = open(url);
        assertThat(store.ctRegistrations(null, 10)).containsExactly(saved);
    }

    @Test
    void twoPlatformsSharingTheDatabaseNumberRecordsInTheOrderTheyAreAdded() {
        try (PlatformStore other = open(url)) {
            CtRegistration first = store.add(registration("869999000000001", "89860321000000000001", T0));
            CtRegistration second = other.add(registration("869999000000002", "89860321000000000002", T0));
            CtRegistration third = store.add(registration("869999000000003", "89860321000000000003", T0));
            assertThat(List.of(first.id(), second.id(), third.id())).isSorted();
            assertThat(store.ctRegistrations(null, 10)).containsExactly(third, second, first);
        }
    }

    @Test
    void nodesStartingTogetherOnAFreshDatabaseAllOpenItAtTheCurrentSchema() throws Exception {
        String fresh = newDatabaseUrl();
        ExecutorService starting = Executors.newFixedThreadPool(NODES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PlatformStore>> opening = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
            opening.add(starting.submit(() -> {
                go.await();
                return open(fresh);
            }));
        }
        go.countDown();
        List<PlatformStore> nodes = new ArrayList<>();
        try {
            for (Future<PlatformStore> node : opening) {
                nodes.add(node.get(30, TimeUnit.SECONDS));
            }
            for (int node = 0; node < NODES; node++) {
                nodes.get(node).add(registration(String.format("86999900000000%d", node),
                        String.format("8986032100000000000%d", node), T0));
            }
            assertThat(nodes.get(0).ctRegistrations(null, 10)).hasSize(NODES);
        } finally {
            nodes.forEach(PlatformStore::close);
            starting.shutdownNow();
        }
        try (Connection connection = ConnectionSource.of(fresh, null, null).connect();
             Statement statement = connection.createStatement();
             ResultSet versions = statement.executeQuery("SELECT version FROM selfreg_schema")) {
            assertThat(versions.next()).isTrue();
            assertThat(versions.getInt(1)).isEqualTo(SchemaMigrations.currentVersion());
            assertThat(versions.next()).as("one version row").isFalse();
        }
    }

    @Test
    void nodesWritingAtOnceLoseNoAcknowledgedRecordAndNumberEachOnce() throws Exception {
        try (PlatformStore other = open(url)) {
            List<PlatformStore> nodes = List.of(store, other);
            List<CompletableFuture<?>> acknowledged = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_REPORTS; i++) {
                PlatformStore node = nodes.get(i % 2);
                acknowledged.add(node.addAsync(registration(String.format("8699990%08d", i),
                        String.format("898603210000%08d", i), T0.plusMillis(i))));
            }
            // both nodes see each new device at once, as when a device's messages reach two platforms
            ExecutorService devices = Executors.newFixedThreadPool(2);
            try {
                for (int d = 0; d < SHARED_DEVICES; d++) {
                    String endpoint = "I@#@node@#@M100000000@#@86999900000" + String.format("%04d", d) + "@#@v2.0";
                    CountDownLatch both = new CountDownLatch(2);
                    for (PlatformStore node : nodes) {
                        acknowledged.add(CompletableFuture.runAsync(() -> {
                            both.countDown();
                            try {
                                both.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            node.save(device(endpoint, "registered", Map.of()), event(endpoint, "register", T0));
                        }, devices));
                    }
                }
                CompletableFuture.allOf(acknowledged.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                devices.shutdownNow();
            }
            List<CtRegistration> stored = store.ctRegistrations(null, Integer.MAX_VALUE);
            assertThat(stored).hasSize(CONCURRENT_REPORTS);
            assertThat(stored.stream().map(CtRegistration::id).distinct()).hasSize(CONCURRENT_REPORTS);
            assertThat(other.dmDevices(null, Integer.MAX_VALUE)).hasSize(SHARED_DEVICES);
            assertThat(other.dmEvents(Integer.MAX_VALUE)).hasSize(2 * SHARED_DEVICES);
        }
    }

    @Test
    void aVersion1DatabaseIsMigratedWithItsRecordsAndGoesOnCounting() throws Exception {
        String version1 = reopenedAfter(1, "INSERT INTO ct_registration (received_at, transport, peer, imei,"
                + " report_json) VALUES (TIMESTAMP WITH TIME ZONE '2026-11-26 08:00:00+00', 'coap', '127.0.0.1:1',"
                + " '869999000000001', '{}')");
        CtRegistration old = store.ctRegistrations(null, 10).get(0);
        CtRegistration added = store.add(registration("869999000000002", "89860321000000000002", T0));
        assertThat(old.imei()).isEqualTo("869999000000001");
        assertThat(added.id()).isGreaterThan(old.id());
        try (Connection connection = DriverManager.getConnection(version1);
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT version FROM selfreg_schema")) {
            version.next();
            assertThat(version.getInt(1)).isEqualTo(SchemaMigrations.currentVersion());
        }
    }

    @Test
    void eachRecordKeepsTheDialectItWasSeenIn() {
        CtRegistration r = registration("869999000000001", "89860321000000000001", T0);
        Optional<ZzhcDialect> cat1 = ZzhcDialect.parse("v5-cat1+cellid-hex+regdate-comma");
        CtRegistration registration = store.add(new CtRegistration(0, T0, "http", r.peer(), r.imei(), r.imsi(),
                r.iccid(), r.model(), r.swver(), "5.0", r.reportJson(), cat1));
        CtRejection rejection = store.add(new CtRejection(0, T0, "coap", "127.0.0.1:1", "3", "Not a China Telecom IMSI",
                "IMSI 460041234567890", "eyJ...", ZzhcDialect.parse("v1-modelsms")));
        String endpoint = "I@#@abc@#@M100000000@#@869999000000001@#@V2.0";
        Optional<DmDialect> upper = Optional.of(DmDialect.of(DmDialect.Feature.VERSION_UPPER_CASE,
                DmDialect.Feature.EPI_FULL));
        DmDevice d = device(endpoint, "registered", Map.of());
        DmDevice device = new DmDevice(d.endpoint(), d.imei(), d.imsi(), d.appKey(), d.tmlType(), d.state(),
                d.lifetime(), d.registeredAt(), d.lastUpdate(), d.registrationId(), true, Map.of(), upper);
        DmEvent update = store.save(device, new DmEvent(0, T0, endpoint, d.imei(), "update", "ok", "", upper));

        assertThat(store.ctRegistrations(null, 10)).containsExactly(registration);
        assertThat(registration.dialect()).isEqualTo(cat1);
        assertThat(store.ctRejections(10)).containsExactly(rejection);
        assertThat(store.dmDevice(endpoint)).contains(device);
        assertThat(store.dmEvents(10)).containsExactly(update);
        assertThat(update.dialect()).isEqualTo(upper);
    }

    @Test
    void aRecordWithoutADialectReadsBackWithoutOne() {
        CtRegistration registration = store.add(registration("869999000000001", "89860321000000000001", T0));
        DmEvent read = store.add(event("ep", "read", T0));

        assertThat(store.ctRegistrations(null, 10).get(0).dialect()).isEmpty();
        assertThat(store.dmEvents(10).get(0).dialect()).isEmpty();
        assertThat(registration.dialect()).isEmpty();
        assertThat(read.dialect()).isEmpty();
    }

    @Test
    void aVersion2DatabaseGainsTheDialectColumnsAndKeepsItsRecordsWithoutOne() throws Exception {
        reopenedAfter(2, "INSERT INTO dm_event (time, endpoint, imei, kind, outcome, reason)"
                + " VALUES (TIMESTAMP WITH TIME ZONE '2026-11-26 08:00:00+00', 'ep', '869999000000001',"
                + " 'register', 'ok', '')");

        assertThat(store.dmEvents(10)).singleElement().satisfies(old -> assertThat(old.dialect()).isEmpty());
        DmEvent added = store.add(new DmEvent(0, T0, "ep", "869999000000001", "update", "ok", "",
                DmDialect.parse("epi-full")));
        assertThat(store.dmEvents(10).get(0)).isEqualTo(added);
    }

    /**
     * A fresh database brought to schema {@code version}, a row written there with {@code insert}, then opened as the
     * test's store (which migrates it to the current version); its URL.
     */
    private String reopenedAfter(int version, String insert) throws Exception {
        String older = newDatabaseUrl();
        try (Connection connection = DriverManager.getConnection(older);
             Statement statement = connection.createStatement()) {
            SchemaMigrations.migrate(connection, version);
            statement.executeUpdate(insert);
        }
        store.close();
        store = open(older);
        return older;
    }

    @Test
    void aDatabaseWithANewerSchemaIsRefused() throws Exception {
        store.close();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE selfreg_schema SET version = 99");
        }
        assertThatThrownBy(() -> open(url)).isInstanceOf(StoreException.class).hasMessageContaining("newer");
        store = open(newDatabaseUrl());
    }

    @Test
    void aGroupWhoseCommitFailsFailsEveryWriteInItAndTheNextWriteCommitsOnAFreshConnection() throws Exception {
        InterceptedConnections database = intercepted();
        try (PlatformStore faulty = openOn(database)) {
            HeldCommit held = database.holdNextCommit();
            database.beforeNextCommit(() -> {
                throw new SQLException("injected: the commit fails");
            });
            CompletableFuture<CtRegistration> first = faulty.addAsync(registration("869999000000001", "89860321000000000001", T0));
            held.awaitReached();
            // queued while the writer commits the first: the next group
            CompletableFuture<CtRegistration> second = faulty.addAsync(registration("869999000000002", "89860321000000000002", T0));
            CompletableFuture<CtRegistration> third = faulty.addAsync(registration("869999000000003", "89860321000000000003", T0));
            held.release();

            assertThat(refusal(second).reason()).isEqualTo(Reason.COMMIT_FAILED);
            assertThat(refusal(third)).hasMessageContaining("injected: the commit fails");
            int connects = database.connects();
            CtRegistration fourth = faulty.add(registration("869999000000004", "89860321000000000004", T0));
            assertThat(database.connects()).isEqualTo(connects + 1);
            CtRegistration committed = first.get(5, TimeUnit.SECONDS);
            assertThat(faulty.ctRegistrations(null, 10)).containsExactly(fourth, committed);
        }
    }

    @Test
    void whenTheWriterDiesEveryWriteWaitingAndEveryLaterOneFailsAtOnce() throws Exception {
        InterceptedConnections database = intercepted();
        try (PlatformStore faulty = openOn(database)) {
            HeldCommit held = database.holdNextCommit(() -> {
                throw new Error("injected: the writer dies");
            });
            CompletableFuture<CtRegistration> inCommit = faulty.addAsync(registration("869999000000001", "89860321000000000001", T0));
            held.awaitReached();
            CompletableFuture<CtRegistration> waiting = faulty.addAsync(registration("869999000000002", "89860321000000000002", T0));
            held.release();

            assertThat(refusal(inCommit).reason()).isEqualTo(Reason.WRITER_STOPPED);
            assertThat(refusal(waiting)).hasMessageContaining("writer stopped").hasRootCauseMessage("injected: the writer dies");
            writerThreads.get(0).join(5_000);
            assertThat(writerThreads.get(0).isAlive()).isFalse();
            assertThat(faulty.addAsync(event("ep", "read", T0))).isCompletedExceptionally();
            assertThatThrownBy(() -> faulty.add(registration("869999000000003", "89860321000000000003", T0)))
                    .isInstanceOfSatisfying(StoreUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.WRITER_STOPPED));
            assertThat(faulty.ctRegistrations(null, 10)).isEmpty();
        }
    }

    @Test
    void readsAreAnsweredWhileTheWriterIsInACommit() throws Exception {
        InterceptedConnections database = intercepted();
        try (PlatformStore faulty = openOn(database)) {
            CtRegistration stored = faulty.add(registration("869999000000001", "89860321000000000001", T0));
            HeldCommit commit = database.holdNextCommit();
            CompletableFuture<CtRegistration> held = faulty.addAsync(registration("869999000000002", "89860321000000000002", T0));
            try {
                commit.awaitReached();
                assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> faulty.ctRegistrations(null, 10)))
                        .containsExactly(stored);
            } finally {
                commit.release();
            }
            CtRegistration committed = held.get(5, TimeUnit.SECONDS);
            assertThat(faulty.ctRegistrations(null, 10)).containsExactly(committed, stored);
        }
    }

    @Test
    void closeCommitsWhatIsWaitingAndRefusesWhatComesAfter() throws Exception {
        InterceptedConnections database = intercepted();
        PlatformStore closing = openOn(database);
        HeldCommit held = database.holdNextCommit();
        CompletableFuture<CtRegistration> inCommit = closing.addAsync(registration("869999000000001", "89860321000000000001", T0));
        held.awaitReached();
        CompletableFuture<CtRegistration> waiting = closing.addAsync(registration("869999000000002", "89860321000000000002", T0));
        Thread closer = new Thread(closing::close, "closer");
        closer.start();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> closer.getState() == Thread.State.WAITING);

        CompletableFuture<CtRegistration> late = closing.addAsync(registration("869999000000003", "89860321000000000003", T0));
        assertThat(late).isCompletedExceptionally();
        assertThat(refusal(late).reason()).isEqualTo(Reason.CLOSED);
        held.release();
        closer.join(5_000);
        assertThat(closer.isAlive()).isFalse();
        List<CtRegistration> committed = List.of(waiting.get(5, TimeUnit.SECONDS), inCommit.get(5, TimeUnit.SECONDS));
        assertThat(store.ctRegistrations(null, 10)).containsExactlyElementsOf(committed);
    }

    @Test
    void aWriteRacingCloseIsCommittedOrRefusedAsClosedAndNeverLeftWaiting() throws Exception {
        List<CompletableFuture<CtRegistration>> writes = new CopyOnWriteArrayList<>();
        for (int round = 0; round < RACING_ROUNDS; round++) {
            PlatformStore racing = open(url);
            ExecutorService writers = Executors.newFixedThreadPool(RACING_WRITERS);
            CountDownLatch writing = new CountDownLatch(RACING_WRITERS);
            for (int w = 0; w < RACING_WRITERS; w++) {
                writers.execute(() -> {
                    writing.countDown();
                    for (int i = 0; i < RACING_WRITES; i++) {
                        writes.add(racing.addAsync(registration("869999000000001", "89860321000000000001", T0)));
                    }
                });
            }
            writing.await();
            racing.close();
            writers.shutdown();
            assertThat(writers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        long acknowledged = 0;
        for (CompletableFuture<CtRegistration> write : writes) {
            try {
                write.get(5, TimeUnit.SECONDS);
                acknowledged++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("closed");
            }
        }
        assertThat(store.ctRegistrations(null, Integer.MAX_VALUE)).hasSize((int) acknowledged);
    }

    @Test
    void aWriteBeyondTheQueuesCapacityIsRefusedAtOnceAndTheQueuedOnesAreCommitted() throws Exception {
        InterceptedConnections database = intercepted();
        // time stands still for the writer: however long filling the queue takes, no write has waited too long
        try (JdbcPlatformStore faulty = (JdbcPlatformStore) openOn(database, () -> 0L)) {
            HeldCommit held = database.holdNextCommit();
            CompletableFuture<CtRegistration> inCommit = faulty.addAsync(registration("869999000000000", "89860321000000000000", T0));
            held.awaitReached();
            List<CompletableFuture<CtRegistration>> queued = new ArrayList<>();
            for (int i = 1; i <= JdbcPlatformStore.WRITE_QUEUE_CAPACITY; i++) {
                queued.add(faulty.addAsync(registration(String.format("86999%010d", i), "89860321000000000001", T0)));
            }
            CompletableFuture<CtRegistration> beyond = faulty.addAsync(registration("869998000000000", "89860321000000000002", T0));

            assertThat(beyond).as("refused at once, before the held commit ends").isCompletedExceptionally();
            assertThat(refusal(beyond).reason()).isEqualTo(Reason.QUEUE_FULL);
            assertThat(faulty.writesQueuedPeak()).isEqualTo(JdbcPlatformStore.WRITE_QUEUE_CAPACITY);
            held.release();
            inCommit.get(5, TimeUnit.SECONDS);
            CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(faulty.ctRegistrations(null, Integer.MAX_VALUE)).hasSize(JdbcPlatformStore.WRITE_QUEUE_CAPACITY + 1);
            assertThat(faulty.writesQueuedPeak()).isEqualTo(JdbcPlatformStore.WRITE_QUEUE_CAPACITY);
        }
    }

    @Test
    void aWriteThatWaitedLongerThanTheQueueAllowsIsRefusedUntriedAndTheNextIsCommitted() throws Exception {
        InterceptedConnections database = intercepted();
        AtomicLong now = new AtomicLong();
        try (PlatformStore faulty = openOn(database, now::get)) {
            HeldCommit held = database.holdNextCommit();
            CompletableFuture<CtRegistration> inCommit = faulty.addAsync(registration("869999000000001", "89860321000000000001", T0));
            held.awaitReached();
            CompletableFuture<CtRegistration> waiting = faulty.addAsync(registration("869999000000002", "89860321000000000002", T0));
            now.addAndGet(JdbcPlatformStore.WRITE_QUEUE_MAX_WAIT.toNanos() + 1);
            held.release();

            assertThat(refusal(waiting).reason()).isEqualTo(Reason.QUEUE_WAIT);
            CtRegistration committed = inCommit.get(5, TimeUnit.SECONDS);
            CtRegistration next = faulty.add(registration("869999000000003", "89860321000000000003", T0));
            assertThat(faulty.ctRegistrations(null, 10)).containsExactly(next, committed);
        }
    }

    @Test
    void aStoreToldToLetWritesWaitLongerRunsOneThatWaitedPastTheDefault() throws Exception {
        InterceptedConnections database = intercepted();
        AtomicLong now = new AtomicLong();
        try (PlatformStore faulty = openOn(database, now::get)) {
            ((JdbcPlatformStore) faulty).refuseWritesWaitingOver(JdbcPlatformStore.WRITE_QUEUE_MAX_WAIT.multipliedBy(5));
            HeldCommit held = database.holdNextCommit();
            CompletableFuture<CtRegistration> inCommit = faulty.addAsync(registration("869999000000001", "89860321000000000001", T0));
            held.awaitReached();
            CompletableFuture<CtRegistration> waiting = faulty.addAsync(registration("869999000000002", "89860321000000000002", T0));
            now.addAndGet(JdbcPlatformStore.WRITE_QUEUE_MAX_WAIT.multipliedBy(4).toNanos());
            held.release();

            CtRegistration first = inCommit.get(5, TimeUnit.SECONDS);
            CtRegistration second = waiting.get(5, TimeUnit.SECONDS);
            assertThat(faulty.ctRegistrations(null, 10)).containsExactly(second, first);
        }
    }

    /** Connections to this test's database whose commits the test can hold or fail. */
    private InterceptedConnections intercepted() {
        return new InterceptedConnections(ConnectionSource.of(url, null, null));
    }

    /** A store on {@code database}, its writer on a thread the test can watch. */
    private PlatformStore openOn(ConnectionSource database) {
        return openOn(database, System::nanoTime);
    }

    /** The same, the writer measuring how long writes wait on {@code nanoTime}. */
    private PlatformStore openOn(ConnectionSource database, LongSupplier nanoTime) {
        return JdbcPlatformStore.open(database, loop -> {
            Thread thread = new Thread(loop, "test-store-writer");
            writerThreads.add(thread);
            thread.start();
        }, ForkJoinPool.commonPool(), nanoTime);
    }

    /** Why the write was refused, once it has been (within a short bound). */
    static StoreUnavailableException refusal(CompletableFuture<?> write) {
        ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> write.get(5, TimeUnit.SECONDS));
        assertThat(failed).as("the write failed").isNotNull();
        assertThat(failed.getCause()).isInstanceOf(StoreUnavailableException.class);
        return (StoreUnavailableException) failed.getCause();
    }
}
