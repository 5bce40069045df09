package dev.selfreg.module.dm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.module.network.CoapOutcome;
import dev.selfreg.module.network.Destination;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.vocabulary.CarrierServers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

/**
 * What an injected {@code error} fault answers a unit's China Mobile DM requests (interfaces.md,
 * {@code POST /module/faults}): the reply the DM agent supplies to the unit's network, 5.00, in
 * the platform's place.
 */
class DmErrorFaultTest extends DmPeerTest {

    /** A China Unicom card: the unit registers on the network and runs no self-registration of its own. */
    private static final Sim UNICOM = new Sim("460011234567890", "89860112345678901234");

    @Test
    void anErrorFaultAnswersADmRequestWith500InPlaceOfThePlatform() {
        scripted = new ScriptedDmPlatform();
        bench = new DmBench(scripted.port(), ModuleProfile.standard().withSim(Optional.of(UNICOM)));
        bench.advance(Bc260yFacts.ATTACH_TIME); // registered: an unregistered module's datagrams go nowhere
        bench.inject(NetworkFault.error(LabService.DM));
        List<CoapOutcome> outcomes = new CopyOnWriteArrayList<>();

        bench.module.network().send(new Destination(CarrierServers.DM_SERVER_DEFAULT, Optional.of(LabService.DM)),
                new Request(Code.POST), Bc260yFacts.DM_RETRANSMISSION, outcomes::add);
        bench.advance(Duration.ofHours(1));

        assertThat(outcomes).hasSize(1);
        assertThat(((CoapOutcome.Answered) outcomes.get(0)).response().getCode()).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
        assertThat(scripted.received()).as("the platform never sees it").isEmpty();
    }
}
