package dev.selfreg.platform.ct;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A bounded load of ZZHC reports over CoAP (Californium, CON POST /nb): at most {@code inFlight} at a time, one
 * every {@code every} at most, at most {@code limit} in all, each from a device of its own (a fresh IMEI), and
 * every answer kept with the instant it came. A refused report is not sent again: each IMEI is one attempt, so
 * "present exactly once" can be checked for every acknowledged one and "at most once" for the rest.
 */
public final class ReportLoad implements AutoCloseable {

    /** One report's answer: 2.05 with result code 0 is an acknowledgement; {@code code} null when none came. */
    record Answer(String imei, long nanos, ResponseCode code, boolean acknowledged, Long maxAge) {
    }

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private final CoapClient client;
    private final CoapEndpoint endpoint;
    private final Semaphore window;
    private final int inFlight;
    private final int limit;
    private final long firstDevice;
    private final AtomicInteger sent = new AtomicInteger();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    private ReportLoad(int port, int inFlight, int limit, Duration every, long firstDevice) {
        Configuration config = Configuration.createStandardWithoutFile()
                // a report the platform never answers ends in seconds, not Californium's default minute and a half
                .set(CoapConfig.ACK_TIMEOUT, 1, TimeUnit.SECONDS)
                .set(CoapConfig.MAX_RETRANSMIT, 2);
        this.client = new CoapClient("coap://127.0.0.1:" + port + "/nb");
        this.endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        client.setEndpoint(endpoint);
        this.window = new Semaphore(inFlight);
        this.inFlight = inFlight;
        this.limit = limit;
        this.firstDevice = firstDevice;
        ticker.scheduleAtFixedRate(this::sendOne, 0, every.toNanos(), TimeUnit.NANOSECONDS);
    }

    static ReportLoad start(int port, int inFlight, int limit, Duration every) {
        return start(port, inFlight, limit, every, 1);
    }

    /** A load whose devices are numbered from {@code firstDevice} (IMEI 86 and the number in 13 digits). */
    public static ReportLoad start(int port, int inFlight, int limit, Duration every, long firstDevice) {
        return new ReportLoad(port, inFlight, limit, every, firstDevice);
    }

    private void sendOne() {
        if (sent.get() >= limit || !window.tryAcquire()) {
            return;
        }
        String imei = String.format("86%013d", firstDevice + sent.getAndIncrement());
        Request request = Request.newPost();
        request.setPayload(ZzhcFixtures.report(imei, "89860321000000000001", "460111234567890"));
        client.advanced(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                boolean acknowledged = response.getCode() == ResponseCode.CONTENT
                        && response.getResponseText().contains("\"resultCode\":\"0\"");
                Long maxAge = response.getOptions().hasMaxAge() ? response.getOptions().getMaxAge() : null;
                answers.add(new Answer(imei, System.nanoTime(), response.getCode(), acknowledged, maxAge));
                window.release();
            }

            @Override
            public void onError() {
                answers.add(new Answer(imei, System.nanoTime(), null, false, null));
                window.release();
            }
        }, request);
    }

    /** Sends no more and returns once every report sent has its answer (or its timeout). */
    ReportLoad finish() {
        ticker.shutdownNow();
        await().atMost(Duration.ofSeconds(15)).until(() -> window.availablePermits() == inFlight);
        return this;
    }

    public int sent() {
        return sent.get();
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    public long acknowledged() {
        return answers.stream().filter(Answer::acknowledged).count();
    }

    /** Acknowledgements that came after {@code nanos} ({@link System#nanoTime()}). */
    long acknowledgedAfter(long nanos) {
        return answers.stream().filter(a -> a.acknowledged() && a.nanos() - nanos > 0).count();
    }

    /** Answers with this code. */
    long answered(ResponseCode code) {
        return answers.stream().filter(a -> a.code() == code).count();
    }

    /** The acknowledged IMEIs. */
    public List<String> acknowledgedImeis() {
        return answers.stream().filter(Answer::acknowledged).map(Answer::imei).toList();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        client.shutdown();
        endpoint.destroy();
    }
}
