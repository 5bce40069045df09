package dev.selfreg.module.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.selfreg.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.Test;

/**
 * The fault layer alone, on a virtual clock, between a recorded layer above and a layer below
 * that only counts what it is given: which requests go down, which are lost, which it answers
 * itself, and when messages go up.
 */
class FaultInjectionTest {

    /** A message handed up, from whom, and when. */
    private record Up(LabService from, Message message, Duration at) {
    }

    private final VirtualClock clock = new VirtualClock();
    private final NetworkFaults faults = new NetworkFaults(1);
    private final List<Up> up = new CopyOnWriteArrayList<>();
    private final FaultInjection injection = new FaultInjection(faults, clock,
            (service, message) -> up.add(new Up(service, message, clock.elapsed())));
    private final AtomicInteger below = new AtomicInteger();

    private Transmission.Fate transmit(LabService service) {
        Request request = new Request(Code.POST, Type.CON);
        request.setMID(42);
        request.setToken(new byte[] {4, 3, 2, 1});
        return injection.transmit(service, request, () -> {
            below.incrementAndGet();
            return Transmission.Fate.SENT;
        });
    }

    private Response answeredUp() {
        clock.runDue();
        assertThat(up).hasSize(1);
        Response answer = (Response) up.get(0).message();
        assertThat(answer.getType()).isEqualTo(Type.ACK);
        assertThat(answer.getMID()).isEqualTo(42);
        assertThat(answer.getTokenBytes()).isEqualTo(new byte[] {4, 3, 2, 1});
        return answer;
    }

    @Test
    void withoutAFaultTheLayerBelowCarriesTheRequest() {
        assertThat(transmit(LabService.CT)).isEqualTo(Transmission.Fate.SENT);
        assertThat(below).hasValue(1);
    }

    @Test
    void aDropLosesTheRequestBeforeTheLayerBelow() {
        faults.add(NetworkFault.dropFirst(LabService.CT, 1));

        assertThat(transmit(LabService.CT)).isEqualTo(Transmission.Fate.DROPPED);
        assertThat(transmit(LabService.CT)).isEqualTo(Transmission.Fate.SENT);
        assertThat(below).hasValue(1);
    }

    @Test
    void aDuplicateHandsTheSameRequestToTheLayerBelowTwice() {
        faults.add(NetworkFault.duplicateWithProbability(LabService.CT, 1));

        assertThat(transmit(LabService.CT)).isEqualTo(Transmission.Fate.SENT);
        assertThat(transmit(LabService.DM)).isEqualTo(Transmission.Fate.SENT);
        assertThat(below).hasValue(3);
    }

    @Test
    void aDuplicateTakesAProbabilityButNoCount() {
        assertThatThrownBy(() -> new NetworkFault(LabService.CT, NetworkFault.Mode.DUPLICATE, OptionalInt.of(1),
                OptionalDouble.empty(), Optional.empty())).hasMessage("count applies to drop only, not duplicate");
        assertThatThrownBy(() -> NetworkFault.duplicateWithProbability(LabService.CT, 0))
                .hasMessageContaining("probability must be in (0, 1]");
    }

    @Test
    void anErrorIsAnsweredWithTheServicesSuppliedReplyAsAnAckOfTheRequest() {
        injection.answerErrorsWith(LabService.CT, () -> {
            Response reply = new Response(ResponseCode.BAD_REQUEST);
            reply.setPayload("supplied");
            return reply;
        });
        faults.add(NetworkFault.error(LabService.CT));

        assertThat(transmit(LabService.CT)).isEqualTo(Transmission.Fate.ANSWERED_BY_FAULT);

        Response answer = answeredUp();
        assertThat(answer.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(answer.getPayloadString()).isEqualTo("supplied");
        assertThat(up.get(0).from()).isEqualTo(LabService.CT);
        assertThat(below).hasValue(0);
    }

    @Test
    void anErrorOfAServiceWithoutASuppliedReplyIsAnswered500() {
        injection.answerErrorsWith(LabService.CT, () -> new Response(ResponseCode.BAD_REQUEST));
        faults.add(NetworkFault.error(LabService.DM));

        transmit(LabService.DM);

        assertThat(answeredUp().getCode()).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
    }

    @Test
    void aMalformedFaultAnswers205WithAPayloadThatIsNotText() {
        faults.add(NetworkFault.malformed(LabService.DM));

        assertThat(transmit(LabService.DM)).isEqualTo(Transmission.Fate.ANSWERED_BY_FAULT);

        Response answer = answeredUp();
        assertThat(answer.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(answer.getPayload()).startsWith((byte) 0xFF, (byte) 0x00);
        assertThat(below).hasValue(0);
    }

    @Test
    void aDelayFaultHandsEveryMessageOfItsServiceUpThatLate() {
        faults.add(NetworkFault.delay(LabService.CT, Duration.ofSeconds(30)));
        EmptyMessage ack = new EmptyMessage(Type.ACK);

        injection.deliver(LabService.CT, ack);
        injection.deliver(LabService.DM, ack);
        clock.advance(Duration.ofMinutes(1));

        assertThat(up).extracting(Up::from, Up::at).containsExactly(
                tuple(LabService.DM, Duration.ZERO),
                tuple(LabService.CT, Duration.ofSeconds(30)));
    }

    @Test
    void theFaultsOfOneServiceLeaveTheOthersRequestsAlone() {
        faults.add(NetworkFault.dropAll(LabService.DM));
        faults.add(NetworkFault.error(LabService.DM));

        assertThat(transmit(LabService.CT)).isEqualTo(Transmission.Fate.SENT);
        clock.runDue();
        assertThat(up).isEmpty();
    }
}
