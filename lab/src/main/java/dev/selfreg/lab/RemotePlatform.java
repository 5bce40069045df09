package dev.selfreg.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.module.network.Loopback;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.protocol.cmdmp.DmDialect;
import dev.selfreg.protocol.zzhc.ZzhcDialect;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A lab platform in another process ({@code selfreg platform}), known by its web address on loopback: where its
 * listeners are ({@code GET /api/listeners}), and what it stored, read page by page through its REST API
 * ({@code ?before=ID}). A fleet or a scenario whose modules report to it reads their records here.
 */
public final class RemotePlatform {

    /** The platform does not answer, or answers what it should not: the message says which, in one line. */
    public static final class Unanswered extends RuntimeException {
        Unanswered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The REST API's largest page (interfaces.md). */
    private static final int PAGE = 1000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How long a platform's records have to stay the same to count as settled. */
    private static final Duration QUIET = Duration.ofMillis(500);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI web;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RemotePlatform(URI web, Optional<String> token) {
        this.web = web;
        this.token = token;
    }

    /**
     * The platform whose web side is at {@code url} ({@code http://127.0.0.1:8080}), sending {@code token} as its
     * bearer token when given.
     *
     * @throws IllegalArgumentException when {@code url} is not an {@code http} address on loopback
     */
    public static RemotePlatform at(String url, Optional<String> token) {
        URI web;
        try {
            web = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL; give the platform's web address, e.g."
                    + " http://127.0.0.1:8080");
        }
        if (!"http".equals(web.getScheme()) || web.getHost() == null || web.getPort() < 0) {
            throw new IllegalArgumentException("'" + url + "' is not the platform's web address: give"
                    + " http://HOST:PORT, e.g. http://127.0.0.1:8080 (its 'listening web' line)");
        }
        Loopback.parseHost(web.getHost().replaceAll("^\\[|\\]$", ""));
        return new RemotePlatform(URI.create("http://" + web.getHost() + ":" + web.getPort()), token);
    }

    /** Where the listener {@code name} ({@code ct-coap}, {@code dm}...) is, as the platform says. */
    public InetSocketAddress listener(String name) {
        JsonNode address = get("/api/listeners").get(name);
        if (address == null) {
            throw new Unanswered("the platform at " + web + " has no " + name + " listener", null);
        }
        String text = address.asText();
        int colon = text.lastIndexOf(':');
        return Loopback.require(new InetSocketAddress(Loopback.parseHost(text.substring(0, colon).replaceAll(
                "^\\[|\\]$", "")), Integer.parseInt(text.substring(colon + 1))));
    }

    /**
     * Returns once the platform's newest records have stayed the same for a moment (the object 666 reads it
     * commits after its answers to the modules), or after {@code atMost}.
     */
    public void awaitSettled(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        String last = newest();
        while (System.nanoTime() < deadline) {
            Thread.sleep(QUIET.toMillis());
            String now = newest();
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    /** The ids of the newest record of each list, which change whenever anything is stored. */
    private String newest() {
        return get("/api/ct/registrations?limit=1") + " " + get("/api/ct/rejections?limit=1") + " "
                + get("/api/dm/events?limit=1");
    }

    /** Every accepted China Telecom report, newest first. */
    public List<CtRegistration> ctRegistrations() {
        return all("/api/ct/registrations", row -> new CtRegistration(row.get("id").asLong(), time(row),
                text(row, "transport"), text(row, "peer"), text(row, "imei"), text(row, "imsi"), text(row, "iccid"),
                text(row, "model"), text(row, "swver"), text(row, "regver"), row.get("report").toString(),
                Optional.ofNullable(text(row, "dialect")).flatMap(ZzhcDialect::parse)));
    }

    /** Every rejected China Telecom report, newest first. */
    public List<CtRejection> ctRejections() {
        return all("/api/ct/rejections", row -> new CtRejection(row.get("id").asLong(), time(row),
                text(row, "transport"), text(row, "peer"), text(row, "resultCode"), text(row, "reason"),
                text(row, "detail"), text(row, "body"),
                Optional.ofNullable(text(row, "dialect")).flatMap(ZzhcDialect::parse)));
    }

    /** Every CMDMP event, newest first. */
    public List<DmEvent> dmEvents() {
        return all("/api/dm/events", row -> new DmEvent(row.get("id").asLong(), time(row), text(row, "endpoint"),
                text(row, "imei"), text(row, "kind"), text(row, "outcome"), text(row, "reason"),
                Optional.ofNullable(text(row, "dialect")).flatMap(DmDialect::parse)));
    }

    private <T> List<T> all(String path, Function<JsonNode, T> record) {
        List<T> records = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            JsonNode page = get(path + "?limit=" + PAGE + (before == Long.MAX_VALUE ? "" : "&before=" + before));
            if (page.isEmpty()) {
                return records;
            }
            for (JsonNode row : page) {
                records.add(record.apply(row));
                before = row.get("id").asLong();
            }
        }
    }

    private JsonNode get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(web.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT);
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Unanswered("the platform at " + web + " answered GET " + pathAndQuery.replaceAll("\\?.*", "")
                        + " with " + response.statusCode() + ": " + response.body(), null);
            }
            return JSON.readTree(response.body());
        } catch (ConnectException e) {
            throw new Unanswered("no platform answers at " + web + " (is `selfreg platform` running, with that"
                    + " --web-port?)", e);
        } catch (IOException e) {
            throw new Unanswered("GET " + web + pathAndQuery.replaceAll("\\?.*", "") + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted while asking the platform at " + web, e);
        }
    }

    private static Instant time(JsonNode row) {
        return Instant.parse(row.get("time").asText());
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
        return web.toString();
    }
}
