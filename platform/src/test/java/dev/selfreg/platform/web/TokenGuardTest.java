package dev.selfreg.platform.web;

import static dev.selfreg.platform.web.WebTestBench.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenGuardTest {

    private static final String BEARER = "Bearer " + TOKEN;

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.3.2.1", "::1", "localhost"})
    void aLoopbackBindNeedsNoToken(String bindHost) {
        assertThat(TokenGuard.tokenRequired(bindHost)).isFalse();
        assertThat(TokenGuard.forBind(bindHost, Optional.empty()).token()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "fe80::1", "no-such-host.invalid"})
    void anyOtherBindNeedsAToken(String bindHost) {
        assertThat(TokenGuard.tokenRequired(bindHost)).isTrue();
    }

    @Test
    void aNonLoopbackBindWithoutATokenGetsAFreshRandomOne() {
        Optional<String> first = TokenGuard.forBind("0.0.0.0", Optional.empty()).token();
        Optional<String> second = TokenGuard.forBind("0.0.0.0", Optional.empty()).token();

        assertThat(first).hasValueSatisfying(token -> assertThat(token).matches("[A-Za-z0-9_-]{43}"));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aGivenTokenIsKeptOnAnyBind() {
        assertThat(TokenGuard.forBind("0.0.0.0", Optional.of(TOKEN)).token()).contains(TOKEN);
        assertThat(TokenGuard.forBind("127.0.0.1", Optional.of(TOKEN)).token()).contains(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "has a space in it here", "quote\"0123456789abcdef", "line\n0123456789abcdef"})
    void aTokenThatCannotTravelInAHeaderIsRefused(String token) {
        assertThatThrownBy(() -> TokenGuard.forBind("127.0.0.1", Optional.of(token)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the web token must be");
    }

    @Property
    void onlyTheTokenItselfMatches(@ForAll("candidates") String candidate) {
        TokenGuard guard = TokenGuard.forBind("127.0.0.1", Optional.of(TOKEN));

        assertThat(guard.matches(candidate)).isEqualTo(candidate.equals(TOKEN));
        assertThat(guard.matches(TOKEN)).isTrue();
    }

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> nearMisses = Arbitraries.integers().between(0, TOKEN.length() - 1).map(cut ->
                TOKEN.substring(0, cut) + (char) (TOKEN.charAt(cut) + 1) + TOKEN.substring(cut + 1));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60), nearMisses,
                Arbitraries.of(TOKEN, TOKEN + "x", TOKEN.substring(1), ""));
    }

    @Test
    void anOpenLoopbackServerAnswersWithoutAToken() {
        try (WebTestBench bench = WebTestBench.open()) {
            assertThat(bench.server.requiredToken()).isEmpty();
            for (String path : new String[] {"/", "/api/ct/registrations", "/api/ct/rejections", "/api/dm/devices",
                    "/api/dm/events", "/metrics"}) {
                assertThat(bench.get(path).statusCode()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void withATokenEveryDataRequestIs401WithoutItAnd200WithTheBearerHeader() {
        try (WebTestBench bench = WebTestBench.withToken()) {
            assertThat(bench.server.requiredToken()).contains(TOKEN);
            for (String path : new String[] {"/api/ct/registrations", "/api/ct/rejections", "/api/dm/devices",
                    "/api/dm/events", "/metrics", "/"}) {
                HttpResponse<String> without = bench.get(path);
                assertThat(without.statusCode()).as(path).isEqualTo(401);
                assertThat(without.headers().firstValue("WWW-Authenticate")).as(path).contains("Bearer realm=\"selfreg\"");
                assertThat(bench.get(path, "Authorization", "Bearer wrong-token-0123456789").statusCode()).as(path)
                        .isEqualTo(401);
                assertThat(bench.get(path, "Authorization", BEARER).statusCode()).as(path).isEqualTo(200);
            }
            assertThat(bench.getJson("/api/dm/devices").get("error").asText()).contains("bearer token");
        }
    }

    @Test
    void everyRouteTheServerRegistersRefusesAMissingOrAWrongTokenAndAnswersTheRightOne() {
        try (WebTestBench bench = WebTestBench.withToken()) {
            List<Endpoint> endpoints = bench.server.endpoints();
            assertThat(endpoints).extracting(Endpoint::getPath)
                    .contains("/", "/api/ct/registrations", "/api/dm/devices", WebServer.LIVE_PATH, "/metrics");

            for (Endpoint endpoint : endpoints) {
                String route = endpoint.getMethod() + " " + endpoint.getPath();
                String path = endpoint.getPath().replaceAll("\\{[^}]*}|<[^>]*>", "869999000000001");
                assertThat(bench.status(endpoint.getMethod(), path)).as(route + " without a token").isEqualTo(401);
                assertThat(bench.status(endpoint.getMethod(), path, "Authorization", "Bearer wrong-token-0123456789"))
                        .as(route + " with a wrong token").isEqualTo(401);
                assertThat(bench.status(endpoint.getMethod(), path + "?token=wrong-token-0123456789"))
                        .as(route + " with a wrong token in the address").isEqualTo(401);
                assertThat(bench.status(endpoint.getMethod(), path, "Authorization", BEARER))
                        .as(route + " with the token").isNotEqualTo(401);
            }
        }
    }

    @Test
    void theTokenAsAQueryParameterOpensOnlyTheLiveStreamAndTheDashboardPage() throws Exception {
        try (WebTestBench bench = WebTestBench.withToken()) {
            HttpRequest stream = HttpRequest.newBuilder(URI.create(bench.url(WebServer.LIVE_PATH + "?token=" + TOKEN)))
                    .header("Accept", "text/event-stream").build();
            HttpResponse<Stream<String>> live = bench.http().send(stream, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = live.body()) {
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(live.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/event-stream"));
            }
            assertThat(bench.get(WebServer.LIVE_PATH, "Accept", "text/event-stream").statusCode()).isEqualTo(401);
            assertThat(bench.get("/?token=" + TOKEN).statusCode()).isEqualTo(200);
            assertThat(bench.get("/api/ct/registrations?token=" + TOKEN).statusCode()).isEqualTo(401);
            assertThat(bench.get("/metrics?token=" + TOKEN).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void withoutATokenTheDashboardAddressAnswersThePageThatAsksForIt() {
        try (WebTestBench bench = WebTestBench.withToken()) {
            HttpResponse<String> page = bench.get("/");

            assertThat(page.statusCode()).isEqualTo(401);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("Access token required").doesNotContain(TOKEN);
            assertThat(bench.get("/", "Authorization", BEARER).body()).contains("China Telecom registrations");
        }
    }

    @Test
    void theDashboardsScriptsAndStylesNeedNoToken() {
        try (WebTestBench bench = WebTestBench.withToken()) {
            for (String asset : new String[] {"/static/app.js", "/static/style.css", "/static/unlock.js"}) {
                HttpResponse<String> response = bench.get(asset);
                assertThat(response.statusCode()).as(asset).isEqualTo(200);
                assertThat(response.body()).as(asset).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void aRouteAddedByAnotherServiceIsGuardedByTheSameToken() {
        try (WebTestBench bench = WebTestBench.withToken()) {
            bench.server.route(HandlerType.GET, "/api/extra", ctx -> ctx.result("extra"));

            assertThat(bench.get("/api/extra").statusCode()).isEqualTo(401);
            assertThat(bench.get("/api/extra", "Authorization", BEARER).body()).isEqualTo("extra");
        }
    }

    @Test
    void anOpenServerRefusesAForeignHostSoARebindingWebsiteCannotReadIt() throws IOException {
        try (WebTestBench bench = WebTestBench.open()) {
            assertThat(statusWithHost(bench.server.port(), "attacker.example:" + bench.server.port())).isEqualTo(403);
            assertThat(statusWithHost(bench.server.port(), "localhost:" + bench.server.port())).isEqualTo(200);
            assertThat(statusWithHost(bench.server.port(), "[::1]:" + bench.server.port())).isEqualTo(200);
        }
    }

    @Test
    void theLoopbackHostRuleAcceptsOnlyLoopbackNames() {
        assertThat(TokenGuard.loopbackHost("localhost:8080")).isTrue();
        assertThat(TokenGuard.loopbackHost("127.0.0.1")).isTrue();
        assertThat(TokenGuard.loopbackHost("[::1]:8080")).isTrue();
        assertThat(TokenGuard.loopbackHost("127.0.0.1.attacker.example")).isFalse();
        assertThat(TokenGuard.loopbackHost("localhost.attacker.example:80")).isFalse();
        assertThat(TokenGuard.loopbackHost("[::2]:8080")).isFalse();
        assertThat(TokenGuard.loopbackHost(null)).isFalse();
    }

    /** Raw HTTP/1.1, since java.net.http does not let a caller choose the Host header. */
    private static int statusWithHost(int port, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/ct/registrations HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
