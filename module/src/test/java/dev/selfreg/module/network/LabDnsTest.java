package dev.selfreg.module.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.time.VirtualClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The simulated DNS alone, on a virtual clock, with no socket anywhere: routes, the time a
 * lookup takes, and the DNS faults.
 */
class LabDnsTest {

    private static final LabNetwork LAB = LabNetwork.lab(InetAddress.getLoopbackAddress(), 5683, 5685)
            .withDnsDelay(Duration.ofSeconds(2));

    private final VirtualClock clock = new VirtualClock();
    private final NetworkFaults faults = new NetworkFaults(1);
    private final LabDns dns = new LabDns(LAB, clock, faults);
    private final List<String> answers = new CopyOnWriteArrayList<>();

    private void resolve(String host) {
        dns.resolve(host, resolution -> answers.add(resolution.destination()
                .map(d -> d.host() + "->" + d.service().map(LabService::label).orElse("nowhere"))
                .orElseGet(() -> "failed") + "@" + clock.elapsed().toSeconds()));
    }

    @Test
    void routesIgnoreCaseAndSurroundingBlanks() {
        assertThat(dns.route(" ZZHC.Vnet.CN ")).contains(LabService.CT);
        assertThat(dns.route("example.com")).isEmpty();
    }

    @Test
    void aConfiguredRouteComesBeforeTheLabsOwn() {
        dns.routeConfigured(LabService.CT, "M.fxlttsbl.com");

        assertThat(dns.route("m.fxlttsbl.com")).contains(LabService.CT);
    }

    @Test
    void aNameIsAnsweredAfterTheLabsDelayPlusTheDnsDelayFaultOfItsService() {
        faults.add(NetworkFault.dnsDelay(LabService.DM, Duration.ofSeconds(5)));
        resolve("m.fxlttsbl.com");
        resolve("zzhc.vnet.cn");

        clock.advance(Duration.ofMinutes(1));

        assertThat(answers).containsExactly("zzhc.vnet.cn->ct@2", "m.fxlttsbl.com->dm@7");
    }

    @Test
    void anIpLiteralIsAnsweredAtOnceWhateverTheDnsFaults() {
        faults.add(NetworkFault.dnsFail(LabService.CT));
        faults.add(NetworkFault.dnsDelay(LabService.CT, Duration.ofSeconds(5)));
        resolve("42.99.2.15");

        clock.runDue();

        assertThat(answers).containsExactly("42.99.2.15->ct@0");
    }

    @Test
    void aResetLookupIsNeverAnswered() {
        resolve("zzhc.vnet.cn");
        dns.reset();
        resolve("m.fxlttsbl.com");

        clock.advance(Duration.ofMinutes(1));

        assertThat(answers).containsExactly("m.fxlttsbl.com->dm@2");
    }
}
