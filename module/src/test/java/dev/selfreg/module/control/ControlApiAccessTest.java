package dev.selfreg.module.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who may drive the module over its control API (interfaces.md): off loopback every route, as Javalin registers
 * them, refuses a missing or wrong bearer token; on loopback none is needed, but the Host must be a loopback one.
 * Servers here bind 127.0.0.1 with a token given, as {@code --control-token} gives it on any address.
 */
class ControlApiAccessTest {

    private static final String TOKEN = "control-token-0123456789";

    private final Bc260yModule module = new Bc260yModule(ModuleProfile.standard(), new VirtualClock(),
            new MemoryNvramStore(), LabNetwork.lab(InetAddress.getLoopbackAddress(), 9, 9));
    private final HttpClient http = HttpClient.newHttpClient();
    private ControlApi api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
        module.close();
    }

    @Test
    void onLoopbackTheApiNeedsNoToken() throws Exception {
        api = ControlApi.start(module, "127.0.0.1", 0);

        assertThat(api.requiredToken()).isEmpty();
        assertThat(status("GET", "/module", null)).isEqualTo(200);
    }

    @Test
    void offLoopbackWithoutATokenAFreshRandomOneIsRequired() {
        assertThat(ControlAccess.forBind("192.0.2.1", Optional.empty()).token()).get().asString().hasSize(43);
        assertThat(ControlAccess.forBind("0.0.0.0", Optional.empty()).token()).isPresent();
        assertThat(ControlAccess.forBind("no-such-host.invalid", Optional.empty()).token()).as("fail closed").isPresent();
        assertThat(ControlAccess.forBind("localhost", Optional.empty()).token()).isEmpty();
    }

    @Test
    void aTokenThatCannotTravelInAHeaderIsRefused() {
        assertThatThrownBy(() -> ControlAccess.forBind("127.0.0.1", Optional.of("short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16-256");
    }

    @Test
    void everyRouteTheApiRegistersRefusesAMissingOrAWrongTokenAndAnswersTheRightOne() throws Exception {
        api = ControlApi.start(module, "127.0.0.1", 0, Optional.of(TOKEN));
        List<String> routes = api.routes();
        assertThat(routes).contains("GET /module", "POST /module/clock/advance", "POST /module/power/cycle",
                "POST /module/sim", "POST /module/firmware", "GET /module/network", "POST /module/network",
                "GET /module/faults", "POST /module/faults", "DELETE /module/faults");

        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            assertThat(status(method, path, null)).as(route + " without a token").isEqualTo(401);
            assertThat(status(method, path, "Bearer wrong-token-0123456789")).as(route + " with a wrong token")
                    .isEqualTo(401);
            assertThat(status(method, path, "Bearer " + TOKEN)).as(route + " with the token").isNotEqualTo(401);
        }
    }

    @Test
    void anOpenApiRefusesAForeignHostSoARebindingWebsiteCannotDriveTheModule() throws Exception {
        api = ControlApi.start(module, "127.0.0.1", 0);

        assertThat(statusWithHost("attacker.example:" + api.port())).isEqualTo(403);
        assertThat(statusWithHost("localhost:" + api.port())).isEqualTo(200);
    }

    private int status(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The status of {@code GET /module} with this Host header, which Java's HTTP client will not set. */
    private int statusWithHost(String host) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /module HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
