package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.module.ct.LabCtPlatform;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code selfreg module --platform HOST --ct-coap-port P --dm-port P}: the module process's
 * network leads to a lab platform on loopback, and nowhere else.
 */
class ModuleNetworkIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPlatformOffLoopbackIsRefusedWithAClearMessage() throws Exception {
        Process process = new ProcessBuilder(ModuleProcess.command("module", "--at-port", "0", "--platform", "10.0.0.1"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(64);
        assertThat(output).contains("--platform: network safety: 10.0.0.1 is not a loopback address");
    }

    @Test
    void theModuleReportsToTheChinaTelecomPortOfTheGivenPlatform() throws Exception {
        try (LabCtPlatform platform = new LabCtPlatform();
             ModuleProcess module = ModuleProcess.start("--clock", "virtual", "--platform", "localhost",
                     "--ct-coap-port", Integer.toString(platform.port()), "--dm-port", "9")) {
            JsonNode status = JSON.readTree(module.post("/module/clock/advance", "{\"seconds\":60}").body());

            assertThat(status.get("ct").toString()).isEqualTo("{\"attemptsThisBoot\":1,\"lastOutcome\":\"success\"}");
            assertThat(status.get("awakeSeconds").asDouble()).isEqualTo(12.0);
            assertThat(platform.received()).extracting(r -> r.report().meid()).containsExactly("869999000000001");
            assertThat(platform.received()).extracting(r -> r.report().model()).containsExactly("QTL-BC260Y CN");
        }
    }

    @Test
    void theReportCarriesTheModelGivenWithCtModel() throws Exception {
        try (LabCtPlatform platform = new LabCtPlatform();
             ModuleProcess module = ModuleProcess.start("--clock", "virtual", "--platform", "localhost",
                     "--ct-coap-port", Integer.toString(platform.port()), "--dm-port", "9", "--ct-model", "SRL-M1")) {
            module.post("/module/clock/advance", "{\"seconds\":60}");

            assertThat(platform.received()).extracting(r -> r.report().model()).containsExactly("SRL-M1");
        }
    }
}
