package dev.selfreg.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform store on JDBC: H2 (embedded, the default) or PostgreSQL, same SQL, same tests.
 * One connection, serialised: every call commits before it returns, which is what the
 * platform's "reply only after commit" rule needs, and the lab's load fits one connection.
 */
public final class JdbcPlatformStore implements PlatformStore {

    /**
     * H2 options for the embedded default: commit means written to the file (no write delay),
     * so a killed platform keeps every acknowledged record.
     */
    private static final String H2_DURABLE = ";WRITE_DELAY=0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Integer, String>> TERMINAL_INFO = new TypeReference<>() { };

    private final Connection connection;

    private JdbcPlatformStore(Connection connection) {
        this.connection = connection;
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
    public synchronized CtRegistration add(CtRegistration r) {
        String sql = "INSERT INTO ct_registration (received_at, transport, peer, imei, imsi, iccid, model, swver, regver, report_json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        return r.withId(insert(sql, r.receivedAt(), r.transport(), r.peer(), r.imei(), r.imsi(), r.iccid(), r.model(),
                r.swver(), r.regver(), r.reportJson()));
    }

    @Override
    public synchronized CtRejection add(CtRejection r) {
        String sql = "INSERT INTO ct_rejection (received_at, transport, peer, result_code, reason, detail, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        return r.withId(insert(sql, r.receivedAt(), r.transport(), r.peer(), r.resultCode(), r.reason(), r.detail(), r.body()));
    }

    @Override
    public synchronized DmEvent add(DmEvent e) {
        String sql = "INSERT INTO dm_event (time, endpoint, imei, kind, outcome, reason) VALUES (?, ?, ?, ?, ?, ?)";
        return e.withId(insert(sql, e.time(), e.endpoint(), e.imei(), e.kind(), e.outcome(), e.reason()));
    }

    @Override
    public synchronized void save(DmDevice d) {
        Object[] values = {d.imei(), d.imsi(), d.appKey(), d.tmlType(), d.state(), d.lifetime(), d.registeredAt(),
                d.lastUpdate(), d.registrationId(), d.appKeyKnown(), json(d.terminalInfo()), d.endpoint()};
        try {
            connection.setAutoCommit(false);
            int updated = update("UPDATE dm_device SET imei = ?, imsi = ?, app_key = ?, tml_type = ?, state = ?, lifetime = ?,"
                    + " registered_at = ?, last_update = ?, registration_id = ?, app_key_known = ?, terminal_info = ?"
                    + " WHERE endpoint = ?", values);
            if (updated == 0) {
                update("INSERT INTO dm_device (imei, imsi, app_key, tml_type, state, lifetime, registered_at, last_update,"
                        + " registration_id, app_key_known, terminal_info, endpoint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        values);
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot save device " + d.endpoint(), e);
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

    @Override
    public synchronized void close() {
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

    private long insert(String sql, Object... args) {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, args);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("insert failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object[] args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        }
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
