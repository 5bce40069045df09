package dev.selfreg.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The platform store on JDBC: H2 (embedded, the default) or PostgreSQL, same SQL, same tests.
 * Writes go through one writer thread that commits whatever is waiting as one transaction
 * (group commit): a write's future completes only after its commit, which is what the
 * platform's "reply only after commit" rule needs, while many devices reporting at once share
 * the cost of a commit. A write that fails in a group is retried alone, so one bad record never
 * takes others down with it. Reads share the one connection between groups.
 */
public final class JdbcPlatformStore implements PlatformStore {

    /**
     * H2 options for the embedded default: commit means written to the file (no write delay),
     * so a killed platform keeps every acknowledged record.
     */
    private static final String H2_DURABLE = ";WRITE_DELAY=0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Integer, String>> TERMINAL_INFO = new TypeReference<>() { };

    /** The most writes committed together. */
    private static final int MAX_GROUP = 512;

    private final Connection connection;
    /** Statements prepared once and reused: the writer runs the same few inserts all day. */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private final BlockingQueue<PendingWrite<?>> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    private JdbcPlatformStore(Connection connection) {
        this.connection = connection;
        this.writer = new Thread(this::writeLoop, "platform-store-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** One unit of work against the connection, inside the writer's transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private record PendingWrite<T>(Work<T> work, CompletableFuture<T> done) {
        void runAndHold(List<Runnable> completions) throws SQLException {
            T result = work.run();
            completions.add(() -> done.complete(result));
        }
    }

    /** The default store: an H2 database file under {@code dataDir}, created if missing. */
    public static JdbcPlatformStore openEmbedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create " + dataDir, e);
        }
        return open("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("selfreg") + H2_DURABLE, null, null);
    }

    /** Opens (and migrates) the database at {@code jdbcUrl}. */
    public static JdbcPlatformStore open(String jdbcUrl, String user, String password) {
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
            SchemaMigrations.migrate(connection);
            connection.setAutoCommit(true);
            return new JdbcPlatformStore(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open the platform store at " + redacted(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    /** A JDBC URL with any password parameter blanked, for messages. */
    static String redacted(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    @Override
    public CtRegistration add(CtRegistration registration) {
        return await(addAsync(registration));
    }

    @Override
    public CompletableFuture<CtRegistration> addAsync(CtRegistration r) {
        String sql = "INSERT INTO ct_registration (received_at, transport, peer, imei, imsi, iccid, model, swver, regver, report_json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        return write(() -> r.withId(insert(sql, r.receivedAt(), r.transport(), r.peer(), r.imei(), r.imsi(), r.iccid(),
                r.model(), r.swver(), r.regver(), r.reportJson())));
    }

    @Override
    public CtRejection add(CtRejection rejection) {
        return await(addAsync(rejection));
    }

    @Override
    public CompletableFuture<CtRejection> addAsync(CtRejection r) {
        String sql = "INSERT INTO ct_rejection (received_at, transport, peer, result_code, reason, detail, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        return write(() -> r.withId(insert(sql, r.receivedAt(), r.transport(), r.peer(), r.resultCode(), r.reason(),
                r.detail(), r.body())));
    }

    @Override
    public DmEvent add(DmEvent event) {
        return await(addAsync(event));
    }

    @Override
    public CompletableFuture<DmEvent> addAsync(DmEvent event) {
        return write(() -> insert(event));
    }

    @Override
    public DmEvent save(DmDevice device, DmEvent event) {
        // the values (the terminal information as JSON among them) are made here, not on the writer thread
        Object[] deviceValues = {device.imei(), device.imsi(), device.appKey(), device.tmlType(), device.state(),
                device.lifetime(), device.registeredAt(), device.lastUpdate(), device.registrationId(),
                device.appKeyKnown(), json(device.terminalInfo()), device.endpoint()};
        return await(write(() -> {
            upsert(deviceValues);
            return insert(event);
        }));
    }

    private DmEvent insert(DmEvent e) throws SQLException {
        String sql = "INSERT INTO dm_event (time, endpoint, imei, kind, outcome, reason) VALUES (?, ?, ?, ?, ?, ?)";
        return e.withId(insert(sql, e.time(), e.endpoint(), e.imei(), e.kind(), e.outcome(), e.reason()));
    }

    /** Creates or replaces a device: {@code values} in the column order of the statements, the endpoint last. */
    private void upsert(Object[] values) throws SQLException {
        int updated = update("UPDATE dm_device SET imei = ?, imsi = ?, app_key = ?, tml_type = ?, state = ?, lifetime = ?,"
                + " registered_at = ?, last_update = ?, registration_id = ?, app_key_known = ?, terminal_info = ?"
                + " WHERE endpoint = ?", values);
        if (updated == 0) {
            update("INSERT INTO dm_device (imei, imsi, app_key, tml_type, state, lifetime, registered_at, last_update,"
                    + " registration_id, app_key_known, terminal_info, endpoint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values);
        }
    }

    private <T> CompletableFuture<T> write(Work<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new StoreException("the platform store is closed", null));
        } else {
            pending.add(new PendingWrite<>(work, done));
        }
        return done;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StoreException store ? store : new StoreException("write failed", e.getCause());
        }
    }

    private void writeLoop() {
        List<PendingWrite<?>> group = new ArrayList<>();
        while (!closed || !pending.isEmpty()) {
            try {
                PendingWrite<?> first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, MAX_GROUP - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    /** Commits the group as one transaction; on failure, each write alone. */
    private synchronized void commit(List<PendingWrite<?>> group) {
        if (group.size() > 1 && commitTogether(group)) {
            return;
        }
        for (PendingWrite<?> write : group) {
            commitTogether(List.of(write));
        }
    }

    private boolean commitTogether(List<PendingWrite<?>> group) {
        List<Runnable> completions = new ArrayList<>(group.size());
        try {
            connection.setAutoCommit(false);
            for (PendingWrite<?> write : group) {
                write.runAndHold(completions);
            }
            connection.commit();
            // the callers' continuations (announcing, replying to the device) run off the writer,
            // which goes straight on to the next group
            ForkJoinPool.commonPool().execute(() -> completions.forEach(Runnable::run));
            return true;
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (group.size() == 1) {
                group.get(0).done().completeExceptionally(new StoreException("write failed: " + e.getMessage(), e));
            }
            return false;
        } finally {
            autoCommit();
        }
    }

    @Override
    public synchronized List<CtRegistration> ctRegistrations(String search, int limit) {
        String where = search == null ? "" : " WHERE imei LIKE ? OR imsi LIKE ? OR iccid LIKE ?";
        return query("SELECT id, received_at, transport, peer, imei, imsi, iccid, model, swver, regver, report_json"
                + " FROM ct_registration" + where + " ORDER BY id DESC", limit, searchArgs(search, 3),
                rows -> new CtRegistration(rows.getLong(1), instant(rows, 2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                        rows.getString(10), rows.getString(11)));
    }

    @Override
    public synchronized List<CtRejection> ctRejections(int limit) {
        return query("SELECT id, received_at, transport, peer, result_code, reason, detail, body FROM ct_rejection"
                + " ORDER BY id DESC", limit, new Object[0],
                rows -> new CtRejection(rows.getLong(1), instant(rows, 2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8)));
    }

    @Override
    public synchronized List<DmDevice> dmDevices(String search, int limit) {
        String where = search == null ? "" : " WHERE endpoint LIKE ? OR imei LIKE ? OR imsi LIKE ?";
        return query(DEVICE_COLUMNS + where + " ORDER BY last_update DESC, endpoint", limit, searchArgs(search, 3),
                JdbcPlatformStore::device);
    }

    @Override
    public synchronized Optional<DmDevice> dmDevice(String endpoint) {
        return query(DEVICE_COLUMNS + " WHERE endpoint = ?", 1, new Object[] {endpoint}, JdbcPlatformStore::device)
                .stream().findFirst();
    }

    @Override
    public synchronized List<DmEvent> dmEvents(int limit) {
        return query("SELECT id, time, endpoint, imei, kind, outcome, reason FROM dm_event ORDER BY id DESC", limit,
                new Object[0], rows -> new DmEvent(rows.getLong(1), instant(rows, 2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)));
    }

    /** Commits what is waiting, then closes. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closeConnection();
        }
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing the platform store failed", e);
        }
    }

    private static final String DEVICE_COLUMNS = "SELECT endpoint, imei, imsi, app_key, tml_type, state, lifetime,"
            + " registered_at, last_update, registration_id, app_key_known, terminal_info FROM dm_device";

    private static DmDevice device(ResultSet rows) throws SQLException {
        return new DmDevice(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getLong(7), instant(rows, 8), instant(rows, 9), rows.getString(10),
                rows.getBoolean(11), terminalInfo(rows.getString(12)));
    }

    /** Reads one row. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, int limit, Object[] args, RowReader<T> reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            statement.setMaxRows(limit);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    private long insert(String sql, Object... args) throws SQLException {
        PreparedStatement statement = prepared(sql, Statement.RETURN_GENERATED_KEYS);
        bind(statement, args);
        statement.executeUpdate();
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private int update(String sql, Object[] args) throws SQLException {
        PreparedStatement statement = prepared(sql, Statement.NO_GENERATED_KEYS);
        bind(statement, args);
        return statement.executeUpdate();
    }

    private PreparedStatement prepared(String sql, int generatedKeys) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql, generatedKeys);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object value = args[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : args[i];
            statement.setObject(i + 1, value);
        }
    }

    private static Object[] searchArgs(String search, int columns) {
        if (search == null) {
            return new Object[0];
        }
        Object[] args = new Object[columns];
        Arrays.fill(args, "%" + search.replace("%", "").replace("_", "") + "%");
        return args;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String json(Map<Integer, String> terminalInfo) {
        try {
            return JSON.writeValueAsString(terminalInfo);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode terminal information", e);
        }
    }

    private static Map<Integer, String> terminalInfo(String json) {
        try {
            return JSON.readValue(json, TERMINAL_INFO);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored terminal information is not JSON", e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("cannot restore auto-commit", e);
        }
    }
}
