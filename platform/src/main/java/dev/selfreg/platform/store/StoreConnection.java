package dev.selfreg.platform.store;

import dev.selfreg.platform.store.StoreUnavailableException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the store's two connections, the writer's or the reads', with the statements prepared on it (the
 * same few all day). When the connection breaks it is given up and the next use opens a fresh one, so the
 * store recovers by itself once the database is back. Not thread-safe: its owner uses it from one thread
 * at a time.
 */
final class StoreConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreConnection.class);

    /** How long asking a connection whether it still answers may take (JDBC's {@code isValid}), in seconds. */
    private static final int ANSWER_SECONDS = 2;
    /** H2's SQLSTATE for "the database has been closed" (org.h2.api.ErrorCode.DATABASE_IS_CLOSED). */
    private static final String H2_DATABASE_IS_CLOSED = "90098";
    /** H2's SQLSTATE for "database may be already in use" (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final String H2_DATABASE_ALREADY_OPEN = "90020";

    /** SQL's SQLSTATE for a unique constraint violation, as H2 and PostgreSQL give it. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Reads one row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final ConnectionSource source;
    /** {@code false} for the writer's, which commits its groups itself. */
    private final boolean autoCommit;
    /** {@code writer} or {@code reads}, for the log. */
    private final String role;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    /** Null once given up, until the next use. */
    private Connection connection;
    private boolean closed;

    /** Starts with {@code first}, already open. */
    StoreConnection(ConnectionSource source, Connection first, boolean autoCommit, String role) throws SQLException {
        this.source = source;
        this.autoCommit = autoCommit;
        this.role = role;
        first.setAutoCommit(autoCommit);
        this.connection = first;
    }

    /** Opens the first connection from {@code source}. */
    static StoreConnection open(ConnectionSource source, boolean autoCommit, String role) throws SQLException {
        Connection first = source.connect();
        try {
            return new StoreConnection(source, first, autoCommit, role);
        } catch (SQLException | RuntimeException e) {
            first.close();
            throw e;
        }
    }

    /** The open connection, or a fresh one when the last was given up. */
    Connection connection() {
        if (closed) {
            throw new StoreUnavailableException(Reason.CLOSED, "the platform store is closed", null);
        }
        if (connection == null) {
            try {
                Connection fresh = source.connect();
                try {
                    fresh.setAutoCommit(autoCommit);
                } catch (SQLException | RuntimeException e) {
                    fresh.close();
                    throw e;
                }
                connection = fresh;
            } catch (SQLException | RuntimeException e) {
                throw new StoreUnavailableException(Reason.DATABASE_UNREACHABLE,
                        "cannot reach the platform store at " + source.where() + ": " + e.getMessage(), e);
            }
            log.info("platform store: the {} connection to {} is open again", role, source.where());
        }
        return connection;
    }

    /** Inserts a row; returns the identity the database gave it. */
    long insert(String sql, Object[] values) throws SQLException {
        PreparedStatement statement = prepared(sql, Statement.RETURN_GENERATED_KEYS);
        Columns.bind(statement, values);
        statement.executeUpdate();
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /**
     * Inserts a row unless one with its key is there already, committed by another platform on the same database
     * since this transaction looked: returns whether it inserted. The attempt runs under a savepoint, so a
     * refused insert leaves the rest of the transaction (the writer's group) intact, as PostgreSQL would otherwise
     * abort it whole.
     */
    boolean insertUnlessPresent(String sql, Object[] values) throws SQLException {
        Savepoint before = connection().setSavepoint();
        try {
            update(sql, values);
            connection().releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection().rollback(before);
            return false;
        }
    }

    /** Returns the number of rows changed. */
    int update(String sql, Object[] values) throws SQLException {
        PreparedStatement statement = prepared(sql, Statement.NO_GENERATED_KEYS);
        Columns.bind(statement, values);
        return statement.executeUpdate();
    }

    /** Runs {@code sql} once with each row of arguments, as one batch. */
    void updateEach(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        PreparedStatement statement = prepared(sql, Statement.NO_GENERATED_KEYS);
        for (Object[] row : rows) {
            Columns.bind(statement, row);
            statement.addBatch();
        }
        try {
            statement.executeBatch();
        } finally {
            // a failed batch left behind would run again with the next
            statement.clearBatch();
        }
    }

    <T> List<T> query(String sql, int limit, Object[] args, RowReader<T> reader) throws SQLException {
        PreparedStatement statement = prepared(sql, Statement.NO_GENERATED_KEYS);
        Columns.bind(statement, args);
        statement.setMaxRows(limit);
        List<T> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(reader.read(rows));
            }
        }
        return result;
    }

    void commit() throws SQLException {
        connection().commit();
    }

    /**
     * What a failed statement means. While the connection still answers it was the statement's own fault (a
     * record the database refused): rolled back, the connection is kept. Otherwise the database's: the
     * connection is given up.
     */
    StoreException failure(String what, Exception e) {
        if (e instanceof StoreUnavailableException unavailable) {
            return unavailable;
        }
        if (connection != null && !broken(e) && rolledBack() && answers()) {
            return new StoreException(what + " failed: " + e.getMessage(), e);
        }
        giveUp(e);
        return new StoreUnavailableException(Reason.CONNECTION_LOST,
                "lost the connection to the platform store at " + source.where() + ": " + e.getMessage(), e);
    }

    /**
     * Whether the error itself says the connection is broken, whatever {@code isValid} answers: SQLSTATE class 08
     * (connection exception), PostgreSQL's 57P01 to 57P03 (the server shutting down, or ending the session), H2's
     * 90098 (its database closed after a fatal write error, a full disk say, while the session still claims to be
     * valid: kept, it would fail every later query).
     */
    private static boolean broken(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals(H2_DATABASE_IS_CLOSED))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the connection could not be opened because H2 found its file locked by a database of this very process
     * that it no longer knows by name. After H2 closed a database on a fatal write error (a full disk), the closed
     * one can unregister its name only after the writer's new connection opened the file again and registered it:
     * H2 then no longer finds the open database, and every other connection tries a second one on the same file.
     */
    static boolean lockedByAnUnregisteredDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && H2_DATABASE_ALREADY_OPEN.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes the connection and opens a fresh one: the database it was the last session of closes, and the new one
     * is registered under its name again.
     */
    void reopen() {
        giveUp(new SQLException("reopened so that the reads' connection finds the database again"));
        connection();
    }

    /** Gives the connection up (after a failed commit its state is unknown); the next use opens a fresh one. */
    void giveUp(Exception why) {
        if (connection != null) {
            log.warn("platform store: giving the {} connection to {} up: {}", role, source.where(), why.toString());
            closeQuietly();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly();
    }

    private PreparedStatement prepared(String sql, int generatedKeys) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection().prepareStatement(sql, generatedKeys);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private boolean rolledBack() {
        if (autoCommit) {
            return true;
        }
        try {
            connection.rollback();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private boolean answers() {
        try {
            return connection.isValid(ANSWER_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void closeQuietly() {
        prepared.clear();
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // a broken connection may fail to close; it is given up all the same
        } finally {
            connection = null;
        }
    }
}
