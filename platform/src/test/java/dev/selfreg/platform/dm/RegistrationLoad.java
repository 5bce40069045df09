package dev.selfreg.platform.dm;

import dev.selfreg.platform.CoapBurst;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.vocabulary.TerminalType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * CMDMP Registers from stock Leshan clients, {@code lanes} at a time, until closed: each client is a device of its
 * own (a fresh IMEI in a DM 2.0 endpoint name of the spec's test-vector application), registers once and is
 * destroyed without deregistering. A Register answered 2.01 is acknowledged; a failed one is not tried again, so
 * "present exactly once" can be checked for every acknowledged endpoint and "at most once" for the rest.
 */
public final class RegistrationLoad implements AutoCloseable {

    private static final DmCipher CIPHER = new DmCipher(DmLab.PASSWORD);

    private final String serverUri;
    private final long firstDevice;
    private final AtomicLong started = new AtomicLong();
    /** An endpoint whose Register was answered 2.01, and when ({@link System#nanoTime}). */
    private record Acknowledgement(String endpoint, long nanos) {
    }

    private final Queue<Acknowledgement> acknowledged = new ConcurrentLinkedQueue<>();
    /** The endpoints whose Register was answered with an error code (not an error of the client's own). */
    private final Queue<String> refused = new ConcurrentLinkedQueue<>();
    /** The clients' outcomes ({@code register 2.01}, {@code register 5.03}) with how many times each. */
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final ExecutorService lanes;
    private volatile boolean closed;

    private RegistrationLoad(int port, int lanes, long firstDevice) {
        this.serverUri = "coap://127.0.0.1:" + port;
        this.firstDevice = firstDevice;
        this.lanes = Executors.newFixedThreadPool(lanes);
        for (int i = 0; i < lanes; i++) {
            this.lanes.execute(this::registerUntilClosed);
        }
    }

    /** Registers to the DM server on {@code port}, devices numbered from {@code firstDevice}. */
    public static RegistrationLoad start(int port, int lanes, long firstDevice) {
        return new RegistrationLoad(port, lanes, firstDevice);
    }

    /** The application every device belongs to, {@code APPKEY=PASSWORD} as the platform's {@code --dm-app} takes it. */
    public static String application() {
        return DmLab.APP_KEY + "=" + DmLab.PASSWORD;
    }

    /** The endpoint name of device {@code n}. */
    private String endpoint(long n) {
        return endpointOf(String.format("86998%010d", firstDevice + n));
    }

    /** The DM 2.0 endpoint name of the device {@code imei} in the test-vector application. */
    private static String endpointOf(String imei) {
        return DmEndpointName.build(TerminalType.INTERFACE, imei, DmLab.IMSI, DmLab.APP_KEY, CIPHER).text();
    }

    /**
     * CMDMP Registers to {@code POST /rd} as a module sends them (cmcc-dm-wire.md, "Register"), device {@code n}
     * with the IMEI {@code 86998} followed by {@code n} in 10 digits; acknowledged by 2.01.
     */
    public static CoapBurst.Offer registers() {
        return new CoapBurst.Offer(DmRegister.PATH, n -> {
            String endpoint = endpointOf(String.format("86998%010d", n));
            return new CoapBurst.Message(endpoint, new DmRegister(endpoint, 86_400).queryOptions().stream()
                    .map(UriQueryOption::text).toList(), DmRegister.PAYLOAD.getBytes(StandardCharsets.UTF_8),
                    DmRegister.CONTENT_FORMAT);
        }, response -> response.getCode() == ResponseCode.CREATED);
    }

    /** The endpoint name of cmcc-dm-wire.md's test vectors. */
    public static String testVectorEndpoint() {
        return DmLab.ENDPOINT;
    }

    private void registerUntilClosed() {
        while (!closed) {
            String endpoint = endpoint(started.getAndIncrement());
            try (DmLeshanClient client = DmLeshanClient.plain(endpoint, serverUri)) {
                client.start();
                String outcome = client.nextOutcome();
                outcomes.computeIfAbsent(outcome, counted -> new LongAdder()).increment();
                if (outcome.equals("register 2.01")) {
                    acknowledged.add(new Acknowledgement(endpoint, System.nanoTime()));
                } else if (outcome.matches("register [45]\\.\\d\\d")) {
                    refused.add(endpoint);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (AssertionError noOutcome) {
                // no answer within the client's wait: not acknowledged, and never tried again
            }
        }
    }

    /** Registers begun. */
    public long started() {
        return started.get();
    }

    /** The endpoint names whose Register was answered 2.01. */
    public List<String> acknowledgedEndpoints() {
        return acknowledged.stream().map(Acknowledgement::endpoint).toList();
    }

    /** How many Registers were answered 2.01 after {@code nanos} ({@link System#nanoTime}). */
    public long acknowledgedAfter(long nanos) {
        return acknowledged.stream().filter(a -> a.nanos() - nanos > 0).count();
    }

    /** The endpoint names whose Register was answered with a 4.xx or 5.xx code. */
    public List<String> refusedEndpoints() {
        return List.copyOf(refused);
    }

    /** How many Registers the clients saw end with {@code outcome}, such as {@code register 5.03}. */
    public long answered(String outcome) {
        LongAdder times = outcomes.get(outcome);
        return times == null ? 0 : times.sum();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        lanes.shutdownNow();
        lanes.awaitTermination(20, TimeUnit.SECONDS);
    }
}
