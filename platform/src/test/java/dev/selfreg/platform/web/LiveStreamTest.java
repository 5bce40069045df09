package dev.selfreg.platform.web;

import static dev.selfreg.platform.web.WebTestBench.ctRegistration;
import static dev.selfreg.platform.web.WebTestBench.ctRejection;
import static dev.selfreg.platform.web.WebTestBench.dmDevice;
import static dev.selfreg.platform.web.WebTestBench.dmEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfreg.platform.store.CtRegistration;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveStreamTest {

    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final Duration CONNECT = Duration.ofSeconds(5);

    @Test
    void aConnectedClientReceivesACommittedRegistrationWithinASecond() {
        try (WebTestBench bench = WebTestBench.open(); LiveListener live = new LiveListener(bench)) {
            assertThat(live.status()).isEqualTo(200);
            await().atMost(CONNECT).until(live::ready);

            bench.records.accepted(ctRegistration("869999000000001", "460111234567890", "89860321000000000001"));

            await().atMost(SHORT).untilAsserted(() -> assertThat(live.events())
                    .anySatisfy(event -> assertThat(event).startsWith("ct-registration ").contains("\"imei\":\"869999000000001\"")));
        }
    }

    @Test
    void everyKindOfChangeIsAnEventNamedAfterItCarryingTheApiView() throws Exception {
        try (WebTestBench bench = WebTestBench.open(); LiveListener live = new LiveListener(bench)) {
            await().atMost(CONNECT).until(live::ready);

            bench.records.rejected(ctRejection("1", "Malformed", "body is not Base64"));
            bench.records.device(dmDevice("869999000000001", "460041234567890", WebTestBench.terminalInfo()),
                    dmEvent("869999000000001", "register", "ok", ""));

            await().atMost(SHORT).until(() -> live.events().size() == 4);
            JsonNode rejection = data(live, "ct-rejection");
            JsonNode device = data(live, "dm-device");
            JsonNode event = data(live, "dm-event");
            assertThat(rejection.get("resultCode").asText()).isEqualTo("1");
            assertThat(device.get("appkey").asText()).isEqualTo("M100000000");
            assertThat(device.get("terminalInfo").get("6608").asText()).isEqualTo("BC260YCNAAR01A04");
            assertThat(event.get("kind").asText()).isEqualTo("register");
            assertThat(event).isEqualTo(bench.getJson("/api/dm/events").get(0));
        }
    }

    @Test
    void anIdleStreamGetsKeepAliveComments() {
        try (WebTestBench bench = WebTestBench.withKeepAlive(Duration.ofMillis(100));
             LiveListener live = new LiveListener(bench)) {
            await().atMost(CONNECT).until(() -> live.lines().stream()
                    .filter(line -> line.equals(": " + LiveStream.KEEP_ALIVE_COMMENT)).count() >= 2);
        }
    }

    @Test
    void aClientThatGoesAwayIsUnsubscribed() {
        try (WebTestBench bench = WebTestBench.withKeepAlive(Duration.ofMillis(100))) {
            LiveListener live = new LiveListener(bench);
            await().atMost(CONNECT).until(live::ready);
            assertThat(bench.server.liveClients()).isEqualTo(1);

            live.close();

            await().atMost(CONNECT).until(() -> bench.server.liveClients() == 0);
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithoutHoldingUpCommits() throws IOException {
        try (WebTestBench bench = WebTestBench.open(); Socket stalled = new Socket("127.0.0.1", bench.server.port())) {
            stalled.setReceiveBufferSize(4096);
            OutputStream out = stalled.getOutputStream();
            out.write(("GET " + WebServer.LIVE_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(CONNECT).until(() -> bench.server.liveClients() == 1);
            // Never read: once the socket buffers are full every write to this client would block.
            String bulky = "{\"REGVER\":\"2\",\"PAD\":\"" + "x".repeat(7000) + "\"}";

            Instant start = Instant.now();
            for (int i = 0; i < 3000; i++) {
                bench.records.accepted(new CtRegistration(0, Instant.now(), "coap", "127.0.0.1:1", "869999000000001",
                        "460111234567890", "89860321000000000001", "Quectel-BC260Y-CN", "BC260YCNAAR01A04", "2", bulky));
            }

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
            await().atMost(CONNECT).until(() -> bench.server.liveClients() == 0);
        }
    }

    private static JsonNode data(LiveListener live, String kind) throws IOException {
        String event = live.events().stream().filter(e -> e.startsWith(kind + " ")).findFirst().orElseThrow();
        return WebTestBench.JSON.readTree(event.substring(kind.length() + 1));
    }
}
