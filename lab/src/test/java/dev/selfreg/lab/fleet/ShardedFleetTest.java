package dev.selfreg.lab.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.lab.LabApplication;
import dev.selfreg.lab.RemotePlatform;
import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.JdbcPlatformStore;
import dev.selfreg.platform.store.PostgresDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One deployment served by several processes: fleet shares ({@code --shard i/n}) run against platforms in other
 * processes ({@code --platform URL}) that store in one PostgreSQL database. Here the platforms run in this JVM, each
 * as {@code selfreg platform} starts it; the fleets reach them through their REST API only.
 */
class ShardedFleetTest {

    private static final FleetPlan PLAN = new FleetPlan(3, 3, 2, Duration.ofHours(12));

    @Test
    void twoSharesOfAFleetOnTwoPlatformsSharingOneDatabaseEachPassAndTogetherStoreTheWholeFleet() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = PostgresDatabases.create(postgres, "deployment");
            try (LabPlatform first = platformOn(url); LabPlatform second = platformOn(url)) {
                CompletableFuture<FleetReport> one = share(first, new Shard(1, 2));
                CompletableFuture<FleetReport> two = share(second, new Shard(2, 2));

                for (FleetReport report : List.of(one.get(120, TimeUnit.SECONDS), two.get(120, TimeUnit.SECONDS))) {
                    assertThat(report.passed()).as(report.table()).isTrue();
                }
            }
            try (JdbcPlatformStore store = JdbcPlatformStore.open(url, null, null)) {
                assertThat(store.ctRegistrations(null, Integer.MAX_VALUE)).extracting(r -> r.imei())
                        .containsExactlyInAnyOrder(Fleet.imei(0), Fleet.imei(1), Fleet.imei(2));
                List<DmEvent> events = store.dmEvents(Integer.MAX_VALUE);
                assertThat(events.stream().filter(e -> e.kind().equals("register")).map(DmEvent::imei))
                        .containsExactlyInAnyOrder(Fleet.imei(3), Fleet.imei(4), Fleet.imei(5));
                assertThat(events.stream().filter(e -> e.kind().equals("update"))).hasSize(3 * 4);
                assertThat(events.stream().filter(e -> e.kind().equals("read"))).hasSize(3 * 5);
            }
        }
    }

    @Test
    void aShareRunsEveryNthModuleAndTheSharesTogetherRunEachOnce() {
        Shard first = Shard.parse("1/3");
        Shard second = Shard.parse("2/3");
        Shard third = Shard.parse(" 3/3 ");

        for (int n = 0; n < 10; n++) {
            int holders = (first.includes(n) ? 1 : 0) + (second.includes(n) ? 1 : 0) + (third.includes(n) ? 1 : 0);
            assertThat(holders).as("module %d", n).isEqualTo(1);
        }
        assertThat(first.of(0, 10)).isEqualTo(4);
        assertThat(third.of(0, 10)).isEqualTo(3);
    }

    @Test
    void aShardOutsideItsCountOrNotIOverNIsRefused() {
        assertThatThrownBy(() -> Shard.parse("0/2")).hasMessageContaining("1 <= i <= n");
        assertThatThrownBy(() -> Shard.parse("3/2")).hasMessageContaining("1 <= i <= n");
        assertThatThrownBy(() -> Shard.parse("1-2")).hasMessageContaining("i/n");
    }

    @Test
    void aPlatformAddressOffLoopbackIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> RemotePlatform.at("http://192.0.2.1:8080", Optional.empty()))
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> RemotePlatform.at("127.0.0.1:8080", Optional.empty()))
                .hasMessageContaining("web address");
    }

    @Test
    void aPlatformThatRequiresATokenIsReadWithTheGivenOneAndRefusesAFleetWithout() throws Exception {
        String token = "fleet-token-0123456789abcdef";
        try (LabPlatform platform = LabPlatform.start(LabApplication.addedTo(new PlatformSettings("127.0.0.1", 0, 0,
                0, 0, Optional.of("jdbc:h2:mem:token-" + System.nanoTime()), Path.of("unused"), List.of(), false,
                Optional.of(token))))) {
            String web = "http://127.0.0.1:" + platform.ports().get("web");
            FleetPlan one = new FleetPlan(1, 1, 1, Duration.ofHours(12));

            FleetReport report = Fleet.run(RemotePlatform.at(web, Optional.of(token)), one, FleetStorms.NONE,
                    Shard.ALL, (done, total) -> { });

            assertThat(report.passed()).as(report.table()).isTrue();
            assertThatThrownBy(() -> Fleet.run(RemotePlatform.at(web, Optional.empty()), one, FleetStorms.NONE,
                    Shard.ALL, (done, total) -> { }))
                    .isInstanceOf(RemotePlatform.Unanswered.class).hasMessageContaining("with 401");
        }
    }

    /** A platform as {@code selfreg platform --db URL --dm-app ...} starts it, on free ports. */
    private static LabPlatform platformOn(String url) {
        return LabPlatform.start(LabApplication.addedTo(new PlatformSettings("127.0.0.1", 0, 0, 0, 0, Optional.of(url),
                Path.of("unused"), List.of(), false, Optional.empty())));
    }

    private static CompletableFuture<FleetReport> share(LabPlatform platform, Shard shard) {
        RemotePlatform remote = RemotePlatform.at("http://127.0.0.1:" + platform.ports().get("web"), Optional.empty());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Fleet.run(remote, PLAN, FleetStorms.NONE, shard, (done, total) -> { });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
