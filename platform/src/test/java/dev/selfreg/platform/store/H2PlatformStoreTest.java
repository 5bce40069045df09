package dev.selfreg.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2PlatformStoreTest extends PlatformStoreContract {

    @TempDir
    Path dir;
    private int databases;

    @Override
    protected String newDatabaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("db" + databases++) + ";WRITE_DELAY=0";
    }

    @Test
    void theEmbeddedDefaultIsAFileUnderTheDataDirectory() {
        Path data = dir.resolve("selfreg-data");
        JdbcPlatformStore.openEmbedded(data).close();
        assertThat(Files.exists(data.resolve("selfreg.mv.db"))).isTrue();
    }

    @Test
    void identitiesComeInBlocksOf1024SoH2DoesNotCommitASequenceEvery32Records() throws Exception {
        String url = newDatabaseUrl();
        JdbcPlatformStore.open(url, null, null).close();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet caches = statement.executeQuery("SELECT TABLE_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE IS_IDENTITY = 'YES' ORDER BY TABLE_NAME")) {
            Map<String, Long> byTable = new TreeMap<>();
            while (caches.next()) {
                byTable.put(caches.getString(1), caches.getLong(2));
            }
            assertThat(byTable).isEqualTo(Map.of("CT_REGISTRATION", 1024L, "CT_REJECTION", 1024L, "DM_EVENT", 1024L));
        }
    }

    @Test
    void aPasswordInAJdbcUrlIsNeverShown() {
        assertThat(ConnectionSource.redacted("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=****&ssl=true");
    }
}
