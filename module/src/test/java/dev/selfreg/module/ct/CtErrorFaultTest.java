package dev.selfreg.module.ct;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.module.network.CoapOutcome;
import dev.selfreg.module.network.Destination;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.module.network.Transmission;
import dev.selfreg.protocol.zzhc.ZzhcOutcome;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.vocabulary.CarrierServers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.Test;

/**
 * What an injected {@code error} fault answers a unit's China Telecom requests (interfaces.md,
 * {@code POST /module/faults}): the reply the CT agent supplies to the unit's network, a ZZHC
 * reply whose resultCode is not "0", in the platform's place.
 */
class CtErrorFaultTest {

    /** A China Unicom card: the unit registers on the network and runs no self-registration of its own. */
    private static final Sim UNICOM = new Sim("460011234567890", "89860112345678901234");

    @Test
    void anErrorFaultAnswersACtRequestWithANonZeroResultCodeInPlaceOfThePlatform() {
        try (LabCtPlatform platform = new LabCtPlatform();
             CtBench bench = new CtBench(platform, ModuleProfile.standard().withSim(Optional.of(UNICOM)))) {
            bench.advance(Bc260yFacts.ATTACH_TIME); // registered: an unregistered module's datagrams go nowhere
            bench.inject(NetworkFault.error(LabService.CT));
            List<CoapOutcome> outcomes = new CopyOnWriteArrayList<>();

            bench.module.network().send(new Destination(CarrierServers.CT_DOMAIN, Optional.of(LabService.CT)),
                    new Request(Code.POST), Bc260yFacts.CT_RETRANSMISSION, outcomes::add);
            bench.advance(Duration.ofHours(1));

            assertThat(outcomes).hasSize(1);
            Response answer = ((CoapOutcome.Answered) outcomes.get(0)).response();
            assertThat(answer.getCode()).isEqualTo(ResponseCode.CONTENT);
            assertThat(answer.getOptions().getContentFormat()).isEqualTo(Bc260yFacts.CT_CONTENT_FORMAT);
            assertThat(ZzhcReply.parse(answer.getPayload()))
                    .isEqualTo(new ZzhcOutcome.Failure(ZzhcOutcome.Cause.ERROR_CODE, "resultCode \"9\": Injected error"));
            assertThat(bench.transmissions).extracting(Transmission::fate).containsExactly(Transmission.Fate.ANSWERED_BY_FAULT);
            assertThat(platform.received()).as("the platform never sees it").isEmpty();
        }
    }
}
