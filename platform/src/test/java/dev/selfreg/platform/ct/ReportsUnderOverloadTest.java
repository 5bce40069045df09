package dev.selfreg.platform.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.CoapBurst;
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
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform offered more ZZHC reports than its store takes: an H2 file whose inserts are held until the test
 * lets go ({@link HeldInserts}), so its writer's queue fills by count whatever the machine's speed. Sent 2,500 reports
 * over CoAP (more, up to 10,000, if its intake dropped so many unread that the store's queue is not yet full), or {@link JdbcPlatformStore#WRITE_QUEUE_CAPACITY} and 100 more at once over HTTP, while the store takes
 * none, it sheds what does not fit with 5.03 and a Max-Age (HTTP 503 with Retry-After) instead of queuing it,
 * counted by reason; its queues never hold more than their capacity, what it acknowledges is stored exactly once,
 * and once the store takes writes again it acknowledges again.
 */
class ReportsUnderOverloadTest {

    /** More than a full queue and the writer's largest group together (2 x 512 + 512), with room to spare. */
    private static final int REPORTS = 2_500;
    private static final int PER_SECOND = 2_500;
    /** The most reports offered, however many the intake drops. */
    private static final int MOST_REPORTS = 10_000;
    /** HTTP reports that take the store queue's last room. */
    private static final int HTTP_QUEUED = 20;
    /** HTTP reports beyond the store queue's room. */
    private static final int HTTP_BEYOND = 50;
    private static final Duration BOUND = Duration.ofSeconds(30);

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

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void reportsOverCoapBeyondWhatTheStoreTakesAreShedWith503AndMaxAgeAndEveryAcknowledgedOneIsStoredOnce()
            throws Exception {
        boolean recovered;
        CoapBurst burst;
        try (HeldInserts.Hold hold = HeldInserts.on(url, "ct_registration");
                CoapBurst coap = new CoapBurst(platform.ports().get("ct-coap"), CoapBurst.zzhcReports(), 1)) {
            coap.send(REPORTS, PER_SECOND);
            hold.awaitHeldInsert(BOUND);
            // a busy machine's intake may drop many unread: offer more until the store's queue is full
            while (storeShed() == 0 && coap.sent() < MOST_REPORTS) {
                coap.send(REPORTS / 5, PER_SECOND);
            }
            await().atMost(BOUND).until(() -> storeShed() > 0);
            hold.release();
            burst = coap.awaitAnswers();
        }
        try (CoapBurst after = new CoapBurst(platform.ports().get("ct-coap"), CoapBurst.zzhcReports(), 2_000_000)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !after.send(1, 100).awaitAnswers().acknowledgedDevices().isEmpty());
            recovered = !after.acknowledgedDevices().isEmpty();
        }

        List<CoapBurst.Answer> shed = burst.answered(ResponseCode.SERVICE_UNAVAILABLE);
        List<CoapBurst.Answer> acknowledged = burst.answers().stream().filter(CoapBurst.Answer::acknowledged)
                .toList();
        String metrics = platform.metrics().prometheusText();
        System.out.printf("overload: %d reports over CoAP at %d/s to a store held until its queue was full: %d"
                        + " acknowledged, %d shed 5.03 (%s), %d unanswered; store queue peak %d of %d, CoAP intake peak"
                        + " %d of %d%n",
                burst.sent(), PER_SECOND, acknowledged.size(), shed.size(), shedByReason(), burst.unanswered(),
                gauge(metrics, "selfreg_queue_peak", "store"), JdbcPlatformStore.WRITE_QUEUE_CAPACITY,
                gauge(metrics, "selfreg_queue_peak", "ct-coap"), CoapIntake.CAPACITY);
        assertThat(shed).as("reports shed with 5.03").isNotEmpty()
                .allSatisfy(a -> assertThat(a.maxAge()).isEqualTo(StoreRefusal.RETRY_AFTER.toSeconds()));
        assertThat(shed).extracting(CoapBurst.Answer::text).isSubsetOf("report not stored: " + Shedding.STORE_QUEUE_FULL,
                "report not stored: " + Shedding.STORE_QUEUE_WAIT, "overloaded: " + Shedding.COAP_QUEUE_WAIT);
        assertThat(shedCounted()).as("shed counted with its reason").isEqualTo(shed.size());
        assertThat(platform.metrics().total("ct", Shedding.OUTCOME, Shedding.COAP_QUEUE_FULL))
                .as("dropped unread, and counted").isLessThanOrEqualTo(burst.unanswered());

        assertThat(acknowledged).as("reports acknowledged under overload: at least the held one").isNotEmpty();
        assertThat(recovered).as("acknowledged again once the store took writes").isTrue();

        assertThat(gauge(metrics, "selfreg_queue_peak", "store")).as("the store's queue at its fullest")
                .isEqualTo(JdbcPlatformStore.WRITE_QUEUE_CAPACITY);
        assertThat(gauge(metrics, "selfreg_queue_peak", "ct-coap")).as("the CoAP intake at its fullest")
                .isLessThanOrEqualTo(CoapIntake.CAPACITY);

        Map<String, Long> stored = storedReports();
        assertThat(stored.values()).as("no report stored twice").allMatch(count -> count == 1);
        assertThat(stored.keySet()).as("every acknowledged report stored").containsAll(burst.acknowledgedDevices());
    }

    @Test
    void reportsOverHttpBeyondWhatTheStoreTakesAreShedWith503AndRetryAfterAndEveryAcknowledgedOneIsStoredOnce()
            throws Exception {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        JdbcPlatformStore store = (JdbcPlatformStore) platform.records().store();
        try (HeldInserts.Hold hold = HeldInserts.on(url, "ct_registration")) {
            pending.add(post(1_000_000));
            hold.awaitHeldInsert(BOUND);
            // the writer is stuck in the first report's group; most of the queue's room goes to reports written to
            // the store directly, so that a few HTTP connections fill the rest (a thousand at once would test the
            // machine's TCP backlog, not the platform)
            for (int i = 0; i < JdbcPlatformStore.WRITE_QUEUE_CAPACITY - HTTP_QUEUED; i++) {
                store.addAsync(direct(3_000_000 + i));
            }
            for (int i = 1; i <= HTTP_QUEUED; i++) {
                pending.add(post(1_000_000 + i));
            }
            await().atMost(BOUND).until(() -> store.writesQueued() == JdbcPlatformStore.WRITE_QUEUE_CAPACITY);
            for (int i = 1; i <= HTTP_BEYOND; i++) {
                pending.add(post(1_100_000 + i));
            }
            await().atMost(BOUND).until(() -> pending.stream().filter(CompletableFuture::isDone).count()
                    >= HTTP_BEYOND);
            hold.release();
        }
        List<HttpResponse<String>> answers = pending.stream().map(CompletableFuture::join).toList();
        List<HttpResponse<String>> shed = answers.stream().filter(r -> r.statusCode() == 503).toList();
        long acknowledged = answers.size() - shed.size();
        System.out.printf("overload: %d reports at once over HTTP to a store held until its queue was full: %d"
                + " acknowledged, %d shed 503 (%s)%n", answers.size(), acknowledged, shed.size(), shedByReason());

        assertThat(answers).extracting(HttpResponse::statusCode).isSubsetOf(200, 503);
        assertThat(shed).as("reports beyond the queue's room shed with 503").hasSizeGreaterThanOrEqualTo(HTTP_BEYOND)
                .allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After"))
                        .contains(Long.toString(StoreRefusal.RETRY_AFTER.toSeconds())));
        assertThat(platform.metrics().total("ct", Shedding.OUTCOME, Shedding.STORE_QUEUE_FULL))
                .as("shed for a full queue").isGreaterThanOrEqualTo(HTTP_BEYOND);
        assertThat(shedCounted()).as("shed counted with its reason").isEqualTo(shed.size());
        Map<String, Long> stored = storedReports();
        assertThat(stored.values()).as("no report stored twice").allMatch(count -> count == 1);
        assertThat(stored.keySet().stream().filter(imei -> imei.startsWith("860000001")))
                .as("every acknowledged HTTP report stored, and no other").hasSize((int) acknowledged);

        assertThat(post(2_000_000).join().statusCode()).as("acknowledged again once the store took writes")
                .isEqualTo(200);
        assertThat(storedReports()).containsKey(String.format("86%013d", 2_000_000));
    }

    private Map<String, Long> storedReports() {
        return platform.records().store().ctRegistrations(null, Integer.MAX_VALUE).stream()
                .collect(Collectors.groupingBy(CtRegistration::imei, Collectors.counting()));
    }

    /** Reports shed by the store, for a full queue or one waited in too long. */
    private long storeShed() {
        return platform.metrics().total("ct", Shedding.OUTCOME, Shedding.STORE_QUEUE_FULL)
                + platform.metrics().total("ct", Shedding.OUTCOME, Shedding.STORE_QUEUE_WAIT);
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

    /** An accepted report of device {@code device}, to write to the store directly. */
    private static CtRegistration direct(long device) {
        return new CtRegistration(0, Instant.now(), "coap", "127.0.0.1:40000", String.format("86%013d", device),
                "460111234567890", "89860321000000000001", "Quectel-BC260Y-CN", "BC260YCNAAR01A04", "2",
                "{\"REGVER\":\"2\"}");
    }

    /** A report of device {@code device} posted over HTTP, its response to come. */
    private CompletableFuture<HttpResponse<String>> post(long device) {
        String body = ZzhcFixtures.report(String.format("86%013d", device), "89860321000000000001", "460111234567890");
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.ports().get("ct-http")
                        + "/")).header("Content-Type", ZzhcHttpServer.CONTENT_TYPE).timeout(BOUND)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long gauge(String metrics, String name, String queue) {
        Matcher value = Pattern.compile(Pattern.quote(name + "{queue=\"" + queue + "\"} ") + "(\\d+)").matcher(metrics);
        assertThat(value.find()).as(name + " of " + queue).isTrue();
        return Long.parseLong(value.group(1));
    }
}
