package dev.selfreg.platform.ct;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * ZZHC reports over CoAP offered faster than the platform takes them: {@code count} reports, each from a device of
 * its own (a fresh IMEI), sent at a fixed rate whatever the answers, from a few client endpoints (sockets). Each is
 * one datagram, retransmitted only after a minute, long after the test, so every answer belongs to one attempt and
 * "acknowledged means stored once" can be checked per IMEI; a report the platform dropped unread stays unanswered.
 */
final class ReportBurst implements AutoCloseable {

    /** One report's answer. */
    record Answer(String imei, long sentNanos, long answeredNanos, ResponseCode code, boolean acknowledged,
                  Long maxAge, String text) {

        Duration latency() {
            return Duration.ofNanos(answeredNanos - sentNanos);
        }
    }

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private static final int SOCKETS = 16;
    /** How long without an answer means no more are coming. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final List<CoapEndpoint> endpoints = new ArrayList<>();
    private final List<CoapClient> clients = new ArrayList<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong lastAnswer = new AtomicLong(System.nanoTime());
    private final long firstDevice;

    ReportBurst(int port, long firstDevice) {
        this.firstDevice = firstDevice;
        Configuration config = Configuration.createStandardWithoutFile()
                // its one retransmission comes long after every answer (Californium takes no fewer)
                .set(CoapConfig.ACK_TIMEOUT, 60, TimeUnit.SECONDS)
                .set(CoapConfig.ACK_INIT_RANDOM, 1.0f)
                .set(CoapConfig.MAX_RETRANSMIT, 1);
        for (int i = 0; i < SOCKETS; i++) {
            CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                    .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
            CoapClient client = new CoapClient("coap://127.0.0.1:" + port + "/nb");
            client.setEndpoint(endpoint);
            endpoints.add(endpoint);
            clients.add(client);
        }
    }

    /** Sends {@code count} more reports at {@code perSecond}, in steps of 10 ms; returns once they are sent. */
    ReportBurst send(int count, int perSecond) {
        int perStep = Math.max(1, perSecond / 100);
        int target = sent.get() + count;
        long start = System.nanoTime();
        for (int step = 0; sent.get() < target; step++) {
            for (int i = 0; i < perStep && sent.get() < target; i++) {
                sendOne();
            }
            long due = start + (step + 1) * 10_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                // pacing the offered load, not waiting for the platform
                LockSupport.parkNanos(wait);
            }
        }
        return this;
    }

    private void sendOne() {
        int n = sent.getAndIncrement();
        String imei = String.format("86%013d", firstDevice + n);
        Request request = Request.newPost();
        request.setPayload(ZzhcFixtures.report(imei, "89860321000000000001", "460111234567890"));
        long sentAt = System.nanoTime();
        clients.get(n % SOCKETS).advanced(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                boolean acknowledged = response.getCode() == ResponseCode.CONTENT
                        && response.getResponseText().contains("\"resultCode\":\"0\"");
                Long maxAge = response.getOptions().hasMaxAge() ? response.getOptions().getMaxAge() : null;
                long now = System.nanoTime();
                lastAnswer.set(now);
                answers.add(new Answer(imei, sentAt, now, response.getCode(), acknowledged, maxAge,
                        response.getResponseText()));
            }

            @Override
            public void onError() {
                // cancelled when the burst closes
            }
        }, request);
    }

    /** Returns once every report sent has its answer, or no answer came for {@link #QUIET} (the rest were dropped). */
    ReportBurst awaitAnswers() {
        await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() == sent.get()
                || System.nanoTime() - lastAnswer.get() > QUIET.toNanos());
        return this;
    }

    int sent() {
        return sent.get();
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Reports without an answer. */
    int unanswered() {
        return sent.get() - answers.size();
    }

    List<Answer> answered(ResponseCode code) {
        return answers.stream().filter(a -> a.code() == code).toList();
    }

    List<String> acknowledgedImeis() {
        return answers.stream().filter(Answer::acknowledged).map(Answer::imei).toList();
    }

    @Override
    public void close() {
        clients.forEach(CoapClient::shutdown);
        endpoints.forEach(CoapEndpoint::destroy);
    }
}
