package dev.selfreg.platform.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selfreg.platform.PlatformProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform on its embedded H2 store, its data directory on a small file system of its own (a 16 MB tmpfs
 * mounted in a mount namespace of the platform's process, {@code unshare -rm}, so no root is needed and nothing
 * outlives the test), ZZHC reports coming in, and the file system filled up under it: while H2 cannot write, every
 * report is refused with 5.03; once space is freed the platform acknowledges reports again by itself, and every
 * acknowledged report is stored exactly once (read from the store opened again after the platform stopped), and the
 * REST API answers again by itself too, within a few seconds.
 */
class ReportsOnAFullDiskTest {

    private static final String SIZE = "16m";
    private static final int IN_FLIGHT = 8;
    private static final int LIMIT = 2000;
    private static final int BATCH = 50;

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static boolean namespacesWork() throws Exception {
        Process probe = new ProcessBuilder("unshare", "-rm", "true").redirectErrorStream(true).start();
        return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    @Test
    void aFileSystemThatFillsUpIsRefusedWith503AndOnceSpaceIsFreedAnsweredAgainWithNothingLost() throws Exception {
        assumeTrue(namespacesWork(), "unshare -rm (a user and mount namespace) is not allowed here");
        Path data = Files.createDirectories(dir.resolve("data"));
        Process platform = new ProcessBuilder("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=" + SIZE + " selfreg-test \"$0\" && exec \"$@\"", data.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PlatformProcess.class.getName(), data.toString())
                .redirectError(Path.of("target", "ReportsOnAFullDiskTest-platform.log").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(platform.getInputStream(),
                    StandardCharsets.UTF_8));
            Map<String, Integer> ports = ports(out);
            // the platform's own view of the tmpfs, through its mount namespace
            Path filler = Path.of("/proc", Long.toString(platform.pid()), "root").resolve(data.toString().substring(1))
                    .resolve("filler");
            try (ReportLoad load = ReportLoad.start(ports.get("ct-coap"), IN_FLIGHT, LIMIT, Duration.ofMillis(10))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> load.acknowledged() >= BATCH);

                long filling = System.nanoTime();
                long filled = fillUp(filler);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> load.answered(ResponseCode.SERVICE_UNAVAILABLE) >= BATCH);
                assertThat(get(ports, "/").statusCode()).as("the dashboard while the disk is full").isEqualTo(200);
                String metrics = get(ports, "/metrics").body();
                assertThat(metrics).contains("outcome=\"refused\"");

                Files.delete(filler);
                long freed = System.nanoTime();
                await().atMost(Duration.ofSeconds(20)).until(() -> load.acknowledgedAfter(freed) >= BATCH);
                load.finish();

                long firstAckAgain = load.answers().stream().filter(a -> a.acknowledged() && a.nanos() - freed > 0)
                        .mapToLong(ReportLoad.Answer::nanos).min().orElseThrow();
                long apiAgain = System.nanoTime();
                boolean apiAnswers = answersWithin(ports, Duration.ofSeconds(5));
                long apiWait = (System.nanoTime() - apiAgain) / 1_000_000;

                String counted = get(ports, "/metrics").body();
                Map<String, Integer> stored = storedAfterStop(platform, out);
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
        } finally {
            platform.getOutputStream().close();
            if (!platform.waitFor(20, TimeUnit.SECONDS)) {
                platform.destroyForcibly();
            }
        }
    }

    /** Writes {@code filler} until the file system is full; returns its size. */
    private static long fillUp(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("No space left on device");
        }
        return written;
    }

    /** Reads the {@code listening <name> 127.0.0.1:<port>} lines up to {@code ready}. */
    private static Map<String, Integer> ports(BufferedReader out) throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        for (String line = out.readLine(); !"ready".equals(line); line = out.readLine()) {
            assertThat(line).as("the platform's start").isNotNull().startsWith("listening ");
            String[] fields = line.split(" ");
            ports.put(fields[1], Integer.parseInt(fields[2].substring(fields[2].lastIndexOf(':') + 1)));
        }
        return ports;
    }

    /** Stops the platform and reads the reports its store holds when opened again, by IMEI with their count. */
    private static Map<String, Integer> storedAfterStop(Process platform, BufferedReader out) throws IOException {
        platform.getOutputStream().close();
        Map<String, Integer> stored = new HashMap<>();
        for (String line = out.readLine(); !"end".equals(line); line = out.readLine()) {
            assertThat(line).as("the platform's store read after its stop").isNotNull();
            if (line.startsWith("stored ")) {
                stored.merge(line.substring("stored ".length()), 1, Integer::sum);
            }
        }
        return stored;
    }

    /** Whether the REST API answers 200 within {@code bound}. */
    private boolean answersWithin(Map<String, Integer> ports, Duration bound) {
        try {
            await().atMost(bound).until(() -> get(ports, "/api/ct/registrations?limit=1").statusCode() == 200);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private HttpResponse<String> get(Map<String, Integer> ports, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get("web") + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
