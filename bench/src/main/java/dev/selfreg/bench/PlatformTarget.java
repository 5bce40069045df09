package dev.selfreg.bench;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.core.CoapEndpointSettings;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.dm.DmQueryValues;
import dev.selfreg.platform.dm.RegistrationLoad;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import dev.selfreg.protocol.zzhc.ZzhcSpecVectors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;

/**
 * One of the lab platform's intakes, the whole platform started in this process as {@code selfreg platform} starts
 * it (free loopback ports, in-memory H2, the spec's CMDMP test-vector application), fed over real loopback sockets:
 * ZZHC reports by CoAP {@code POST /nb} or HTTP {@code POST /}, CMDMP Registers by CoAP {@code POST /rd}. The
 * rejections are the platform's own counts ({@code selfreg_messages_total} of {@code /metrics}); a 5.00 or a 500
 * is a crash, a request left unanswered within the bound a hang.
 */
final class PlatformTarget implements BadInputTarget {

    /** The intake fed. */
    enum Service {
        ZZHC_COAP("zzhc-coap", "ct"),
        ZZHC_HTTP("zzhc-http", "ct"),
        DM_REGISTER("dm-register", "dm");

        private final String name;
        private final String metricsService;

        Service(String name, String metricsService) {
            this.name = name;
            this.metricsService = metricsService;
        }
    }

    private static final Pattern COUNTER = Pattern.compile(
            "(?m)^selfreg_messages_total\\{service=\"(\\w+)\",outcome=\"([^\"]*)\",reason=\"([^\"]*)\"} (\\d+)$");
    /** The query options of a DM input are its first line, {@code &}-separated; the link-format payload the rest. */
    private static final String DM_SEED = String.join("&", new DmRegister(RegistrationLoad.testVectorEndpoint(), 86400)
            .queryOptions().stream().map(UriQueryOption::text).toList()) + "\n" + DmRegister.PAYLOAD;
    private static final int MAX_OPTION_BYTES = 255;
    private static final int MESSAGES_PER_ENDPOINT = 30_000;
    /**
     * The query options a Register carries at most here: options are never sent blockwise, so a request whose
     * options outgrow a datagram never reaches the handler (the server drops the datagram, as RFC 7252 lets it).
     */
    private static final int MAX_QUERY_BYTES = 1024;

    private final Service service;
    private final Duration bound = Duration.ofSeconds(4);
    private final LabPlatform platform;
    /** The client's endpoints so far, each also serving (so the DM service's reads of /666/0 get a quick 4.04). */
    private final List<CoapServer> devices = new ArrayList<>();
    private CoapClient coap;
    private int sentFromThisEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(bound).build();

    PlatformTarget(Service service) {
        this(service, WireRecorder.none());
    }

    /** The intake of a platform whose traffic {@code wire} records. */
    PlatformTarget(Service service, WireRecorder wire) {
        this.service = service;
        platform = LabPlatform.start(new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:mem:bad-input-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), Path.of("."),
                List.of(RegistrationLoad.application()), false, Optional.empty()), PlatformTime.system(), wire);
    }

    /**
     * The CoAP client, on a fresh endpoint every {@link #MESSAGES_PER_ENDPOINT} requests: one endpoint has 65,536
     * message IDs per exchange lifetime (about four minutes), fewer than a minute of bad input takes. The endpoints
     * used before stay bound, so no later one gets their port (the server would take its requests for duplicates).
     */
    private CoapClient coap() {
        if (coap == null || ++sentFromThisEndpoint > MESSAGES_PER_ENDPOINT) {
            CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(CoapEndpointSettings.standard())
                    .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
            CoapServer device = new CoapServer(CoapEndpointSettings.standard());
            device.addEndpoint(endpoint);
            device.start();
            devices.add(device);
            if (coap != null) {
                coap.shutdown();
            }
            coap = new CoapClient();
            coap.setEndpoint(endpoint);
            coap.setTimeout(bound.toMillis());
            sentFromThisEndpoint = 1;
        }
        return coap;
    }

    @Override
    public String name() {
        return service.name;
    }

    @Override
    public String seeds() {
        return service == Service.DM_REGISTER ? "the test-vector Register (cmcc-dm-wire.md), mutated, or with any lt and"
                + " b; random bytes"
                : "the " + ZzhcSpecVectors.all().size() + " dialect vectors of ct-zzhc-wire.md, mutated as Base64 and as"
                        + " JSON; random bytes";
    }

    @Override
    public Arbitrary<byte[]> inputs() {
        if (service == Service.DM_REGISTER) {
            return net.jqwik.api.Arbitraries.oneOf(Mutations.of(goodInputs(), 3000), lifetimesAndBindings());
        }
        List<byte[]> bodies = goodInputs();
        List<byte[]> json = ZzhcSpecVectors.all().stream().map(v -> v.json().getBytes(StandardCharsets.UTF_8)).toList();
        // a mutated JSON is sent as a module would send it, in Base64
        return net.jqwik.api.Arbitraries.oneOf(Mutations.of(bodies, 6000),
                Mutations.mutated(json).map(Base64.getEncoder()::encode));
    }

    /** The test-vector Register with any {@code lt} and {@code b}, which Leshan alone parses before any check. */
    private static Arbitrary<byte[]> lifetimesAndBindings() {
        return Combinators.combine(DmQueryValues.lifetimesAndBindings(), DmQueryValues.lifetimesAndBindings())
                .as((lifetime, binding) -> (String.join("&", DmRegister.ENDPOINT_KEY + "="
                        + RegistrationLoad.testVectorEndpoint(), DmRegister.LIFETIME_KEY + "=" + lifetime,
                        DmRegister.LWM2M_VERSION_KEY + "=" + DmRegister.LWM2M_VERSION,
                        DmRegister.BINDING_KEY + "=" + binding) + "\n" + DmRegister.PAYLOAD)
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String feed(byte[] input) throws Exception {
        return switch (service) {
            case ZZHC_COAP -> answered(coap().advanced(post("nb", List.of(), input)));
            case ZZHC_HTTP -> http(input);
            case DM_REGISTER -> {
                String text = new String(input, StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                List<String> query = new ArrayList<>();
                int optionBytes = 0;
                for (String option : (end < 0 ? text : text.substring(0, end)).split("&", -1)) {
                    String kept = cut(option);
                    optionBytes += kept.getBytes(StandardCharsets.UTF_8).length;
                    if (optionBytes > MAX_QUERY_BYTES) {
                        break;
                    }
                    query.add(kept);
                }
                byte[] payload = end < 0 ? new byte[0] : text.substring(end + 1).getBytes(StandardCharsets.UTF_8);
                yield answered(coap().advanced(post(DmRegister.PATH, query, payload)));
            }
        };
    }

    private Request post(String path, List<String> query, byte[] payload) {
        Request request = Request.newPost();
        request.setURI("coap://127.0.0.1:" + platform.ports().get(service == Service.DM_REGISTER ? "dm" : "ct-coap"));
        request.getOptions().setUriPath(path);
        query.forEach(option -> request.getOptions().addUriQuery(option));
        if (service == Service.DM_REGISTER) {
            request.getOptions().setContentFormat(DmRegister.CONTENT_FORMAT);
        }
        request.setPayload(payload);
        return request;
    }

    /** An option as long as CoAP allows (a longer one is the client's error, not the server's input). */
    private static String cut(String option) {
        byte[] bytes = option.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_OPTION_BYTES ? option
                : new String(Arrays.copyOf(bytes, MAX_OPTION_BYTES), StandardCharsets.UTF_8).replace("\ufffd", "");
    }

    private static String answered(CoapResponse response) throws Crash, NoAnswer {
        if (response == null) {
            throw new NoAnswer("no CoAP answer");
        }
        ResponseCode code = response.getCode();
        if (code == ResponseCode.INTERNAL_SERVER_ERROR) {
            throw new Crash("5.00 " + response.getResponseText());
        }
        return code.text + resultCode(response.getResponseText());
    }

    private String http(byte[] body) throws IOException, InterruptedException, Crash, NoAnswer {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.ports().get("ct-http")
                            + "/")).header("Content-Type", "application/encrypted-json").timeout(bound)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new NoAnswer("no HTTP answer");
        }
        if (response.statusCode() >= 500) {
            throw new Crash(response.statusCode() + " " + response.body());
        }
        return response.statusCode() + resultCode(response.body());
    }

    /** The ZZHC reply's result code, when the answer is one. */
    private static String resultCode(String body) {
        Matcher code = Pattern.compile("\"resultCode\":\"(\\w*)\"").matcher(body);
        return code.find() ? " resultCode " + code.group(1) : "";
    }

    @Override
    public Map<String, Long> rejections() {
        Map<String, Long> counted = new TreeMap<>();
        Matcher counter = COUNTER.matcher(platform.metrics().prometheusText());
        while (counter.find()) {
            if (counter.group(1).equals(service.metricsService) && !counter.group(2).equals("accepted")) {
                counted.put(counter.group(2) + "/" + counter.group(3), Long.parseLong(counter.group(4)));
            }
        }
        return counted;
    }

    @Override
    public boolean serving() throws Exception {
        return good(goodInputs().get(0));
    }

    /** Whether the good input was answered as one: accepted, or the report acknowledged. */
    private boolean good(byte[] input) throws Exception {
        String answer = feed(input);
        return answer.equals("2.01") || answer.endsWith("resultCode 0");
    }

    /** The seeds as they are: each ZZHC dialect vector, or the test-vector Register. */
    private static List<byte[]> goodInputs(Service service) {
        return service == Service.DM_REGISTER ? List.of(DM_SEED.getBytes(StandardCharsets.UTF_8))
                : ZzhcSpecVectors.all().stream().map(ZzhcSpecVectors::body).toList();
    }

    private List<byte[]> goodInputs() {
        return goodInputs(service);
    }

    /**
     * Feeds every seed as it is, and for a Register waits for the platform's read of {@code /666/0} that follows
     * it: the traffic of a whole, good exchange, for a recorded capture.
     */
    void feedTheSeeds() throws Exception {
        for (byte[] input : goodInputs()) {
            if (!good(input)) {
                throw new IllegalStateException("a seed was not accepted: " + new String(input, StandardCharsets.UTF_8));
            }
        }
        long deadline = System.nanoTime() + bound.toNanos();
        while (service == Service.DM_REGISTER && System.nanoTime() < deadline && platform.records().store()
                .dmEvents(100).stream().noneMatch(event -> event.kind().equals("read"))) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        if (coap != null) {
            coap.shutdown();
        }
        devices.forEach(CoapServer::destroy);
        platform.close();
    }
}
