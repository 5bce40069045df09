package dev.selfreg.module.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.vocabulary.CarrierServers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lab network's map and its simulated DNS (interfaces.md, "The emulated module's network"):
 * the carriers' names and addresses lead to the lab, anything else nowhere; lookups take module
 * time and can be failed or slowed per service.
 */
class SimulatedDnsTest {

    private static final LabNetwork LAB = LabNetwork.lab(InetAddress.getLoopbackAddress(), 5683, 5685);

    private final NetworkBench bench = new NetworkBench(LAB.withDnsDelay(Duration.ofSeconds(3)));
    private final List<String> answers = new ArrayList<>();

    @AfterEach
    void close() {
        bench.close();
    }

    private void resolve(String host) {
        bench.network.resolve(host, resolution -> answers.add(describe(resolution) + "@" + bench.clock.elapsed().toSeconds()));
    }

    private static String describe(Resolution resolution) {
        return resolution.destination()
                .map(d -> d.host() + "->" + d.service().map(LabService::label).orElse("nowhere"))
                .orElseGet(() -> "failed: " + resolution.failure().get());
    }

    @Test
    void theCarriersNamesAndAddressesLeadToTheLab() {
        assertThat(LAB.route(CarrierServers.CT_DOMAIN)).contains(LabService.CT);
        assertThat(LAB.route("ZZHC.vnet.cn")).as("names are case-insensitive").contains(LabService.CT);
        assertThat(LAB.route("42.99.2.15")).contains(LabService.CT);
        assertThat(LAB.route("117.161.2.41")).contains(LabService.DM);
        assertThat(LAB.route("117.161.2.7")).contains(LabService.DM);
        assertThat(LAB.route("m.fxlttsbl.com")).contains(LabService.DM);
        assertThat(LAB.route("8.8.8.8")).isEmpty();
        assertThat(LAB.endpoint(LabService.CT)).contains(new InetSocketAddress("127.0.0.1", 5683));
        assertThat(LAB.endpoint(LabService.DM)).contains(new InetSocketAddress("127.0.0.1", 5685));
        assertThat(LabNetwork.isolated().route(CarrierServers.CT_DOMAIN)).isEmpty();
        assertThat(LabNetwork.isolated().endpoint(LabService.CT)).isEmpty();
    }

    @Test
    void bothSpellingsOfTheCmdmpDomainLeadToTheLab() {
        assertThat(LAB.route("m.fxlttsbl.com")).as("as the seed prints it").contains(LabService.DM);
        assertThat(LAB.route("m.fxltsbl.com")).as("as the vendor sources spell it").contains(LabService.DM);
    }

    @Test
    void theVendorSpellingOfTheCmdmpDomainResolvesToTheDmService() {
        resolve("m.fxltsbl.com");
        bench.advance(Duration.ofSeconds(3));

        assertThat(answers).containsExactly("m.fxltsbl.com->dm@3");
    }

    @Test
    void aNameResolvesAfterTheDnsDelayOfModuleTime() {
        resolve("zzhc.vnet.cn");
        resolve("m.fxlttsbl.com");

        bench.advance(Duration.ofMillis(2999));
        assertThat(answers).isEmpty();
        bench.advance(Duration.ofMillis(1));

        assertThat(answers).containsExactly("zzhc.vnet.cn->ct@3", "m.fxlttsbl.com->dm@3");
    }

    @Test
    void aNameOutsideTheLabDoesNotResolve() {
        resolve("example.com");
        bench.advance(Duration.ofSeconds(3));

        assertThat(answers).containsExactly("failed: example.com: no such name in the lab network@3");
    }

    @Test
    void anIpAddressNeedsNoDnsAndWithoutARouteLeadsNowhere() {
        resolve("117.161.2.41");
        resolve("8.8.8.8");
        bench.clock.runDue();

        assertThat(answers).containsExactly("117.161.2.41->dm@0", "8.8.8.8->nowhere@0");
    }

    @Test
    void aDestinationWithoutARouteLosesEveryTransmissionAndNoPacketLeaves() {
        bench.network.send(new Destination("8.8.8.8", Optional.empty()), new Request(Code.POST),
                Bc260yFacts.DM_RETRANSMISSION, outcome -> answers.add(outcome.toString()));
        bench.advance(Duration.ofHours(1));

        assertThat(bench.fates()).hasSize(6).containsOnly(Transmission.Fate.NO_ROUTE);
        assertThat(answers).containsExactly(new CoapOutcome.TimedOut(6).toString());
    }

    @Test
    void aDnsFailFaultFailsTheNamesOfItsServiceOnly() {
        bench.network.faults().add(NetworkFault.dnsFail(LabService.CT));
        resolve("zzhc.vnet.cn");
        resolve("m.fxlttsbl.com");
        bench.advance(Duration.ofSeconds(3));

        assertThat(answers).containsExactly("failed: zzhc.vnet.cn: DNS failure (injected fault)@3", "m.fxlttsbl.com->dm@3");
    }

    @Test
    void aDnsDelayFaultSlowsTheLookupsOfItsService() {
        bench.network.faults().add(NetworkFault.dnsDelay(LabService.CT, Duration.ofSeconds(40)));
        resolve("zzhc.vnet.cn");
        resolve("m.fxlttsbl.com");
        bench.advance(Duration.ofMinutes(5));

        assertThat(answers).containsExactly("m.fxlttsbl.com->dm@3", "zzhc.vnet.cn->ct@43");
    }

    @Test
    void theConfiguredServerOfAServiceIsRoutedToItAndReplacedByTheNextOne() {
        bench.network.routeConfigured(LabService.DM, "dm.example.org");
        resolve("dm.example.org");
        bench.advance(Duration.ofSeconds(3));
        bench.network.routeConfigured(LabService.DM, "10.1.2.3");
        resolve("dm.example.org");
        resolve("10.1.2.3");
        bench.advance(Duration.ofSeconds(3));

        assertThat(answers).containsExactly("dm.example.org->dm@3", "10.1.2.3->dm@3",
                "failed: dm.example.org: no such name in the lab network@6");
    }

    @Test
    void aResetForgetsPendingLookups() {
        resolve("zzhc.vnet.cn");
        bench.network.reset();
        bench.advance(Duration.ofSeconds(10));

        assertThat(answers).isEmpty();
    }
}
