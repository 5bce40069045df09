package dev.selfreg.platform.store;

import static dev.selfreg.platform.store.PlatformStoreContract.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.selfreg.platform.store.StoreUnavailableException.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real PostgreSQL server that stops answering without closing its connections (every process of it frozen with
 * SIGSTOP, as a frozen host or a network partition looks from the platform): a write and a read waiting on it are
 * refused once the connection's timeouts run out, instead of waiting forever, and once the server answers again the
 * store goes on with nothing acknowledged lost. The timeouts are the URL's, 2 s, to keep the test short; without
 * them in the URL the store sets {@link ConnectionSource#POSTGRES_TIMEOUT_SECONDS}.
 */
class PostgresThatHangsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aWriteAndAReadOnAFrozenServerAreRefusedWithinTheTimeoutsAndTheStoreGoesOnOnceItAnswers() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pgdata"))) {
            String url = postgres.createDatabase("selfreg") + "&socketTimeout=2&loginTimeout=2";
            try (PlatformStore store = JdbcPlatformStore.open(url, null, null)) {
                CtRegistration before = store.add(registration("869999000000001", "89860321000000000001", T0));
                postgres.freeze();
                long frozen = System.nanoTime();
                try {
                    CompletableFuture<CtRegistration> write =
                            store.addAsync(registration("869999000000002", "89860321000000000002", T0));
                    ExecutionException refused = catchThrowableOfType(ExecutionException.class,
                            () -> write.get(BOUND.toSeconds(), TimeUnit.SECONDS));
                    assertThat(refused).as("the write refused within " + BOUND).isNotNull();
                    assertThat(refused.getCause()).isInstanceOfSatisfying(StoreUnavailableException.class,
                            e -> assertThat(e.reason()).isIn(Reason.CONNECTION_LOST, Reason.DATABASE_UNREACHABLE));
                    assertThatThrownBy(() -> store.ctRegistrations(null, 10))
                            .isInstanceOf(StoreUnavailableException.class);
                    assertThat(Duration.ofNanos(System.nanoTime() - frozen)).isLessThan(BOUND.multipliedBy(2));
                } finally {
                    postgres.thaw();
                }
                CtRegistration after = store.add(registration("869999000000003", "89860321000000000003", T0));
                assertThat(store.ctRegistrations(null, 10)).contains(after, before)
                        .extracting(CtRegistration::imei).doesNotHaveDuplicates();
            }
        }
    }
}
