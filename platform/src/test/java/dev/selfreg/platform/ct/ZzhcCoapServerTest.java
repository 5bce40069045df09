package dev.selfreg.platform.ct;

import static dev.selfreg.platform.ct.ZzhcFixtures.TEST_VECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.Libcoap;
import dev.selfreg.platform.RawCoap;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import dev.selfreg.platform.TestCoapClients;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZzhcCoapServerTest {

    private final ZzhcFixtures lab = new ZzhcFixtures();
    private final ZzhcCoapServer server = ZzhcCoapServer.start(lab.service, lab.metrics, "127.0.0.1", 0);

    @AfterEach
    void stop() {
        server.close();
    }

    private String uri(String path) {
        return "coap://127.0.0.1:" + server.port() + path;
    }

    private CoapResponse post(String path, String body, int contentFormat) throws Exception {
        CoapClient client = TestCoapClients.client(uri(path));
        try {
            return client.post(body, contentFormat);
        } finally {
            client.shutdown();
        }
    }

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = {"/nb", "/"})
    void aReportIsAcceptedOnNbAndOnTheRoot(String path) throws Exception {
        CoapResponse response = post(path, TEST_VECTOR, MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getResponseText()).isEqualTo("{\"resultCode\":\"0\",\"resultDesc\":\"Success\"}");
        assertThat(lab.records.store().ctRegistrations(null, 10)).hasSize(1);
    }

    @Test
    void aReportWithoutContentFormatIsAccepted() throws Exception {
        CoapResponse response = post("/nb", TEST_VECTOR, MediaTypeRegistry.UNDEFINED);
        assertThat(response.getResponseText()).contains("\"resultCode\":\"0\"");
    }

    @Test
    void aRejectedReportIsAnsweredWithTheLabCode() throws Exception {
        CoapResponse response = post("/nb", ZzhcFixtures.report("869999000000001", "89860321000000000001", "460041234567890"),
                MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(response.getResponseText()).isEqualTo("{\"resultCode\":\"3\",\"resultDesc\":\"Not a China Telecom IMSI\"}");
    }

    @Test
    void otherMethodsAndPathsAreRefusedTheCoapWay() throws Exception {
        CoapClient client = TestCoapClients.client(uri("/nb"));
        try {
            assertThat(client.get().getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
            client.setURI(uri("/elsewhere"));
            assertThat(client.post(TEST_VECTOR, 0).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        } finally {
            client.shutdown();
        }
        assertThat(lab.records.store().ctRegistrations(null, 10)).isEmpty();
    }

    @Test
    void aRetransmittedRequestIsStoredOnceAndAnsweredTwice() throws Exception {
        try (DatagramSocket device = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            for (int send = 0; send < 2; send++) {
                assertThat(exchange(device, 4242)).contains("\"resultCode\":\"0\"");
            }
        }
        assertThat(lab.records.store().ctRegistrations(null, 10)).hasSize(1);
    }

    @Test
    void deduplicationRemembersEachDevicesRecentMessagesNotEveryMessageOfTheLastFourMinutes() throws Exception {
        int messages = CoapConfig.DEFAULT_PEERS_MARK_AND_SWEEP_MESSAGES + 16;
        try (DatagramSocket device = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            for (int mid = 1; mid <= messages; mid++) {
                exchange(device, mid);
            }
            exchange(device, messages);
            assertThat(lab.records.store().ctRegistrations(null, 1000)).hasSize(messages);

            // far older than any retransmission of a module, which sends one request at a time: forgotten
            exchange(device, 1);
            assertThat(lab.records.store().ctRegistrations(null, 1000)).hasSize(messages + 1);
        }
    }

    /** Sends the test vector as a CON POST with message ID {@code mid} from {@code device}; returns the answer. */
    private String exchange(DatagramSocket device, int mid) throws Exception {
        Request request = Request.newPost();
        request.setURI(uri("/nb"));
        request.setPayload(TEST_VECTOR);
        request.setMID(mid);
        request.setToken(new byte[] {1, 2, (byte) (mid >> 8), (byte) mid});
        RawCoap.send(device, request, server.port());
        return new String(RawCoap.receive(device), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aDatagramThatIsNotCoapIsDroppedCountedAndTheServerKeepsServing() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            byte[] garbage = {(byte) 0x4f, 0x02, 0x00, 0x01, (byte) 0xff};
            socket.send(new DatagramPacket(garbage, garbage.length, new InetSocketAddress("127.0.0.1", server.port())));
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> lab.metrics.total("ct", "dropped", "malformed coap") == 1);
        assertThat(post("/nb", TEST_VECTOR, 0).getResponseText()).contains("\"resultCode\":\"0\"");
    }

    @Test
    void libcoapsClientIsAcceptedOnNbWithAndWithoutContentFormat() throws Exception {
        Libcoap.Run withFormat = Libcoap.run("-m", "post", "-t", "50", "-e", TEST_VECTOR, uri("/nb"));
        Libcoap.Run without = Libcoap.run("-m", "post", "-e", TEST_VECTOR, uri("/"));
        assertThat(withFormat.output()).contains("{\"resultCode\":\"0\",\"resultDesc\":\"Success\"}");
        assertThat(without.output()).contains("{\"resultCode\":\"0\",\"resultDesc\":\"Success\"}");
        assertThat(lab.records.store().ctRegistrations(null, 10)).hasSize(2)
                .allSatisfy(r -> assertThat(r.transport()).isEqualTo("coap"));
    }

    @Test
    void libcoapsClientGetsEachLabRejection() throws Exception {
        assertThat(Libcoap.run("-m", "post", "-e", "not-base64!", uri("/nb")).output())
                .contains("{\"resultCode\":\"1\",\"resultDesc\":\"Malformed\"}");
        assertThat(Libcoap.run("-m", "post", "-e", ZzhcFixtures.report("86999900000000", "89860321000000000001", "460111234567890"),
                uri("/nb")).output()).contains("{\"resultCode\":\"2\",\"resultDesc\":\"Invalid MEID\"}");
        assertThat(Libcoap.run("-m", "post", "-e", ZzhcFixtures.report("869999000000001", "89860321000000000001", "460041234567890"),
                uri("/nb")).output()).contains("{\"resultCode\":\"3\",\"resultDesc\":\"Not a China Telecom IMSI\"}");
        assertThat(lab.records.store().ctRejections(10)).extracting(r -> r.resultCode()).containsExactly("3", "2", "1");
    }

    @Test
    void theConfirmableTypeIsWhatModulesSend() throws Exception {
        CoapClient client = TestCoapClients.client(uri("/nb"));
        try {
            Request request = Request.newPost();
            request.setType(CoAP.Type.CON);
            request.setPayload(TEST_VECTOR);
            assertThat(client.advanced(request).advanced().getType()).isEqualTo(CoAP.Type.ACK);
        } finally {
            client.shutdown();
        }
    }
}
