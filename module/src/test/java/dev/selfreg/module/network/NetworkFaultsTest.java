package dev.selfreg.module.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of injected fault, alone and together, against a real peer on loopback that
 * answers each request with 2.05 "ok" (interfaces.md, {@code POST /module/faults}).
 */
class NetworkFaultsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final RetransmissionSchedule RFC = Bc260yFacts.CT_RETRANSMISSION;

    private ScriptedPeer peer;
    private NetworkBench bench;

    @BeforeEach
    void start() throws Exception {
        peer = ScriptedPeer.start(m -> List.of(ScriptedPeer.piggybacked(m, "ok")));
        bench = new NetworkBench(NetworkBench.lab(peer.address(), peer.address()));
    }

    @AfterEach
    void stop() {
        bench.close();
        peer.close();
    }

    private void inject(NetworkFault fault) {
        bench.network.faults().add(fault);
    }

    private Response answer() {
        assertThat(bench.outcomes).hasSize(1);
        return ((CoapOutcome.Answered) bench.outcomes.get(0).outcome()).response();
    }

    @Test
    void dropFirstNLosesExactlyTheFirstNTransmissions() {
        inject(NetworkFault.dropFirst(LabService.CT, 2));

        ConfirmableExchange exchange = bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(bench.fates()).containsExactly(Transmission.Fate.DROPPED, Transmission.Fate.DROPPED, Transmission.Fate.SENT);
        assertThat(answer().getPayloadString()).isEqualTo("ok");
        assertThat(bench.outcomes.get(0).at()).isEqualTo(exchange.initialTimeout().multipliedBy(3));
        assertThat(peer.received()).hasSize(1);
        assertThat(bench.network.faults().active()).as("spent").isEmpty();
    }

    @Test
    void dropAllLosesEveryTransmissionAndNothingReachesThePeer() {
        inject(NetworkFault.dropAll(LabService.CT));

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(bench.fates()).hasSize(5).containsOnly(Transmission.Fate.DROPPED);
        assertThat(bench.outcomes).extracting(NetworkBench.Ended::outcome).containsExactly(new CoapOutcome.TimedOut(5));
        assertThat(peer.received()).isEmpty();
    }

    @Test
    void dropWithAProbabilityIsReproducibleForOneSeed() {
        List<Transmission.Fate> first = fatesWithHalfDropped(11);

        assertThat(first).contains(Transmission.Fate.DROPPED, Transmission.Fate.SENT);
        assertThat(fatesWithHalfDropped(11)).isEqualTo(first);
    }

    private static List<Transmission.Fate> fatesWithHalfDropped(long seed) {
        try (ScriptedPeer answering = ScriptedPeer.start(m -> List.of(ScriptedPeer.piggybacked(m, "ok")));
             NetworkBench run = new NetworkBench(NetworkBench.lab(answering.address(), answering.address()), seed)) {
            run.network.faults().add(NetworkFault.dropWithProbability(LabService.CT, 0.5));
            for (int i = 0; i < 10; i++) {
                run.post(LabService.CT, RFC);
                run.advance(HOUR);
            }
            return new ArrayList<>(run.fates());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anErrorFaultAnswersWithTheReplySuppliedForItsServiceInPlaceOfThePlatform() {
        bench.network.answerErrorFaultsWith(LabService.CT, () -> {
            Response reply = new Response(ResponseCode.CONTENT);
            reply.setPayload("the agent's error");
            return reply;
        });
        inject(NetworkFault.error(LabService.CT));

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        Response answer = answer();
        assertThat(answer.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(answer.getPayloadString()).isEqualTo("the agent's error");
        assertThat(bench.fates()).containsExactly(Transmission.Fate.ANSWERED_BY_FAULT);
        assertThat(peer.received()).as("the platform never sees it").isEmpty();
    }

    @Test
    void anErrorFaultOfAServiceWithoutASuppliedReplyAnswers500() {
        inject(NetworkFault.error(LabService.DM));

        bench.post(LabService.DM, Bc260yFacts.DM_RETRANSMISSION);
        bench.advance(HOUR);

        assertThat(answer().getCode()).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
        assertThat(peer.received()).isEmpty();
    }

    @Test
    void aMalformedFaultAnswersGarbage() {
        inject(NetworkFault.malformed(LabService.CT));

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(ZzhcReply.parse(answer().getPayload()).succeeded()).isFalse();
        assertThat(peer.received()).isEmpty();
    }

    @Test
    void aDelayFaultDeliversTheRealAnswerSecondsLateInModuleTime() {
        inject(NetworkFault.delay(LabService.CT, Duration.ofSeconds(30)));
        RetransmissionSchedule patient = new RetransmissionSchedule(Duration.ofSeconds(60), 1.0, 2.0, 0);

        bench.post(LabService.CT, patient);
        bench.advance(HOUR);

        assertThat(answer().getPayloadString()).isEqualTo("ok");
        assertThat(bench.outcomes.get(0).at()).isEqualTo(Duration.ofSeconds(30));
        assertThat(peer.received()).hasSize(1);
    }

    @Test
    void aDelayBeyondTheRetransmissionWindowIsNoAnswer() {
        inject(NetworkFault.delay(LabService.CT, Duration.ofSeconds(100)));

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(bench.outcomes).extracting(NetworkBench.Ended::outcome).containsExactly(new CoapOutcome.TimedOut(5));
        assertThat(peer.received()).hasSize(5);
    }

    @Test
    void severalFaultsActTogether() {
        inject(NetworkFault.dropFirst(LabService.CT, 1));
        inject(NetworkFault.delay(LabService.CT, Duration.ofSeconds(1)));

        ConfirmableExchange exchange = bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(bench.fates()).containsExactly(Transmission.Fate.DROPPED, Transmission.Fate.SENT);
        assertThat(bench.outcomes.get(0).at()).isEqualTo(exchange.initialTimeout().plusSeconds(1));
    }

    @Test
    void faultsOfOneServiceLeaveTheOtherAlone() {
        inject(NetworkFault.dropAll(LabService.DM));

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(answer().getPayloadString()).isEqualTo("ok");
    }

    @Test
    void clearingRemovesEveryFault() {
        inject(NetworkFault.dropAll(LabService.CT));
        inject(NetworkFault.error(LabService.DM));
        bench.network.faults().clear();

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(bench.network.faults().active()).isEmpty();
        assertThat(bench.fates()).containsExactly(Transmission.Fate.SENT);
        assertThat(answer().getPayloadString()).isEqualTo("ok");
    }

    @Test
    void faultParametersMustFitTheMode() {
        assertThatThrownBy(() -> NetworkFault.dropFirst(LabService.CT, 0)).hasMessageContaining("count");
        assertThatThrownBy(() -> NetworkFault.dropWithProbability(LabService.CT, 0)).hasMessageContaining("probability");
        assertThatThrownBy(() -> NetworkFault.dropWithProbability(LabService.CT, 1.5)).hasMessageContaining("probability");
        assertThatThrownBy(() -> NetworkFault.delay(LabService.CT, Duration.ofSeconds(-1))).hasMessageContaining("seconds");
        assertThatThrownBy(() -> new NetworkFault(LabService.CT, NetworkFault.Mode.DROP, OptionalInt.of(1), OptionalDouble.of(0.5),
                Optional.empty())).hasMessageContaining("not both");
        assertThatThrownBy(() -> new NetworkFault(LabService.CT, NetworkFault.Mode.ERROR, OptionalInt.of(1), OptionalDouble.empty(),
                Optional.empty())).hasMessageContaining("drop only");
        assertThatThrownBy(() -> new NetworkFault(LabService.CT, NetworkFault.Mode.DELAY, OptionalInt.empty(), OptionalDouble.empty(),
                Optional.empty())).hasMessageContaining("needs seconds");
        assertThat(NetworkFault.Mode.ofLabel("dns-fail")).contains(NetworkFault.Mode.DNS_FAIL);
        assertThat(NetworkFault.Mode.ofLabel("explode")).isEmpty();
    }
}
