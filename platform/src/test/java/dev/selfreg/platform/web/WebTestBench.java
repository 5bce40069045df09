package dev.selfreg.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.checks.Product;
import dev.selfreg.platform.checks.DeviceChecks;
import dev.selfreg.platform.checks.DeviceFacts;
import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.dm.DmApplications;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.JdbcPlatformStore;
import dev.selfreg.platform.wire.WireJournal;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A running web server over a real (in-memory H2) platform store, with an HTTP client and
 * record factories for the web tests.
 */
final class WebTestBench implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A token of the accepted shape, for servers configured with one. */
    static final String TOKEN = "lab-token-0123456789abcdef";
    /** What the bench's {@code /api/listeners} shows: the web side alone, as nothing else listens here. */
    static final Map<String, String> LISTENERS = Map.of("web", "127.0.0.1:0");
    /** The spec's test vectors' application (cmcc-dm-wire.md, "Test vectors"). */
    static final String DM_APP = "M100000000=0123456789ABCDEFGHIJKLMNOPQRSTUV";

    final JdbcPlatformStore store;
    final PlatformRecords records;
    final PlatformMetrics metrics = new PlatformMetrics();
    final DeviceFacts facts;
    final DeviceChecks checks;
    final WireJournal journal = new WireJournal(DmApplications.parse(List.of(DM_APP)), WireJournal.DEFAULT_BOUNDS);
    final WebServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebTestBench(Optional<String> token, Duration keepAlive) {
        this(token, keepAlive, Product.UNDECLARED);
    }

    private WebTestBench(Optional<String> token, Duration keepAlive, Product product) {
        store = JdbcPlatformStore.open("jdbc:h2:mem:web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
        records = new PlatformRecords(store);
        facts = new DeviceFacts(Clock.systemUTC());
        checks = new DeviceChecks(store, facts, product, Clock.systemUTC());
        server = WebServer.start(records, metrics, checks, journal, () -> LISTENERS, "127.0.0.1", 0, token, keepAlive);
    }

    /** An open server on loopback. */
    static WebTestBench open() {
        return new WebTestBench(Optional.empty(), WebServer.KEEP_ALIVE_INTERVAL);
    }

    /** An open server on loopback whose checks judge devices as {@code product}. */
    static WebTestBench declaring(Product product) {
        return new WebTestBench(Optional.empty(), WebServer.KEEP_ALIVE_INTERVAL, product);
    }

    /** A loopback server that requires {@link #TOKEN}. */
    static WebTestBench withToken() {
        return new WebTestBench(Optional.of(TOKEN), WebServer.KEEP_ALIVE_INTERVAL);
    }

    /** An open server whose live stream sends keep-alive comments every {@code interval}. */
    static WebTestBench withKeepAlive(Duration interval) {
        return new WebTestBench(Optional.empty(), interval);
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.port() + pathAndQuery;
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(HandlerType.GET, pathAndQuery, HttpResponse.BodyHandlers.ofString(), headers);
    }

    /** The status of one request; its body is not read, so a live stream does not hold the caller. */
    int status(HandlerType method, String pathAndQuery, String... headers) {
        HttpResponse<InputStream> response = send(method, pathAndQuery, HttpResponse.BodyHandlers.ofInputStream(), headers);
        try {
            response.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.statusCode();
    }

    private <T> HttpResponse<T> send(HandlerType method, String pathAndQuery, HttpResponse.BodyHandler<T> body,
                                     String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(10))
                .method(method.name(), HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode getJson(String pathAndQuery, String... headers) {
        HttpResponse<String> response = get(pathAndQuery, headers);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (HTTP " + response.statusCode() + "): " + response.body(), e);
        }
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        server.close();
        journal.close();
        store.close();
    }

    // ---- records as the services make them ----

    static CtRegistration ctRegistration(String imei, String imsi, String iccid) {
        String report = "{\"REGVER\":\"2\",\"MEID\":\"" + imei + "\",\"MODEL\":\"Quectel-BC260Y-CN\","
                + "\"SWVER\":\"BC260YCNAAR01A04\",\"SIM1ICCID\":\"" + iccid + "\",\"SIM1LTEIMSI\":\"" + imsi + "\"}";
        return new CtRegistration(0, Instant.parse("2025-03-01T08:15:30Z"), "coap", "127.0.0.1:40123", imei, imsi, iccid,
                "Quectel-BC260Y-CN", "BC260YCNAAR01A04", "2", report);
    }

    static CtRejection ctRejection(String resultCode, String reason, String detail) {
        return new CtRejection(0, Instant.parse("2025-03-01T08:16:00Z"), "http", "127.0.0.1:40200", resultCode, reason,
                detail, "eyJSRUdWRVIiOiIyIn0=");
    }

    static DmDevice dmDevice(String imei, String imsi, Map<Integer, String> terminalInfo) {
        return new DmDevice(endpoint(imei), imei, imsi, "M100000000", "0", "registered", 86400,
                Instant.parse("2025-03-01T08:20:00Z"), Instant.parse("2025-03-01T08:20:05Z"), "rd-" + imei, true,
                terminalInfo);
    }

    static String endpoint(String imei) {
        return "I@#@8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx@#@M100000000@#@" + imei + "@#@v2.0";
    }

    static DmEvent dmEvent(String imei, String kind, String outcome, String reason) {
        return new DmEvent(0, Instant.parse("2025-03-01T08:20:00Z"), endpoint(imei), imei, kind, outcome, reason);
    }

    /** Object 666 values as a BC260Y-CN configured with AT+QDMPCFGEX reports them, decrypted. */
    static Map<Integer, String> terminalInfo() {
        return Map.of(6601, "interface", 6602, "selfreg-meter", 6603, "00:50:56:C0:00:01", 6608, "BC260YCNAAR01A04",
                6609, "meter-fw", 6611, "4G", 6612, "NULL", 6613, "NULL", 6614, "NULL");
    }
}
