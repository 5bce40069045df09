package dev.selfreg.platform.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.PlatformOnASmallDisk;
import dev.selfreg.platform.dm.RegistrationLoad;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform on its embedded H2 store, its data directory on a small file system of its own (a 16 MB tmpfs,
 * {@link PlatformOnASmallDisk}), ZZHC reports coming in, and the file system filled up under it: while H2 cannot
 * write, every report is refused with 5.03; once space is freed the platform acknowledges reports again by itself,
 * and every acknowledged report is stored exactly once (read from the store opened again after the platform
 * stopped), and the REST API answers again by itself too, within a few seconds.
 */
class ReportsOnAFullDiskTest {

    private static final String SIZE = "16m";
    private static final int IN_FLIGHT = 8;
    private static final int LIMIT = 2000;
    private static final int BATCH = 50;

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aFileSystemThatFillsUpIsRefusedWith503AndOnceSpaceIsFreedAnsweredAgainWithNothingLost() throws Exception {
        PlatformOnASmallDisk.assumeNamespaces();
        try (PlatformOnASmallDisk platform = PlatformOnASmallDisk.start(dir.resolve("data"), SIZE,
                RegistrationLoad.application(), Path.of("target", "ReportsOnAFullDiskTest-platform.log"))) {
            try (ReportLoad load = ReportLoad.start(platform.port("ct-coap"), IN_FLIGHT, LIMIT,
                    Duration.ofMillis(10))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> load.acknowledged() >= BATCH);

                long filling = System.nanoTime();
                long filled = platform.fillUp();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> load.answered(ResponseCode.SERVICE_UNAVAILABLE) >= BATCH);
                assertThat(get(platform, "/").statusCode()).as("the dashboard while the disk is full").isEqualTo(200);
                String metrics = get(platform, "/metrics").body();
                assertThat(metrics).contains("outcome=\"refused\"");

                platform.free();
                long freed = System.nanoTime();
                await().atMost(Duration.ofSeconds(20)).until(() -> load.acknowledgedAfter(freed) >= BATCH);
                load.finish();

                long firstAckAgain = load.answers().stream().filter(a -> a.acknowledged() && a.nanos() - freed > 0)
                        .mapToLong(ReportLoad.Answer::nanos).min().orElseThrow();
                long apiAgain = System.nanoTime();
                boolean apiAnswers = answersWithin(platform, Duration.ofSeconds(5));
                long apiWait = (System.nanoTime() - apiAgain) / 1_000_000;

                String counted = get(platform, "/metrics").body();
                Map<String, Integer> stored = platform.stop().reports();
                assertThat(stored.values()).as("no report stored twice").allMatch(count -> count == 1);
                assertThat(stored.keySet()).as("every acknowledged report stored").containsAll(load.acknowledgedImeis());
                System.out.printf("database faults: H2 on a full %s tmpfs (filler of %d bytes) under load: %d reports"
                                + " sent, %d acknowledged, %d refused 5.03, other answers %d; refusals counted: %s;"
                                + " first acknowledgement %d ms after space was freed (%d ms after the filling began);"
                                + " REST API %s%n",
                        SIZE, filled, load.sent(), load.acknowledged(), load.answered(ResponseCode.SERVICE_UNAVAILABLE),
                        load.sent() - load.acknowledged() - load.answered(ResponseCode.SERVICE_UNAVAILABLE),
                        counted.lines().filter(line -> line.contains("service=\"ct\",outcome=\"refused\""))
                                .map(line -> line.substring(line.indexOf("reason=")))
                                .reduce((a, b) -> a + ", " + b).orElse("none"),
                        (firstAckAgain - freed) / 1_000_000, (freed - filling) / 1_000_000,
                        apiAnswers ? "200 again after " + apiWait + " ms" : "still 503 " + apiWait + " ms later");
                assertThat(apiAnswers).as("the REST API answers again without a restart").isTrue();
            }
        }
    }

    /** Whether the REST API answers 200 within {@code bound}. */
    private boolean answersWithin(PlatformOnASmallDisk platform, Duration bound) {
        try {
            await().atMost(bound).until(() -> get(platform, "/api/ct/registrations?limit=1").statusCode() == 200);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private HttpResponse<String> get(PlatformOnASmallDisk platform, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port("web") + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
