package dev.selfreg.platform.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Brings a database to the current schema: numbered SQL scripts ({@code db/V<n>__*.sql}) run in
 * order, each in one transaction with the version bump, so a crash mid-migration leaves the
 * previous version. The version lives in {@code selfreg_schema}.
 */
final class SchemaMigrations {

    /** H2's product name, as JDBC's {@code DatabaseMetaData} gives it. */
    private static final String H2 = "H2";
    private static final String POSTGRESQL = "PostgreSQL";
    /** The key of the PostgreSQL advisory lock migrations hold: "selfreg" in ASCII. */
    private static final long MIGRATION_LOCK = 0x73656c66726567L;

    /** The scripts, in order; script n brings the schema to version n. */
    private static final List<Script> SCRIPTS = List.of(
            new Script("db/V1__initial.sql", null),
            // H2 only: PostgreSQL caches sequence values per connection, so with platforms sharing one database the
            // ids of one would interleave with the other's and "newest first" would no longer hold
            new Script("db/V2__identity_cache.sql", H2),
            new Script("db/V3__dialect.sql", null),
            new Script("db/V4__device_changes.sql", null));

    /**
     * One migration script, run on every database or on one product only (as JDBC names it); on the others it
     * changes nothing but the version.
     */
    private record Script(String resource, String onlyOn) {
        boolean runsOn(String product) {
            return onlyOn == null || onlyOn.equals(product);
        }
    }

    private SchemaMigrations() {
    }

    static int currentVersion() {
        return SCRIPTS.size();
    }

    /** Migrates; refuses a database newer than this code. Returns the version it found. */
    static int migrate(Connection connection) throws SQLException {
        return migrate(connection, SCRIPTS.size());
    }

    /**
     * Migrates up to version {@code target} (an older one: for tests of the path from there). Platforms starting at
     * once on one database migrate one after the other: in this process under one lock, across processes on
     * PostgreSQL under a session advisory lock, so the next finds the schema the first made and changes nothing.
     */
    static int migrate(Connection connection, int target) throws SQLException {
        if (target < 1 || target > SCRIPTS.size()) {
            throw new IllegalArgumentException("schema versions are 1 to " + SCRIPTS.size() + ", not " + target);
        }
        synchronized (SchemaMigrations.class) {
            boolean postgres = POSTGRESQL.equals(connection.getMetaData().getDatabaseProductName());
            if (postgres) {
                advisoryLock(connection, "pg_advisory_lock");
            }
            try {
                return migrateAlone(connection, target);
            } finally {
                if (postgres) {
                    advisoryLock(connection, "pg_advisory_unlock");
                }
            }
        }
    }

    private static void advisoryLock(Connection connection, String function) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT " + function + "(" + MIGRATION_LOCK + ")");
        }
    }

    private static int migrateAlone(Connection connection, int target) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS selfreg_schema (version INT NOT NULL)");
            int found = version(statement);
            if (found > SCRIPTS.size()) {
                throw new SQLException("database schema version " + found + " is newer than this selfreg ("
                        + SCRIPTS.size() + "); use a newer selfreg or another database");
            }
            String product = connection.getMetaData().getDatabaseProductName();
            for (int next = found + 1; next <= target; next++) {
                Script script = SCRIPTS.get(next - 1);
                for (String sql : script.runsOn(product) ? statements(script.resource()) : List.<String>of()) {
                    statement.execute(sql);
                }
                statement.executeUpdate("DELETE FROM selfreg_schema");
                statement.executeUpdate("INSERT INTO selfreg_schema (version) VALUES (" + next + ")");
                connection.commit();
            }
            connection.commit();
            return found;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int version(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM selfreg_schema")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The statements of a script: split at semicolons ending a line; {@code --} comments dropped. */
    private static List<String> statements(String resource) {
        try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            return Arrays.stream(text.split(";\\s*(\\n|$)"))
                    .map(String::strip).filter(sql -> !sql.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
