package dev.selfreg.platform;

import static org.awaitility.Awaitility.await;

import dev.selfreg.protocol.zzhc.ZzhcReport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * CoAP requests offered faster than the platform takes them (open loop): each from a device of its own, sent at a
 * fixed rate whatever the answers, from a few client endpoints (sockets). Each is one datagram, retransmitted only
 * after a minute, long after a test or benchmark, so every answer belongs to one attempt and "acknowledged means
 * stored once" can be checked per device; a request the platform dropped unread stays unanswered. What a request is
 * and which answer acknowledges it is the {@link Offer}'s: ZZHC reports or CMDMP Registers.
 */
public final class CoapBurst implements AutoCloseable {

    /**
     * What is offered.
     *
     * @param path the Uri-Path, {@code nb} or {@code rd}
     * @param message device {@code n}'s request
     * @param acknowledges whether an answer acknowledges the request (2.05 with result 0, 2.01)
     */
    public record Offer(String path, LongFunction<Message> message, Predicate<Response> acknowledges) {
    }

    /**
     * One device's request.
     *
     * @param device what names the device in the records: an IMEI, an endpoint name
     */
    public record Message(String device, List<String> query, byte[] payload, int contentFormat) {
    }

    /** One request's answer. */
    public record Answer(String device, long sentNanos, long answeredNanos, ResponseCode code, boolean acknowledged,
                         Long maxAge, String text) {

        /** From sending to the answer. */
        public Duration latency() {
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

    private final String uri;
    private final Offer offer;
    private final long firstDevice;
    private final List<CoapEndpoint> endpoints = new ArrayList<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong lastAnswer = new AtomicLong(System.nanoTime());

    /**
     * ZZHC reports to {@code POST /nb}, device {@code n} with the IMEI {@code 86} followed by {@code n} in 13 digits;
     * acknowledged by 2.05 with result code 0.
     */
    public static Offer zzhcReports() {
        return new Offer("nb", n -> {
            String imei = String.format("86%013d", n);
            return new Message(imei, List.of(), ZzhcReport.v2(imei, "Quectel-BC260Y-CN", "BC260YCNAAR01A04",
                    "89860321000000000001", "460111234567890").encode(), -1);
        }, response -> response.getCode() == ResponseCode.CONTENT
                && response.getPayloadString().contains("\"resultCode\":\"0\""));
    }

    /** Offers to the platform's CoAP port {@code port}, devices numbered from {@code firstDevice}. */
    public CoapBurst(int port, Offer offer, long firstDevice) {
        this.uri = "coap://127.0.0.1:" + port + "/" + offer.path();
        this.offer = offer;
        this.firstDevice = firstDevice;
        Configuration config = Configuration.createStandardWithoutFile()
                // its one retransmission comes long after every answer (Californium takes no fewer)
                .set(CoapConfig.ACK_TIMEOUT, 60, TimeUnit.SECONDS)
                .set(CoapConfig.ACK_INIT_RANDOM, 1.0f)
                .set(CoapConfig.MAX_RETRANSMIT, 1);
        for (int i = 0; i < SOCKETS; i++) {
            CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                    .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
            try {
                endpoint.start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("no client socket on loopback", e);
            }
            endpoints.add(endpoint);
        }
    }

    /** Sends {@code count} more requests at {@code perSecond}, in steps of 10 ms; returns once they are sent. */
    public CoapBurst send(int count, int perSecond) {
        int perStep = Math.max(1, perSecond / 100);
        long target = sent.get() + count;
        long start = System.nanoTime();
        for (int step = 0; sent.get() < target; step++) {
            for (int i = 0; i < perStep && sent.get() < target; i++) {
                sendOne();
            }
            long wait = start + (step + 1) * 10_000_000L - System.nanoTime();
            if (wait > 0) {
                // pacing the offered load, not waiting for the platform
                LockSupport.parkNanos(wait);
            }
        }
        return this;
    }

    /** Sends the next device's request now. */
    public void sendOne() {
        long n = sent.getAndIncrement();
        Message message = offer.message().apply(firstDevice + n);
        Request request = Request.newPost();
        request.setURI(uri);
        message.query().forEach(option -> request.getOptions().addUriQuery(option));
        request.setPayload(message.payload());
        if (message.contentFormat() >= 0) {
            request.getOptions().setContentFormat(message.contentFormat());
        }
        long sentAt = System.nanoTime();
        request.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onResponse(Response response) {
                long now = System.nanoTime();
                lastAnswer.set(now);
                answers.add(new Answer(message.device(), sentAt, now, response.getCode(),
                        offer.acknowledges().test(response),
                        response.getOptions().hasMaxAge() ? response.getOptions().getMaxAge() : null,
                        response.getPayloadString()));
            }
        });
        endpoints.get((int) (n % SOCKETS)).sendRequest(request);
    }

    /** Returns once every request sent has its answer, or no answer came for {@link #QUIET} (the rest were dropped). */
    public CoapBurst awaitAnswers() {
        await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() == sent.get()
                || System.nanoTime() - lastAnswer.get() > QUIET.toNanos());
        return this;
    }

    /** Requests sent. */
    public long sent() {
        return sent.get();
    }

    /** The answers so far, in the order they came. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Requests without an answer. */
    public long unanswered() {
        return sent.get() - answers.size();
    }

    /** The answers with {@code code}. */
    public List<Answer> answered(ResponseCode code) {
        return answers.stream().filter(a -> a.code() == code).toList();
    }

    /** The devices whose request was acknowledged. */
    public List<String> acknowledgedDevices() {
        return answers.stream().filter(Answer::acknowledged).map(Answer::device).toList();
    }

    @Override
    public void close() {
        endpoints.forEach(CoapEndpoint::destroy);
    }
}
