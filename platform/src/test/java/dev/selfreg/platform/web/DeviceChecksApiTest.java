package dev.selfreg.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfreg.checks.rules.CertificationRules;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/devices} and {@code GET /api/devices/{imei}/checks}. */
class DeviceChecksApiTest {

    private final WebTestBench bench = WebTestBench.declaring(CheckedDevices.METER);

    @AfterEach
    void stop() {
        bench.close();
    }

    @Test
    void aDevicesChecklistHasEveryRuleWithItsVerdictAndTheRecordsBehindIt() {
        CheckedDevices.failing(bench);

        JsonNode list = bench.getJson("/api/devices/" + CheckedDevices.FAILING + "/checks");

        assertThat(list.get("imei").asText()).isEqualTo(CheckedDevices.FAILING);
        assertThat(list.get("product").asText()).isEqualTo("Smart meter M1");
        assertThat(list.get("verdict").asText()).isEqualTo("fail");
        assertThat(list.get("checks")).hasSize(CertificationRules.all().size());
        JsonNode ct6 = check(list, "CT-6");
        assertThat(ct6.get("verdict").asText()).isEqualTo("fail");
        assertThat(ct6.get("source").asText()).isEqualTo("seed 2.1");
        assertThat(ct6.get("severity").asText()).isEqualTo("failure");
        JsonNode evidence = ct6.get("evidence").get(0);
        assertThat(evidence.get("ref").asText()).matches("ct-registration \\d+");
        assertThat(evidence.get("detail").asText()).startsWith("re-registered without a change");
        assertThat(check(list, "CT-4").get("verdict").asText()).isEqualTo("warn");
        assertThat(check(list, "DM-1").get("verdict").asText()).isEqualTo("fail");
        assertThat(check(list, "DM-1").get("evidence").get(0).get("detail").asText()).startsWith("endpoint mismatch");
        assertThat(list.get("records")).extracting(r -> r.get("ref").asText())
                .contains("boot 1", "boot 2", evidence.get("ref").asText());
    }

    @Test
    void aPassingDeviceHasNoFailureOrWarning() {
        CheckedDevices.passing(bench);

        JsonNode list = bench.getJson("/api/devices/" + CheckedDevices.PASSING + "/checks");

        assertThat(list.get("verdict").asText()).isEqualTo("pass");
        assertThat(list.get("counts").get("fail").asInt()).isZero();
        assertThat(list.get("counts").get("warn").asInt()).isZero();
        assertThat(check(list, "CT-6").get("verdict").asText()).isEqualTo("pass");
        assertThat(check(list, "DM-1").get("verdict").asText()).isEqualTo("not-observed");
    }

    @Test
    void theDeviceListGivesEachDevicesVerdictAndCounts() {
        CheckedDevices.passing(bench);
        CheckedDevices.failing(bench);

        JsonNode devices = bench.getJson("/api/devices");

        assertThat(devices).extracting(d -> d.get("imei").asText() + " " + d.get("verdict").asText())
                .containsExactlyInAnyOrder(CheckedDevices.PASSING + " pass", CheckedDevices.FAILING + " fail");
        assertThat(devices.get(0).get("counts").fieldNames()).toIterable()
                .containsExactly("pass", "fail", "warn", "not-observed");
    }

    @Test
    void anImeiThePlatformHasNoRecordOfIs404() {
        HttpResponse<String> response = bench.get("/api/devices/869999000000999/checks");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no record of IMEI 869999000000999");
    }

    @Test
    void somethingThatIsNoImeiIs400() {
        HttpResponse<String> response = bench.get("/api/devices/abc/checks");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("an IMEI is 1 to 17 digits");
    }

    @Test
    void theChecksNeedTheTokenWhereTheDataDoes() {
        try (WebTestBench guarded = WebTestBench.withToken()) {
            assertThat(guarded.get("/api/devices").statusCode()).isEqualTo(401);
            assertThat(guarded.get("/api/devices", "Authorization", "Bearer " + WebTestBench.TOKEN).statusCode())
                    .isEqualTo(200);
            assertThat(guarded.get("/devices/" + CheckedDevices.PASSING).body()).contains("Access token required");
        }
    }

    private static JsonNode check(JsonNode list, String id) {
        for (JsonNode check : list.get("checks")) {
            if (check.get("id").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " in " + list);
    }
}
