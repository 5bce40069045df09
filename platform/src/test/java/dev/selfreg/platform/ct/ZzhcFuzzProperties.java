package dev.selfreg.platform.ct;

import static dev.selfreg.platform.ct.ZzhcFixtures.TEST_VECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.Size;
import dev.selfreg.platform.TestCoapClients;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * Random and oversized input to both ZZHC front ends: each is answered or dropped, every
 * rejection is recorded, and a good report is still accepted afterwards.
 */
class ZzhcFuzzProperties {

    private static ZzhcFixtures lab;
    private static ZzhcCoapServer coap;
    private static ZzhcHttpServer http;
    private static CoapClient client;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeContainer
    static void start() {
        lab = new ZzhcFixtures();
        coap = ZzhcCoapServer.start(lab.service, lab.metrics, "127.0.0.1", 0);
        http = ZzhcHttpServer.start(lab.service, "127.0.0.1", 0);
        client = TestCoapClients.client("coap://127.0.0.1:" + coap.port() + "/nb");
        client.setTimeout(5000L);
    }

    @AfterContainer
    static void stop() {
        client.shutdown();
        coap.close();
        http.close();
    }

    private static int recorded() {
        return lab.records.store().ctRegistrations(null, 100_000).size() + lab.records.store().ctRejections(100_000).size();
    }

    @Property(tries = 150)
    void anyCoapPayloadIsAnsweredAndRecorded(@ForAll @Size(max = 5000) byte[] payload) throws Exception {
        int before = recorded();
        CoapResponse response = client.post(payload, 0);
        assertThat(response).isNotNull();
        if (response.getCode() == ResponseCode.CONTENT) {
            assertThat(response.getResponseText()).startsWith("{\"resultCode\":\"");
            assertThat(recorded()).isEqualTo(before + 1);
        } else {
            assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        }
        assertThat(client.post(TEST_VECTOR, 0).getResponseText()).contains("\"resultCode\":\"0\"");
    }

    @Property(tries = 150)
    void anyHttpBodyIsAnsweredAndRecorded(@ForAll @Size(max = 6000) byte[] body) throws Exception {
        int before = recorded();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"resultCode\":\"");
        assertThat(recorded()).isEqualTo(before + 1);
    }

    @Property(tries = 150)
    void anyDatagramLeavesTheCoapServerServing(@ForAll @Size(max = 1500) byte[] datagram) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress("127.0.0.1", coap.port())));
        }
        assertThat(client.post(TEST_VECTOR, 0).getResponseText()).contains("\"resultCode\":\"0\"");
    }
}
