package dev.selfreg.platform.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the store's connections come from: one for the writer and one for reads, and again whenever one is lost. */
interface ConnectionSource {

    Connection connect() throws SQLException;

    /** Where the connections go, fit for messages and logs: never with a password. */
    String where();

    /** Connections to {@code jdbcUrl} through {@link DriverManager}. */
    static ConnectionSource of(String jdbcUrl, String user, String password) {
        String where = redacted(jdbcUrl);
        return new ConnectionSource() {
            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection(jdbcUrl, user, password);
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
