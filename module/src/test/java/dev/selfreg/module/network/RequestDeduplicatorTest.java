package dev.selfreg.module.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served-request layer alone, with no socket below it: each confirmable request of a
 * served lab service is answered by its server once, piggybacked; a retransmission (same
 * service, same MID) gets the remembered answer (RFC 7252 §4.5); an unserved service gets a
 * Reset.
 */
class RequestDeduplicatorTest {

    private static final byte[] TOKEN = {1, 2, 3, 4, 5, 6, 7, 8};

    /** One datagram the layer sent, parsed, and to whom. */
    private record Reply(LabService to, Message message) {
    }

    private final List<Reply> replies = new CopyOnWriteArrayList<>();
    private final UdpDataParser parser = new UdpDataParser();
    private final RequestDeduplicator served = new RequestDeduplicator(
            (service, datagram, what) -> replies.add(new Reply(service, parser.parseMessage(datagram))));
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void serveDm() {
        served.serve(LabService.DM, request -> {
            Response response = new Response(ResponseCode.CONTENT);
            response.setPayload("call " + calls.incrementAndGet());
            return response;
        });
    }

    private static Request read(int mid) {
        Request read = new Request(Code.GET, Type.CON);
        read.getOptions().setUriPath("3/0");
        read.setMID(mid);
        read.setToken(TOKEN);
        return read;
    }

    @Test
    void aRequestIsAnsweredByItsServicesServerPiggybackedWithItsMidAndToken() {
        served.receive(LabService.DM, read(300));

        assertThat(replies).hasSize(1);
        Message answer = replies.get(0).message();
        assertThat(replies.get(0).to()).isEqualTo(LabService.DM);
        assertThat(answer).isInstanceOf(Response.class);
        assertThat(answer.getType()).isEqualTo(Type.ACK);
        assertThat(answer.getMID()).isEqualTo(300);
        assertThat(answer.getTokenBytes()).isEqualTo(TOKEN);
        assertThat(answer.getPayloadString()).isEqualTo("call 1");
    }

    @Test
    void aRetransmissionGetsTheRememberedAnswerWithoutAskingTheServer() {
        served.receive(LabService.DM, read(300));
        served.receive(LabService.DM, read(300));

        assertThat(calls).hasValue(1);
        assertThat(replies).extracting(reply -> reply.message().getPayloadString()).containsExactly("call 1", "call 1");
    }

    @Test
    void aNewMidIsANewRequest() {
        served.receive(LabService.DM, read(300));
        served.receive(LabService.DM, read(301));

        assertThat(replies).extracting(reply -> reply.message().getPayloadString()).containsExactly("call 1", "call 2");
    }

    @Test
    void aRequestOfAServiceNobodyServesIsReset() {
        served.receive(LabService.CT, read(300));

        assertThat(calls).hasValue(0);
        assertThat(replies).extracting(Reply::to, reply -> reply.message().getType(), reply -> reply.message().getMID())
                .containsExactly(tuple(LabService.CT, Type.RST, 300));
    }

    @Test
    void onlyTheLatestAnswersAreRemembered() {
        for (int mid = 0; mid <= 32; mid++) {
            served.receive(LabService.DM, read(mid));
        }
        served.receive(LabService.DM, read(32));
        served.receive(LabService.DM, read(0));

        assertThat(calls).as("33 requests, then MID 0 again once it is forgotten").hasValue(34);
    }

    @Test
    void forgettingTheAnswersMakesARepeatedMidANewRequest() {
        served.receive(LabService.DM, read(300));
        served.forget();
        served.receive(LabService.DM, read(300));

        assertThat(calls).hasValue(2);
    }
}
