package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import dev.selfreg.protocol.zzhc.ZzhcVerdict;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
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
        try (ReportSink sink = new ReportSink();
             ModuleProcess module = ModuleProcess.start("--clock", "virtual", "--platform", "localhost",
                     "--ct-coap-port", Integer.toString(sink.port()), "--dm-port", "9")) {
            JsonNode status = JSON.readTree(module.post("/module/clock/advance", "{\"seconds\":60}").body());

            assertThat(status.get("ct").toString()).isEqualTo("{\"attemptsThisBoot\":1,\"lastOutcome\":\"success\"}");
            assertThat(status.get("awakeSeconds").asDouble()).isEqualTo(12.0);
            assertThat(sink.reports).extracting(ZzhcReport::meid).containsExactly("869999000000001");
            assertThat(sink.reports).extracting(ZzhcReport::model).containsExactly("QTL-BC260Y CN");
        }
    }

    @Test
    void theReportCarriesTheModelGivenWithCtModel() throws Exception {
        try (ReportSink sink = new ReportSink();
             ModuleProcess module = ModuleProcess.start("--clock", "virtual", "--platform", "localhost",
                     "--ct-coap-port", Integer.toString(sink.port()), "--dm-port", "9", "--ct-model", "SRL-M1")) {
            module.post("/module/clock/advance", "{\"seconds\":60}");

            assertThat(sink.reports).extracting(ZzhcReport::model).containsExactly("SRL-M1");
        }
    }

    /** A China Telecom {@code /nb} resource on a free loopback port that keeps the reports it accepts. */
    private static final class ReportSink implements AutoCloseable {
        final List<ZzhcReport> reports = new CopyOnWriteArrayList<>();
        private final CoapServer server;
        private final CoapEndpoint endpoint;

        ReportSink() {
            Configuration config = Configuration.createStandardWithoutFile();
            server = new CoapServer(config);
            endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                    .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
            server.addEndpoint(endpoint);
            server.add(new CoapResource("nb") {
                @Override
                public void handlePOST(CoapExchange exchange) {
                    ZzhcVerdict verdict = ZzhcReport.decode(exchange.getRequestPayload());
                    if (verdict instanceof ZzhcVerdict.Accepted accepted) {
                        reports.add(accepted.report());
                    }
                    exchange.respond(ResponseCode.CONTENT, verdict.reply().encode(), MediaTypeRegistry.APPLICATION_JSON);
                }
            });
            server.start();
        }

        int port() {
            return endpoint.getAddress().getPort();
        }

        @Override
        public void close() {
            server.destroy();
        }
    }
}
