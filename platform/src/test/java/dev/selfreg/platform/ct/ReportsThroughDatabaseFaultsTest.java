package dev.selfreg.platform.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.core.StoreRefusal;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.RestartablePostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform on a real PostgreSQL server, ZZHC reports coming in over CoAP, and the database failing under
 * it: stopped with {@code pg_ctl stop -m immediate} and started again, its sessions ended. While the store cannot
 * commit, every report is refused with 5.03 and a Max-Age (no success reply), the dashboard is still served and
 * each refusal is counted by reason; once the database is back the platform answers again by itself, and every
 * acknowledged report is stored exactly once. Each test prints its figures ({@code database faults:} lines).
 */
class ReportsThroughDatabaseFaultsTest {

    private static final int IN_FLIGHT = 8;
    private static final int LIMIT = 6000;
    private static final Duration EVERY = Duration.ofMillis(4);
    private static final int BATCH = 50;

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LabPlatform platformOn(String jdbcUrl) {
        return LabPlatform.start(new PlatformSettings("127.0.0.1", 0, 0, 0, 0, Optional.of(jdbcUrl), Path.of("target"),
                List.of(), false, Optional.empty()));
    }

    private HttpResponse<String> get(LabPlatform platform, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.ports().get("web") + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDatabaseStoppedAndStartedAgainUnderLoadIsRefusedWith503WhileDownAndAnsweredAgainWithNothingLost()
            throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pgdata"));
             LabPlatform platform = platformOn(postgres.createDatabase("selfreg"));
             ReportLoad load = ReportLoad.start(platform.ports().get("ct-coap"), IN_FLIGHT, LIMIT, EVERY)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> load.acknowledged() >= BATCH);

            long stopping = System.nanoTime();
            postgres.stopImmediately();
            await().atMost(Duration.ofSeconds(10)).until(() -> load.answered(ResponseCode.SERVICE_UNAVAILABLE) >= BATCH);
            long firstRefusal = load.answers().stream().filter(a -> a.code() == ResponseCode.SERVICE_UNAVAILABLE)
                    .mapToLong(ReportLoad.Answer::nanos).min().orElseThrow();

            assertThat(get(platform, "/").statusCode()).as("the dashboard while the database is down").isEqualTo(200);
            HttpResponse<String> api = get(platform, "/api/ct/registrations");
            assertThat(api.statusCode()).as("the REST API while the database is down").isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).contains("30");
            assertThat(get(platform, "/metrics").body()).contains(
                    "selfreg_messages_total{service=\"ct\",outcome=\"refused\",reason=\"database unreachable\"}");
            assertThat(load.answers()).filteredOn(a -> a.code() == ResponseCode.SERVICE_UNAVAILABLE)
                    .allSatisfy(a -> assertThat(a.maxAge()).isEqualTo(StoreRefusal.RETRY_AFTER.toSeconds()));

            long starting = System.nanoTime();
            postgres.startAgain();
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(15)).until(() -> load.acknowledgedAfter(started) >= BATCH);
            load.finish();

            long firstAckAgain = load.answers().stream().filter(a -> a.acknowledged() && a.nanos() - started > 0)
                    .mapToLong(ReportLoad.Answer::nanos).min().orElseThrow();
            assertThat(get(platform, "/api/ct/registrations?limit=1").statusCode()).isEqualTo(200);
            assertNothingAcknowledgedMissingOrTwice(platform, load);
            assertThat(load.answers()).as("every report answered").allSatisfy(a -> assertThat(a.code()).isNotNull());
            long refused = load.answered(ResponseCode.SERVICE_UNAVAILABLE);
            System.out.printf("database faults: PostgreSQL stop -m immediate under load: %d reports sent, %d acknowledged,"
                            + " %d refused 5.03 (%s), other answers %d; first refusal %d ms after the stop began,"
                            + " restart took %d ms, first acknowledgement %d ms after the database was back%n",
                    load.sent(), load.acknowledged(), refused, refusalsByReason(platform),
                    load.sent() - load.acknowledged() - refused,
                    (firstRefusal - stopping) / 1_000_000, (started - starting) / 1_000_000,
                    (firstAckAgain - started) / 1_000_000);
        }
    }

    @Test
    void sessionsEndedByTheDatabaseUnderLoadAreReopenedWithNothingLost() throws Exception {
        int terminations = 5;
        try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pgdata"));
             LabPlatform platform = platformOn(postgres.createDatabase("selfreg"));
             ReportLoad load = ReportLoad.start(platform.ports().get("ct-coap"), IN_FLIGHT, LIMIT, EVERY)) {
            int ended = 0;
            for (int i = 1; i <= terminations; i++) {
                long target = (long) i * BATCH;
                await().atMost(Duration.ofSeconds(10)).until(() -> load.acknowledged() >= target);
                ended += postgres.terminateSessions("selfreg");
            }
            long after = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> load.acknowledgedAfter(after) >= BATCH);
            load.finish();

            assertThat(ended).as("sessions ended").isGreaterThanOrEqualTo(terminations);
            assertThat(get(platform, "/api/ct/registrations?limit=1").statusCode()).isEqualTo(200);
            assertNothingAcknowledgedMissingOrTwice(platform, load);
            System.out.printf("database faults: %d pg_terminate_backend rounds (%d sessions ended) under load: %d reports"
                            + " sent, %d acknowledged, %d refused 5.03 (%s)%n", terminations, ended, load.sent(),
                    load.acknowledged(), load.answered(ResponseCode.SERVICE_UNAVAILABLE), refusalsByReason(platform));
        }
    }

    /** Every acknowledged report stored exactly once, and no report stored twice (a refused one at most once). */
    private static void assertNothingAcknowledgedMissingOrTwice(LabPlatform platform, ReportLoad load) {
        Map<String, Long> stored = platform.records().store().ctRegistrations(null, Integer.MAX_VALUE).stream()
                .collect(Collectors.groupingBy(CtRegistration::imei, Collectors.counting()));
        assertThat(stored.values()).as("no report stored twice").allMatch(count -> count == 1);
        assertThat(stored.keySet()).as("every acknowledged report stored").containsAll(load.acknowledgedImeis());
    }

    private static String refusalsByReason(LabPlatform platform) {
        return List.of("database unreachable", "connection lost", "commit failed").stream()
                .collect(Collectors.toMap(Function.identity(), reason -> platform.metrics().total("ct", "refused", reason)))
                .entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                .sorted().collect(Collectors.joining(", "));
    }
}
