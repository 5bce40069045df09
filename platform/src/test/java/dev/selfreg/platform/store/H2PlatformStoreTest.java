package dev.selfreg.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
    void aPasswordInAJdbcUrlIsNeverShown() {
        assertThat(JdbcPlatformStore.redacted("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=****&ssl=true");
    }
}
