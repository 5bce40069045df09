package dev.selfreg.platform.ct;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.JdbcPlatformStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.selfreg.platform.TestCoapClients;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
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
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        for (int round = 0; round < ROUNDS; round++) {
            int[] port = new int[1];
            Process server = start(port);
            CoapClient client = TestCoapClients.client("coap://127.0.0.1:" + port[0] + "/nb");
            Semaphore window = new Semaphore(IN_FLIGHT);
            int ackedBefore = acknowledged.size();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                long killAt = Long.MAX_VALUE;
                while (System.nanoTime() < Math.min(killAt, deadline)) {
                    if (killAt == Long.MAX_VALUE && acknowledged.size() > ackedBefore) {
                        killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20 + random.nextInt(300));
                    }
                    if (!window.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    String imei = String.format("86%013d", sent.incrementAndGet());
                    Request request = Request.newPost();
                    request.setPayload(ZzhcFixtures.report(imei, "89860321000000000001", "460111234567890"));
                    client.advanced(new CoapHandler() {
                        @Override
                        public void onLoad(CoapResponse response) {
                            if (response.getResponseText().contains("\"resultCode\":\"0\"")) {
                                acknowledged.add(imei);
                            }
                            window.release();
                        }

                        @Override
                        public void onError() {
                            window.release();
                        }
                    }, request);
                }
                server.destroyForcibly();
                assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(acknowledged.size()).as("acknowledged in round %d", round).isGreaterThan(ackedBefore);
            } finally {
                client.shutdown();
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
