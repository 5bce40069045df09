package dev.selfreg.platform.store;

import dev.selfreg.platform.store.StoreUnavailableException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** Returns the number of rows changed. */
    int update(String sql, Object[] values) throws SQLException {
        PreparedStatement statement = prepared(sql, Statement.NO_GENERATED_KEYS);
        Columns.bind(statement, values);
        return statement.executeUpdate();
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
        if (connection != null && rolledBack() && answers()) {
            return new StoreException(what + " failed: " + e.getMessage(), e);
        }
        giveUp(e);
        return new StoreUnavailableException(Reason.DATABASE_UNREACHABLE,
                "lost the connection to the platform store at " + source.where() + ": " + e.getMessage(), e);
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
