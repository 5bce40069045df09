package dev.selfreg.platform.web;

import static dev.selfreg.platform.web.WebTestBench.ctRegistration;
import static dev.selfreg.platform.web.WebTestBench.ctRejection;
import static dev.selfreg.platform.web.WebTestBench.dmDevice;
import static dev.selfreg.platform.web.WebTestBench.dmEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformApiTest {

    private final WebTestBench bench = WebTestBench.open();

    @AfterEach
    void stop() {
        bench.close();
    }

    @Test
    void ctRegistrationsAreTheAcceptedReportsNewestFirstWithTheInterfaceFieldNames() {
        bench.records.accepted(ctRegistration("869999000000001", "460111234567890", "89860321000000000001"));
        bench.records.accepted(ctRegistration("869999000000002", "460111234567891", "89860321000000000002"));

        JsonNode list = bench.getJson("/api/ct/registrations");

        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(2);
        JsonNode newest = list.get(0);
        assertThat(fieldNames(newest)).contains("imei", "imsi", "iccid", "model", "swver", "regver", "time", "transport");
        assertThat(newest.get("imei").asText()).isEqualTo("869999000000002");
        assertThat(newest.get("imsi").asText()).isEqualTo("460111234567891");
        assertThat(newest.get("iccid").asText()).isEqualTo("89860321000000000002");
        assertThat(newest.get("model").asText()).isEqualTo("Quectel-BC260Y-CN");
        assertThat(newest.get("swver").asText()).isEqualTo("BC260YCNAAR01A04");
        assertThat(newest.get("regver").asText()).isEqualTo("2");
        assertThat(newest.get("time").asText()).isEqualTo("2025-03-01T08:15:30Z");
        assertThat(newest.get("transport").asText()).isEqualTo("coap");
        assertThat(newest.get("report").get("MEID").asText()).isEqualTo("869999000000002");
        assertThat(list.get(1).get("imei").asText()).isEqualTo("869999000000001");
    }

    @Test
    void ctRejectionsCarryTheirResultCodeAndReason() {
        bench.records.rejected(ctRejection("3", "Not a China Telecom IMSI", "IMSI 460001234567890 has prefix 46000"));

        JsonNode rejection = bench.getJson("/api/ct/rejections").get(0);

        assertThat(fieldNames(rejection)).contains("resultCode", "reason", "detail", "time", "transport", "peer", "body");
        assertThat(rejection.get("resultCode").asText()).isEqualTo("3");
        assertThat(rejection.get("reason").asText()).isEqualTo("Not a China Telecom IMSI");
        assertThat(rejection.get("detail").asText()).isEqualTo("IMSI 460001234567890 has prefix 46000");
    }

    @Test
    void dmDevicesCarryStateLifetimeLastUpdateAndTheDecryptedTerminalInformation() {
        bench.records.device(dmDevice("869999000000001", "460041234567890", WebTestBench.terminalInfo()),
                dmEvent("869999000000001", "register", "ok", ""));

        JsonNode device = bench.getJson("/api/dm/devices").get(0);

        assertThat(fieldNames(device)).contains("endpoint", "imei", "imsi", "appkey", "tmlType", "state", "lifetime",
                "lastUpdate", "terminalInfo");
        assertThat(device.get("endpoint").asText()).isEqualTo(WebTestBench.endpoint("869999000000001"));
        assertThat(device.get("appkey").asText()).isEqualTo("M100000000");
        assertThat(device.get("appkeyKnown").asBoolean()).isTrue();
        assertThat(device.get("tmlType").asText()).isEqualTo("0");
        assertThat(device.get("state").asText()).isEqualTo("registered");
        assertThat(device.get("lifetime").asLong()).isEqualTo(86400);
        assertThat(device.get("lastUpdate").asText()).isEqualTo("2025-03-01T08:20:05Z");
        assertThat(device.get("terminalInfo").get("6603").asText()).isEqualTo("00:50:56:C0:00:01");
        assertThat(device.get("terminalInfo").get("6612").asText()).isEqualTo("NULL");
    }

    @Test
    void dmEventsAreTheRecordedEventsWithTheirReasons() {
        bench.records.event(dmEvent("869999000000001", "register", "ok", ""));
        bench.records.event(dmEvent("869999000000001", "rejected", "failed", "endpoint IMEI does not match"));

        JsonNode events = bench.getJson("/api/dm/events");

        assertThat(events).hasSize(2);
        assertThat(fieldNames(events.get(0))).contains("id", "time", "endpoint", "imei", "kind", "outcome", "reason");
        assertThat(events.get(0).get("kind").asText()).isEqualTo("rejected");
        assertThat(events.get(0).get("reason").asText()).isEqualTo("endpoint IMEI does not match");
        assertThat(events.get(1).get("kind").asText()).isEqualTo("register");
    }

    @Test
    void searchMatchesAnyPartOfImeiIccidImsiOrEndpoint() {
        bench.records.accepted(ctRegistration("869999000000001", "460111234567890", "89860321000000000001"));
        bench.records.accepted(ctRegistration("869999000000002", "460111234567891", "89860321000000000002"));
        bench.records.device(dmDevice("869999000000001", "460041234567890", Map.of()),
                dmEvent("869999000000001", "register", "ok", ""));
        bench.records.device(dmDevice("869999000000002", "460041234567891", Map.of()),
                dmEvent("869999000000002", "register", "ok", ""));
        bench.records.rejected(ctRejection("2", "Invalid MEID", "MEID 12345 is not 15 digits"));
        bench.records.rejected(ctRejection("2", "Invalid SIM1ICCID", "SIM1ICCID 8986 is not 19-20 characters"));

        assertThat(imeis("/api/ct/registrations?q=000000002")).containsExactly("869999000000002");
        assertThat(imeis("/api/ct/registrations?q=89860321000000000001")).containsExactly("869999000000001");
        assertThat(imeis("/api/ct/registrations?q=460111234567891")).containsExactly("869999000000002");
        assertThat(imeis("/api/dm/devices?q=460041234567890")).containsExactly("869999000000001");
        assertThat(imeis("/api/dm/devices?q=" + "M100000000%40%23%40869999000000002")).containsExactly("869999000000002");
        assertThat(imeis("/api/dm/events?q=869999000000002")).containsExactly("869999000000002");
        assertThat(bench.getJson("/api/ct/rejections?q=12345")).extracting(r -> r.get("reason").asText())
                .containsExactly("Invalid MEID");
        assertThat(bench.getJson("/api/ct/registrations?q=nothing-like-this")).isEmpty();
    }

    @Test
    void limitReturnsTheNewestOnesAndTheDefaultIsBounded() {
        for (int i = 0; i < PlatformApi.DEFAULT_LIMIT + 5; i++) {
            bench.records.accepted(ctRegistration(String.format("8699990000%05d", i), "460111234567890",
                    "89860321000000000001"));
            bench.records.event(dmEvent(String.format("8699990000%05d", i), "update", "ok", ""));
        }

        assertThat(imeis("/api/ct/registrations?limit=2")).containsExactly("869999000000104", "869999000000103");
        assertThat(imeis("/api/dm/events?limit=1")).containsExactly("869999000000104");
        assertThat(bench.getJson("/api/ct/registrations")).hasSize(PlatformApi.DEFAULT_LIMIT);
        assertThat(bench.getJson("/api/ct/registrations?limit=" + PlatformApi.MAX_LIMIT)).hasSize(PlatformApi.DEFAULT_LIMIT + 5);
        assertThat(imeis("/api/dm/events?q=8699990000001&limit=3"))
                .containsExactly("869999000000104", "869999000000103", "869999000000102");
    }

    @Test
    void beforePagesThroughEveryRecordOnceNewestFirst() {
        int records = 105;
        for (int i = 0; i < records; i++) {
            bench.records.accepted(ctRegistration(String.format("8699990000%05d", i), "460111234567890",
                    "89860321000000000001"));
            bench.records.rejected(ctRejection("3", "Not a China Telecom IMSI", "record " + i));
            bench.records.event(dmEvent(String.format("8699990000%05d", i), "update", "ok", ""));
        }

        for (String path : List.of("/api/ct/registrations", "/api/ct/rejections", "/api/dm/events")) {
            List<Long> ids = new ArrayList<>();
            String page = path + "?limit=40";
            for (JsonNode rows = bench.getJson(page); !rows.isEmpty(); rows = bench.getJson(page)) {
                rows.forEach(row -> ids.add(row.get("id").asLong()));
                page = path + "?limit=40&before=" + ids.get(ids.size() - 1);
            }
            assertThat(ids).as(path).hasSize(records).doesNotHaveDuplicates()
                    .isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "2.5", ""})
    void aBadBeforeIs400WithAJsonError(String before) {
        for (String path : List.of("/api/ct/registrations", "/api/ct/rejections", "/api/dm/events")) {
            HttpResponse<String> response = bench.get(path + "?before=" + before);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(bench.getJson(path + "?before=" + before).get("error").asText()).contains("before");
        }
    }

    @Test
    void listenersNameEachListenerAndItsAddress() {
        assertThat(bench.getJson("/api/listeners").get("web").asText()).isEqualTo("127.0.0.1:0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1001", "2.5", "", "99999999999"})
    void aBadLimitIs400WithAJsonError(String limit) {
        for (String path : List.of("/api/ct/registrations", "/api/ct/rejections", "/api/dm/devices", "/api/dm/events")) {
            HttpResponse<String> response = bench.get(path + "?limit=" + limit);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(bench.getJson(path + "?limit=" + limit).get("error").asText()).contains("limit");
        }
    }

    @Test
    void theDashboardSaysLoadingUntilItsFirstDataArrives() {
        String page = bench.get("/").body();

        for (String list : List.of("ct-registrations", "dm-devices", "ct-rejections", "timeline")) {
            assertThat(page).as(list).containsPattern("id=\"" + list + "-empty\" data-empty=\"[^\"]+\">Loading…</p>");
        }
    }

    @Test
    void aSearchLongerThanAnyIdentifierIs400() {
        HttpResponse<String> response = bench.get("/api/ct/registrations?q=" + "1".repeat(PlatformApi.MAX_QUERY_LENGTH + 1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\"");
    }

    @Test
    void anUnknownPathIs404WithAJsonError() {
        HttpResponse<String> response = bench.get("/api/nothing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(bench.getJson("/api/nothing").get("error").asText()).contains("/api/nothing");
    }

    @Test
    void aFailingStoreIs503WithoutItsInternals() {
        bench.store.close();

        HttpResponse<String> response = bench.get("/api/ct/registrations");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("the platform store failed").doesNotContain("jdbc").doesNotContain("SQL");
    }

    private List<String> imeis(String path) {
        List<String> imeis = new ArrayList<>();
        bench.getJson(path).forEach(item -> imeis.add(item.get("imei").asText()));
        return imeis;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
