package dev.selfreg.module.ct;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.CtStatus;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.NetworkAttach;
import dev.selfreg.module.NetworkConditions.Availability;
import dev.selfreg.module.NetworkRegistration;
import dev.selfreg.module.Power;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.module.network.Transmission;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * China Telecom self-registration when the network misbehaves (seed 2.1.1, 2.1.3, 2.1.4;
 * self-registration.md §2): the trigger is the boot's network entry, so a refused or detached
 * unit reports once it registers; a network lost during the report makes the attempt fail like
 * a platform that does not answer, and the seed's retry rule follows (an hour later with
 * {@code AT+QSCLK=0}, the next boot otherwise). All on the virtual clock.
 */
class CtNetworkConditionsTest {

    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final LabCtPlatform platform = new LabCtPlatform();
    private final CtBench bench = new CtBench(platform, ModuleProfile.standard());

    @AfterEach
    void close() {
        bench.close();
        platform.close();
    }

    private void network(Availability availability) {
        NetworkAttach attach = bench.module.attach();
        attach.setConditions(attach.conditions().withAvailability(availability));
    }

    private CtStatus ct() {
        return bench.module.ct().status();
    }

    /** The first report is lost on its way and the network goes a second after it was sent. */
    private void networkLostDuringTheFirstReport() {
        bench.inject(NetworkFault.dropFirst(LabService.CT, 1));
        bench.advance(ATTACH.plus(SECOND));
        network(Availability.LOST);
    }

    @Test
    void aNetworkLostDuringTheReportFailsTheAttemptOnceTheRetransmissionsAreSpent() {
        bench.at("AT+QSCLK=0");
        networkLostDuringTheFirstReport();

        bench.advance(Duration.ofMinutes(5));

        assertThat(ct()).isEqualTo(new CtStatus(1, "failure"));
        assertThat(platform.received()).isEmpty();
        assertThat(bench.transmissions).extracting(Transmission::fate).containsExactly(Transmission.Fate.DROPPED,
                Transmission.Fate.NO_SERVICE, Transmission.Fate.NO_SERVICE, Transmission.Fate.NO_SERVICE,
                Transmission.Fate.NO_SERVICE);
    }

    @Test
    void withSleepDisabledTheRetryAnHourAfterALostNetworkRegistersOnceItIsBack() {
        bench.at("AT+QSCLK=0");
        networkLostDuringTheFirstReport();
        bench.advance(Duration.ofMinutes(5));

        network(Availability.AVAILABLE);
        bench.advance(HOUR);

        assertThat(ct()).isEqualTo(new CtStatus(2, "success"));
        assertThat(platform.received()).hasSize(1);
    }

    @Test
    void withSleepAllowedALostNetworkEndsTheBootsRegistrationAndTheNextBootReports() {
        networkLostDuringTheFirstReport();
        bench.advance(Duration.ofMinutes(5));
        network(Availability.AVAILABLE);
        bench.advance(HOUR.multipliedBy(3));

        assertThat(ct()).isEqualTo(new CtStatus(1, "failure"));
        assertThat(platform.received()).isEmpty();
        assertThat(bench.module.attach().registration()).as("the network is back").isEqualTo(NetworkRegistration.REGISTERED);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);

        bench.module.powerCycle();
        bench.advance(HOUR);

        assertThat(ct()).isEqualTo(new CtStatus(1, "success"));
        assertThat(platform.received()).hasSize(1);
    }

    @Test
    void aNetworkBackWithinTheRetransmissionsLetsALaterOneThrough() {
        networkLostDuringTheFirstReport();
        bench.advance(SECOND.dividedBy(2));
        network(Availability.AVAILABLE); // registered again ATTACH later, before the second resend

        bench.advance(Duration.ofMinutes(5));

        assertThat(ct()).isEqualTo(new CtStatus(1, "success"));
        assertThat(platform.received()).hasSize(1);
        assertThat(bench.transmissions).extracting(Transmission::fate).containsExactly(Transmission.Fate.DROPPED,
                Transmission.Fate.NO_SERVICE, Transmission.Fate.SENT);
    }

    @Test
    void aRetryWithoutANetworkFailsAtOnceOnItsDnsLookup() {
        bench.at("AT+QSCLK=0");
        bench.inject(NetworkFault.dropAll(LabService.CT));
        bench.advance(ATTACH.plus(Duration.ofMinutes(2)));
        assertThat(ct()).isEqualTo(new CtStatus(1, "failure"));
        bench.clearFaults();
        network(Availability.LOST);
        int sent = bench.transmissions.size();

        bench.advance(HOUR);
        assertThat(ct()).isEqualTo(new CtStatus(2, "failure"));
        assertThat(bench.transmissions).as("nothing to send without an address").hasSize(sent);

        network(Availability.AVAILABLE);
        bench.advance(HOUR);
        assertThat(ct()).isEqualTo(new CtStatus(3, "success"));
    }

    @Test
    void aRefusedUnitReportsOnceTheNetworkRegistersItEvenAfterSleeping() {
        network(Availability.DENIED);
        bench.advance(HOUR);
        assertThat(ct()).isEqualTo(new CtStatus(0, "none"));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);

        network(Availability.AVAILABLE);
        bench.advance(Duration.ofMinutes(1));

        assertThat(ct()).isEqualTo(new CtStatus(1, "success"));
        assertThat(platform.received()).hasSize(1);
    }

    @Test
    void aUnitDetachedBeforeItsFirstRegistrationReportsWhenTheHostAttachesIt() {
        assertThat(bench.at("AT+CGATT=0")).endsWith("OK\r\n");
        bench.advance(HOUR);
        assertThat(platform.received()).isEmpty();

        assertThat(bench.at("AT+CGATT=1")).endsWith("OK\r\n");
        bench.advance(Duration.ofMinutes(1));

        assertThat(ct()).isEqualTo(new CtStatus(1, "success"));
        assertThat(platform.received()).hasSize(1);
    }
}
