package dev.selfreg.module.dm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.NetworkAttach;
import dev.selfreg.module.NetworkConditions.Availability;
import dev.selfreg.module.NetworkRegistration;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.module.network.Transmission;
import dev.selfreg.vocabulary.DmState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * CMDMP self-registration when the network misbehaves (seed 2.2.1, 2.2.3; self-registration.md
 * §3): the Register is sent at the boot's network entry, however late it comes, and never again
 * in the same boot; a network lost during the Register leaves it unanswered, so it ends in state
 * 8 at 128 s and the next attempt is at the next boot; a network back within the schedule lets a
 * later resend through. All on the virtual clock, against a stock Leshan server.
 */
class DmNetworkConditionsTest extends DmPeerTest {

    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);

    private void network(Availability availability) {
        NetworkAttach attach = bench.module.attach();
        attach.setConditions(attach.conditions().withAvailability(availability));
    }

    /** The first Register is lost on its way and the network goes a second after it was sent. */
    private void networkLostDuringTheFirstRegister() {
        bench.inject(NetworkFault.dropFirst(LabService.DM, 1));
        bench.advance(ATTACH.plus(SECOND));
        network(Availability.LOST);
    }

    @Test
    void aNetworkLostDuringTheRegisterEndsInState8At128sAsAnUnansweredOne() {
        withLeshan().provisioned();
        networkLostDuringTheFirstRegister();

        bench.advance(DAY);

        assertThat(bench.states()).containsExactly(DmState.CONNECTED, DmState.REGISTER_TIMEOUT);
        assertThat(bench.enteredAt(DmState.REGISTER_TIMEOUT).minus(ATTACH)).isEqualTo(Duration.ofSeconds(128));
        assertThat(bench.transmissions).extracting(Transmission::fate).containsExactly(Transmission.Fate.DROPPED,
                Transmission.Fate.NO_SERVICE, Transmission.Fate.NO_SERVICE, Transmission.Fate.NO_SERVICE,
                Transmission.Fate.NO_SERVICE, Transmission.Fate.NO_SERVICE);
        assertThat(leshan.registrationsSoFar()).isEmpty();
    }

    @Test
    void afterALostRegisterTheNetworkBackRegistersTheModuleButTheNextRegisterWaitsForTheNextBoot() {
        withLeshan().provisioned();
        networkLostDuringTheFirstRegister();
        bench.advance(DAY);

        network(Availability.AVAILABLE);
        bench.advance(DAY);
        assertThat(bench.module.attach().registration()).isEqualTo(NetworkRegistration.REGISTERED);
        assertThat(bench.transmissions).hasSize(6);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTER_TIMEOUT);

        bench.module.powerCycle();
        bench.advance(MINUTE);

        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTERED);
        assertThat(leshan.registrations(1)).hasSize(1);
    }

    @Test
    void aNetworkBackWithinTheScheduleLetsALaterResendThrough() {
        withLeshan().provisioned();
        networkLostDuringTheFirstRegister();
        bench.advance(SECOND);
        network(Availability.AVAILABLE); // registered again at ATTACH + 4 s, before the resend at ATTACH + 6 s

        bench.advance(MINUTE);

        assertThat(bench.states()).containsExactly(DmState.CONNECTED, DmState.REGISTERED);
        assertThat(bench.enteredAt(DmState.REGISTERED)).isEqualTo(ATTACH.plusSeconds(6));
        assertThat(bench.transmissions).extracting(Transmission::fate).containsExactly(Transmission.Fate.DROPPED,
                Transmission.Fate.NO_SERVICE, Transmission.Fate.SENT);
        assertThat(leshan.registrations(1)).hasSize(1);
    }

    @Test
    void anUpdateWhileTheNetworkIsLostTimesOut() {
        withLeshan().provisioned("AT+QDMPCFG=1,117.161.2.41,5683,300");
        bench.advance(MINUTE);
        network(Availability.LOST);

        bench.advance(Duration.ofSeconds(300 + 128));

        assertThat(bench.states()).containsExactly(DmState.CONNECTED, DmState.REGISTERED, DmState.UPDATE_TIMEOUT);
        assertThat(bench.transmissions.subList(1, bench.transmissions.size())).extracting(Transmission::fate)
                .containsOnly(Transmission.Fate.NO_SERVICE);
    }

    @Test
    void aRefusedUnitRegistersOnceTheNetworkTakesIt() {
        withLeshan().provisioned();
        network(Availability.DENIED);
        bench.advance(DAY);
        assertThat(bench.transmissions).isEmpty();
        assertThat(bench.module.dm().state()).isEqualTo(DmState.INITIAL);

        network(Availability.AVAILABLE);
        bench.advance(MINUTE);

        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTERED);
        assertThat(leshan.registrations(1)).hasSize(1);
    }

    @Test
    void aDetachAndAnAttachLaterInTheBootRegisterNoMore() {
        withLeshan().provisioned();
        bench.advance(MINUTE);

        bench.host.given("AT+CGATT=0", "AT+CGATT=1");
        bench.advance(MINUTE);

        assertThat(bench.module.attach().registration()).isEqualTo(NetworkRegistration.REGISTERED);
        assertThat(bench.transmissions).hasSize(1);
        assertThat(bench.states()).containsExactly(DmState.CONNECTED, DmState.REGISTERED);
    }
}
