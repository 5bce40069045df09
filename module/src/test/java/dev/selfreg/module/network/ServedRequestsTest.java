package dev.selfreg.module.network;

import static dev.selfreg.module.network.ScriptedPeer.piggybacked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.module.Bc260yFacts;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests from a lab service to the module (the DM platform reading the module's objects), and
 * the ICMP policy of an exchange: over real UDP on loopback, handled in module time.
 */
class ServedRequestsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final int READ_MID = 300;
    private static final byte[] READ_TOKEN = {1, 2, 3, 4, 5, 6, 7, 8};

    private ScriptedPeer peer;
    private RefusingPort refusing;
    private NetworkBench bench;

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

    /** A peer that answers the module's POST and then sends it {@code reads} CON GETs of {@code /3/0}, all one MID. */
    private static ScriptedPeer peerThatReads(int reads) throws Exception {
        return ScriptedPeer.start(message -> {
            if (!(message instanceof Request)) {
                return List.of();
            }
            List<Message> out = new ArrayList<>();
            out.add(piggybacked(message, "ok"));
            for (int i = 0; i < reads; i++) {
                Request read = new Request(Code.GET, Type.CON);
                read.getOptions().setUriPath("3/0");
                read.setMID(READ_MID);
                read.setToken(READ_TOKEN);
                out.add(read);
            }
            return out;
        });
    }

    private void runUntilThePeerHas(int messages) {
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> {
            bench.clock.runDue();
            return peer.received().size() >= messages;
        });
    }

    @Test
    void aServedRequestIsAnsweredPiggybackedWithItsMidAndToken() throws Exception {
        peer = peerThatReads(1);
        bench = new NetworkBench(NetworkBench.lab(new InetSocketAddress("127.0.0.1", 9), peer.address()));
        List<String> served = new ArrayList<>();
        bench.network.serve(LabService.DM, request -> {
            served.add(request.getCode() + " " + request.getOptions().getUriPathString());
            Response response = new Response(ResponseCode.CONTENT);
            response.setPayload("device");
            return response;
        });

        bench.post(LabService.DM, Bc260yFacts.DM_RETRANSMISSION);
        bench.advance(HOUR);
        runUntilThePeerHas(2);

        assertThat(served).containsExactly("GET 3/0");
        Message answer = peer.received().get(1);
        assertThat(answer).isInstanceOf(Response.class);
        assertThat(answer.getType()).isEqualTo(Type.ACK);
        assertThat(answer.getMID()).isEqualTo(READ_MID);
        assertThat(answer.getTokenBytes()).isEqualTo(READ_TOKEN);
        assertThat(((Response) answer).getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(answer.getPayloadString()).isEqualTo("device");
    }

    @Test
    void aRetransmittedRequestGetsTheSameAnswerWithoutAskingTheServerAgain() throws Exception {
        peer = peerThatReads(2);
        bench = new NetworkBench(NetworkBench.lab(new InetSocketAddress("127.0.0.1", 9), peer.address()));
        AtomicInteger calls = new AtomicInteger();
        bench.network.serve(LabService.DM, request -> {
            Response response = new Response(ResponseCode.CONTENT);
            response.setPayload("call " + calls.incrementAndGet());
            return response;
        });

        bench.post(LabService.DM, Bc260yFacts.DM_RETRANSMISSION);
        bench.advance(HOUR);
        runUntilThePeerHas(3);

        assertThat(calls).hasValue(1);
        assertThat(peer.received().get(1).getPayloadString()).isEqualTo("call 1");
        assertThat(peer.received().get(2).getPayloadString()).isEqualTo("call 1");
        assertThat(peer.received().get(2).getMID()).isEqualTo(READ_MID);
    }

    @Test
    void aRequestOfAServiceTheModuleDoesNotServeIsReset() throws Exception {
        peer = peerThatReads(1);
        bench = new NetworkBench(NetworkBench.lab(peer.address(), new InetSocketAddress("127.0.0.1", 9)));
        bench.network.serve(LabService.DM, request -> new Response(ResponseCode.CONTENT));

        bench.post(LabService.CT, Bc260yFacts.CT_RETRANSMISSION);
        bench.advance(HOUR);
        runUntilThePeerHas(2);

        assertThat(peer.received().get(1).getType()).isEqualTo(Type.RST);
        assertThat(peer.received().get(1).getMID()).isEqualTo(READ_MID);
    }

    @Test
    void anExchangeThatLosesTransmissionsToPortUnreachableRunsItsWholeSchedule() throws Exception {
        refusing = new RefusingPort();
        bench = new NetworkBench(NetworkBench.lab(new InetSocketAddress("127.0.0.1", 9), refusing.address()));

        long start = System.nanoTime();
        bench.post(LabService.DM, Bc260yFacts.DM_RETRANSMISSION, PortUnreachable.LOSES_TRANSMISSION);
        bench.advance(HOUR);

        assertThat(bench.sendSeconds()).containsExactly(0.0, 2.0, 6.0, 14.0, 30.0, 62.0);
        assertThat(bench.outcomes).containsExactly(
                new NetworkBench.Ended(new CoapOutcome.TimedOut(6), Duration.ofSeconds(126)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("each ICMP ends the wait for its send")
                .isLessThan(ModuleNetwork.ANSWER_BOUND.multipliedBy(3));
    }
}
