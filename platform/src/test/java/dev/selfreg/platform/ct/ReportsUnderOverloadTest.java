package dev.selfreg.platform.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.core.CoapIntake;
import dev.selfreg.platform.core.Shedding;
import dev.selfreg.platform.core.StoreRefusal;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.JdbcPlatformStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform offered ZZHC reports far faster than its store commits them: an H2 file whose every insert is
 * made slow on purpose ({@link SlowInserts}), sent 4,000 reports over CoAP within a second, or 600 at once over
 * HTTP. It sheds what does not fit with 5.03 and a Max-Age (HTTP 503 with Retry-After) instead of queuing it, counted
 * by reason; its queues never hold more than their capacity, what it accepts is answered within a bounded time and
 * stored exactly once, and once the load drops it acknowledges again.
 */
class ReportsUnderOverloadTest {

    private static final int REPORTS = 4_000;
    private static final int PER_SECOND = 4_000;
    private static final long SLOW_MICROS = 1_000;
    private static final int HTTP_REPORTS = 600;
    private static final long HTTP_SLOW_MICROS = 5_000;

    @TempDir
    Path dir;
    private LabPlatform platform;
    private String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startPlatform() {
        url = "jdbc:h2:file:" + dir.resolve("selfreg").toAbsolutePath() + ";WRITE_DELAY=0";
        platform = LabPlatform.start(new PlatformSettings("127.0.0.1", 0, 0, 0, 0, Optional.of(url), dir, List.of(),
                false, Optional.empty()));
    }

    /** Every report's insert made {@code micros} slower. */
    private void slowStore(long micros) throws Exception {
        // the platform's own database, opened a second time in this JVM: H2 shares it
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute(SlowInserts.create("ct_registration", micros));
        }
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void reportsOverCoapBeyondWhatTheStoreTakesAreShedWith503AndMaxAgeAndEveryAcknowledgedOneIsStoredOnce()
            throws Exception {
        slowStore(SLOW_MICROS);
        boolean recovered;
        ReportBurst burst;
        try (ReportBurst coap = new ReportBurst(platform.ports().get("ct-coap"), 1)) {
            burst = coap.send(REPORTS, PER_SECOND).awaitAnswers();
        }
        try (ReportBurst after = new ReportBurst(platform.ports().get("ct-coap"), 2_000_000)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !after.send(1, 100).awaitAnswers().acknowledgedImeis().isEmpty());
            recovered = !after.acknowledgedImeis().isEmpty();
        }

        List<ReportBurst.Answer> shed = burst.answered(ResponseCode.SERVICE_UNAVAILABLE);
        List<ReportBurst.Answer> acknowledged = burst.answers().stream().filter(ReportBurst.Answer::acknowledged)
                .toList();
        String metrics = platform.metrics().prometheusText();
        System.out.printf("overload: %d reports over CoAP at %d/s to a store slowed by %d us a row: %d acknowledged"
                        + " (p99 %d ms), %d shed 5.03 (%s), %d unanswered; store queue peak %d of %d, CoAP intake peak"
                        + " %d of %d%n",
                REPORTS, PER_SECOND, SLOW_MICROS, acknowledged.size(), percentile99(acknowledged).toMillis(),
                shed.size(), shedByReason(), burst.unanswered(), gauge(metrics, "selfreg_queue_peak", "store"),
                JdbcPlatformStore.WRITE_QUEUE_CAPACITY, gauge(metrics, "selfreg_queue_peak", "ct-coap"),
                CoapIntake.CAPACITY);
        assertThat(shed).as("reports shed with 5.03").isNotEmpty()
                .allSatisfy(a -> assertThat(a.maxAge()).isEqualTo(StoreRefusal.RETRY_AFTER.toSeconds()));
        assertThat(shed).extracting(ReportBurst.Answer::text).isSubsetOf("report not stored: " + Shedding.STORE_QUEUE_FULL,
                "report not stored: " + Shedding.STORE_QUEUE_WAIT, "overloaded: " + Shedding.COAP_QUEUE_WAIT);
        assertThat(shedCounted()).as("shed counted with its reason").isEqualTo(shed.size());
        assertThat(platform.metrics().total("ct", Shedding.OUTCOME, Shedding.COAP_QUEUE_FULL))
                .as("dropped unread, and counted").isLessThanOrEqualTo(burst.unanswered());

        assertThat(acknowledged).as("reports acknowledged under overload").isNotEmpty();
        // each queue lets a report wait a bounded time; then one group's commit, and a loaded machine's scheduling
        assertThat(percentile99(acknowledged)).as("p99 latency of what was acknowledged")
                .isLessThan(CoapIntake.MAX_WAIT.plus(JdbcPlatformStore.WRITE_QUEUE_MAX_WAIT).plusSeconds(5));
        assertThat(recovered).as("acknowledged again once the load dropped").isTrue();

        assertThat(gauge(metrics, "selfreg_queue_peak", "store")).as("the store's queue at its fullest")
                .isLessThanOrEqualTo(JdbcPlatformStore.WRITE_QUEUE_CAPACITY);
        assertThat(gauge(metrics, "selfreg_queue_peak", "ct-coap")).as("the CoAP intake at its fullest")
                .isLessThanOrEqualTo(CoapIntake.CAPACITY);

        Map<String, Long> stored = platform.records().store().ctRegistrations(null, Integer.MAX_VALUE).stream()
                .collect(Collectors.groupingBy(CtRegistration::imei, Collectors.counting()));
        assertThat(stored.values()).as("no report stored twice").allMatch(count -> count == 1);
        assertThat(stored.keySet()).as("every acknowledged report stored").containsAll(burst.acknowledgedImeis());
    }

    @Test
    @Disabled("depends on the machine's speed: on an idle machine the slowed store keeps up with 600 HTTP reports and"
            + " none is shed (integration run 2026-12-02 09:13); needs a store that is slow by count, not by time, issue 16")
    void reportsOverHttpBeyondWhatTheStoreTakesAreShedWith503AndRetryAfterAndEveryAcknowledgedOneIsStoredOnce()
            throws Exception {
        slowStore(HTTP_SLOW_MICROS);
        List<HttpResponse<String>> answers = postAll(HTTP_REPORTS, 1_000_000);
        List<HttpResponse<String>> shed = answers.stream().filter(r -> r.statusCode() == 503).toList();
        System.out.printf("overload: %d reports at once over HTTP to a store slowed by %d us a row: %d acknowledged, %d"
                        + " shed 503 (%s)%n", HTTP_REPORTS, HTTP_SLOW_MICROS, answers.size() - shed.size(), shed.size(),
                shedByReason());

        assertThat(shed).as("reports shed with 503").isNotEmpty()
                .allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After")).contains("30"));
        assertThat(answers).extracting(HttpResponse::statusCode).isSubsetOf(200, 503);
        assertThat(shedCounted()).as("shed counted with its reason").isEqualTo(shed.size());
        Map<String, Long> stored = platform.records().store().ctRegistrations(null, Integer.MAX_VALUE).stream()
                .collect(Collectors.groupingBy(CtRegistration::imei, Collectors.counting()));
        assertThat(stored.values()).as("no report stored twice").allMatch(count -> count == 1);
        assertThat(stored).as("every acknowledged report stored").hasSize(answers.size() - shed.size());
    }

    /** The requests counted as shed with an answer (5.03, 503): all but those dropped unread. */
    private long shedCounted() {
        return Stream.of(Shedding.STORE_QUEUE_FULL, Shedding.STORE_QUEUE_WAIT, Shedding.COAP_QUEUE_WAIT).mapToLong(reason -> platform.metrics().total("ct", Shedding.OUTCOME, reason))
                .sum();
    }

    private String shedByReason() {
        return Stream.of(Shedding.STORE_QUEUE_FULL, Shedding.STORE_QUEUE_WAIT, Shedding.COAP_QUEUE_WAIT,
                        Shedding.COAP_QUEUE_FULL)
                .map(reason -> reason + " " + platform.metrics().total("ct", Shedding.OUTCOME, reason))
                .collect(Collectors.joining(", "));
    }

    /** {@code count} reports posted at once over HTTP; every response. */
    private List<HttpResponse<String>> postAll(int count, long firstDevice) {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = ZzhcFixtures.report(String.format("86%013d", firstDevice + i), "89860321000000000001",
                    "460111234567890");
            responses.add(http.sendAsync(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + platform.ports().get("ct-http") + "/"))
                    .header("Content-Type", ZzhcHttpServer.CONTENT_TYPE).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return responses.stream().map(CompletableFuture::join).toList();
    }

    private static Duration percentile99(List<ReportBurst.Answer> answers) {
        List<Duration> latencies = answers.stream().map(ReportBurst.Answer::latency).sorted().toList();
        return latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1));
    }

    private static long gauge(String metrics, String name, String queue) {
        Matcher value = Pattern.compile(Pattern.quote(name + "{queue=\"" + queue + "\"} ") + "(\\d+)").matcher(metrics);
        assertThat(value.find()).as(name + " of " + queue).isTrue();
        return Long.parseLong(value.group(1));
    }
}
