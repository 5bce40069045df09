package dev.selfreg.platform.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Fresh databases on an embedded PostgreSQL server, for the tests of the store and of what runs on it. */
public final class PostgresDatabases {

    private PostgresDatabases() {
    }

    /** Creates the empty database {@code name} on {@code postgres} and returns its JDBC URL. */
    public static String create(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }
}
