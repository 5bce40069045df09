package dev.selfreg.module.network;

import static dev.selfreg.module.network.ScriptedPeer.empty;
import static dev.selfreg.module.network.ScriptedPeer.piggybacked;
import static dev.selfreg.module.network.ScriptedPeer.separate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.selfreg.module.Bc260yFacts;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A confirmable request over real UDP on loopback, timed on a virtual clock (RFC 7252 §4.2,
 * §5.2): piggybacked and separate responses, Reset, duplicates, a peer that never answers and
 * a port where nobody takes the datagrams. The clock is advanced by an hour at once: real
 * answers must still be handled at the virtual instant of the send.
 */
class ConfirmableExchangeTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final RetransmissionSchedule RFC = Bc260yFacts.CT_RETRANSMISSION;

    private ScriptedPeer peer;
    private RefusingPort refusing;
    private NetworkBench bench;

    private NetworkBench benchFor(InetSocketAddress ct) {
        bench = new NetworkBench(NetworkBench.lab(ct, new InetSocketAddress("127.0.0.1", 9)));
        return bench;
    }

    private static boolean isRequest(Message message) {
        return message instanceof Request;
    }

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (refusing != null) {
            refusing.close();
        }
    }

    @Test
    void aPiggybackedResponseEndsTheExchangeAtTheVirtualInstantOfTheSend() throws Exception {
        peer = ScriptedPeer.start(m -> List.of(piggybacked(m, "ok")));
        benchFor(peer.address());

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(bench.outcomes).hasSize(1);
        assertThat(bench.outcomes.get(0).at()).isZero();
        CoapOutcome.Answered answered = (CoapOutcome.Answered) bench.outcomes.get(0).outcome();
        assertThat(answered.response().getPayloadString()).isEqualTo("ok");
        assertThat(bench.fates()).containsExactly(Transmission.Fate.SENT);
        assertThat(peer.received()).hasSize(1);
    }

    @Test
    void anEmptyAckThenASeparateResponseIsAcknowledgedAndEndsTheExchange() throws Exception {
        peer = ScriptedPeer.start(m -> isRequest(m) ? List.of(empty(Type.ACK, m), separate(m, 0x7000, "later")) : List.of());
        benchFor(peer.address());

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(bench.outcomes).hasSize(1);
        assertThat(bench.outcomes.get(0).at()).isZero();
        assertThat(((CoapOutcome.Answered) bench.outcomes.get(0).outcome()).response().getPayloadString()).isEqualTo("later");
        assertThat(bench.fates()).containsExactly(Transmission.Fate.SENT);
        await().atMost(2, TimeUnit.SECONDS).untilAsserted(() -> assertThat(peer.received()).hasSize(2));
        Message ack = peer.received().get(1);
        assertThat(ack).isInstanceOf(EmptyMessage.class);
        assertThat(ack.getType()).isEqualTo(Type.ACK);
        assertThat(ack.getMID()).isEqualTo(0x7000);
    }

    @Test
    void anEmptyAckStopsTheResendsAndWithoutASeparateResponseTheExchangeTimesOutWhenItsWindowEnds() throws Exception {
        peer = ScriptedPeer.start(m -> List.of(empty(Type.ACK, m)));
        benchFor(peer.address());

        ConfirmableExchange exchange = bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(bench.fates()).containsExactly(Transmission.Fate.SENT);
        assertThat(bench.outcomes).hasSize(1);
        assertThat(bench.outcomes.get(0).outcome()).isEqualTo(new CoapOutcome.TimedOut(1));
        assertThat(bench.outcomes.get(0).at()).isEqualTo(RFC.giveUpAfter(exchange.initialTimeout()));
    }

    @Test
    void aResetEndsTheExchange() throws Exception {
        peer = ScriptedPeer.start(m -> List.of(empty(Type.RST, m)));
        benchFor(peer.address());

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(bench.outcomes).extracting(NetworkBench.Ended::outcome).containsExactly(new CoapOutcome.Reset());
        assertThat(bench.outcomes.get(0).at()).isZero();
    }

    @Test
    void theAnswerToAResendAfterTheExchangeEndedIsADuplicateAndIgnored() throws Exception {
        peer = ScriptedPeer.start(m -> List.of(piggybacked(m, "ok")));
        benchFor(peer.address());
        bench.network.faults().add(NetworkFault.delay(LabService.CT, Duration.ofSeconds(5)));

        ConfirmableExchange exchange = bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        Duration resend = exchange.initialTimeout();
        assertThat(bench.transmissions).extracting(Transmission::at).containsExactly(Duration.ZERO, resend);
        assertThat(peer.received()).hasSize(2);
        assertThat(bench.outcomes).containsExactly(new NetworkBench.Ended(bench.outcomes.get(0).outcome(), Duration.ofSeconds(5)));
    }

    @Test
    void aDuplicatedSeparateResponseIsReportedOnceAndAcknowledgedEachTime() throws Exception {
        peer = ScriptedPeer.start(m -> isRequest(m)
                ? List.of(empty(Type.ACK, m), separate(m, 100, "later"), separate(m, 100, "later"))
                : List.of());
        benchFor(peer.address());

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        await().atMost(2, TimeUnit.SECONDS).untilAsserted(() -> {
            bench.clock.runDue(); // the duplicate may land after the advance
            assertThat(peer.received()).hasSize(3);
        });
        assertThat(bench.outcomes).hasSize(1);
        assertThat(peer.received().subList(1, 3)).allSatisfy(ack -> {
            assertThat(ack.getType()).isEqualTo(Type.ACK);
            assertThat(ack.getMID()).isEqualTo(100);
        });
    }

    @Test
    void aConfirmableResponseToNoExchangeIsReset() throws Exception {
        peer = ScriptedPeer.start(m -> {
            if (!isRequest(m)) {
                return List.of();
            }
            Message stranger = separate(m, 200, "who?");
            stranger.setToken(new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
            return List.of(stranger, piggybacked(m, "ok"));
        });
        benchFor(peer.address());

        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(bench.outcomes).hasSize(1);
        await().atMost(2, TimeUnit.SECONDS).untilAsserted(() -> assertThat(peer.received()).hasSize(2));
        assertThat(peer.received().get(1).getType()).isEqualTo(Type.RST);
        assertThat(peer.received().get(1).getMID()).isEqualTo(200);
    }

    @Test
    void aPeerThatNeverAnswersCostsAtMostTheBoundOfWallTimePerSendAndTimesOutInModuleTime() throws Exception {
        peer = ScriptedPeer.start(m -> List.of());
        benchFor(peer.address());
        RetransmissionSchedule once = new RetransmissionSchedule(Duration.ofSeconds(2), 1.0, 2.0, 1);

        long start = System.nanoTime();
        bench.post(LabService.CT, once);
        bench.advance(HOUR);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        assertThat(bench.sendSeconds()).containsExactly(0.0, 2.0);
        assertThat(bench.outcomes).containsExactly(new NetworkBench.Ended(new CoapOutcome.TimedOut(2), Duration.ofSeconds(6)));
        assertThat(wall).as("two sends, each waited for at most the bound").isLessThan(ModuleNetwork.ANSWER_BOUND.multipliedBy(3));
        assertThat(peer.received()).hasSize(2);
    }

    @Test
    void withNoLabServiceListeningTheExchangeEndsAtOnceAsUnreachable() throws Exception {
        refusing = new RefusingPort();
        benchFor(refusing.address());

        long start = System.nanoTime();
        bench.post(LabService.CT, RFC);
        bench.advance(HOUR);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ModuleNetwork.ANSWER_BOUND);
        assertThat(bench.outcomes).hasSize(1);
        assertThat(bench.outcomes.get(0).outcome()).isInstanceOf(CoapOutcome.Unreachable.class);
        assertThat(bench.outcomes.get(0).at()).isZero();
        assertThat(bench.fates()).containsExactly(Transmission.Fate.SENT);
    }

    @Test
    void aCancelledExchangeReportsNothingAndSendsNoMore() throws Exception {
        peer = ScriptedPeer.start(m -> List.of());
        benchFor(peer.address());
        bench.network.faults().add(NetworkFault.dropAll(LabService.CT));

        ConfirmableExchange exchange = bench.post(LabService.CT, RFC);
        bench.advance(Duration.ofMillis(100));
        exchange.cancel();
        bench.advance(HOUR);

        assertThat(bench.outcomes).isEmpty();
        assertThat(bench.fates()).containsExactly(Transmission.Fate.DROPPED);
    }

    @Test
    void eachRequestGetsItsOwnMidAndTokenAndEveryResendKeepsThem() throws Exception {
        peer = ScriptedPeer.start(m -> List.of(piggybacked(m, "ok")));
        benchFor(peer.address());
        bench.network.faults().add(NetworkFault.dropFirst(LabService.CT, 1));

        ConfirmableExchange first = bench.post(LabService.CT, RFC);
        bench.advance(Duration.ofSeconds(5));
        ConfirmableExchange second = bench.post(LabService.CT, RFC);
        bench.advance(Duration.ofSeconds(5));

        assertThat(second.mid()).isEqualTo((first.mid() + 1) & 0xFFFF);
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(bench.transmissions).extracting(Transmission::mid, Transmission::number, Transmission::fate).containsExactly(
                tuple(first.mid(), 0, Transmission.Fate.DROPPED),
                tuple(first.mid(), 1, Transmission.Fate.SENT),
                tuple(second.mid(), 0, Transmission.Fate.SENT));
        assertThat(peer.received()).extracting(Message::getMID).containsExactly(first.mid(), second.mid());
        assertThat(peer.received()).extracting(Message::getToken).containsExactly(first.token(), second.token());
        assertThat(bench.outcomes).hasSize(2);
    }
}
