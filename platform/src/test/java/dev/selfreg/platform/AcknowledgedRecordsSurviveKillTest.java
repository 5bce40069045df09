package dev.selfreg.platform.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.JdbcPlatformStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform replies only after commit: kill its process with SIGKILL while devices are
 * reporting, restart it on the same data, and every report it acknowledged is there.
 */
class AcknowledgedReportsSurviveKillTest {

    private static final int ROUNDS = 6;
    private static final int IN_FLIGHT = 16;

    @TempDir
    Path data;

    private Process start(int[] port) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ZzhcServerProcess.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("server start").startsWith("listening ");
        port[0] = Integer.parseInt(line.substring("listening ".length()));
        return process;
    }

    @Test
    void everyAcknowledgedReportIsStoredAfterAKill() throws Exception {
        Random random = new Random(7);
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            int[] port = new int[1];
            Process server = start(port);
            try (ReportLoad load = ReportLoad.start(port[0], IN_FLIGHT, Integer.MAX_VALUE, Duration.ofMillis(1),
                    round * 1_000_000L + 1)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> load.acknowledged() > 0);
                // a random instant while devices go on reporting
                TimeUnit.MILLISECONDS.sleep(20 + random.nextInt(300));
                server.destroyForcibly();
                assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
                List<String> acked = load.acknowledgedImeis();
                assertThat(acked).as("acknowledged in round %d", round).isNotEmpty();
                acknowledged.addAll(acked);
            } finally {
                server.destroyForcibly();
            }
        }
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            List<CtRegistration> stored = store.ctRegistrations(null, Integer.MAX_VALUE);
            Set<String> storedImeis = new HashSet<>();
            stored.forEach(r -> storedImeis.add(r.imei()));
            assertThat(storedImeis).containsAll(acknowledged);
            assertThat(stored).hasSize(storedImeis.size());
        }
    }
}
