package dev.selfreg.platform.dm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.platform.RawCoap;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DM service's CoAP deduplication, byte for byte on a UDP socket, as a module retransmits. */
class DmDeduplicationTest {

    private final DmLab lab = new DmLab();

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void aRetransmittedRegisterIsAnsweredTwiceWithOneRegistrationAndOneRecord() throws Exception {
        try (DatagramSocket module = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            Response first = exchange(module, register(0x1234));
            Response retransmission = exchange(module, register(0x1234));

            assertThat(first.getCode()).isEqualTo(ResponseCode.CREATED);
            assertThat(retransmission.getCode()).isEqualTo(ResponseCode.CREATED);
            assertThat(retransmission.getOptions().getLocationPathString())
                    .isEqualTo(first.getOptions().getLocationPathString());
        }
        assertThat(lab.events("register")).hasSize(1);
    }

    private Request register(int mid) {
        Request request = Request.newPost();
        request.setURI(lab.uri("/rd"));
        request.getOptions().addUriQuery("ep=" + DmLab.ENDPOINT).addUriQuery("lt=86400").addUriQuery("lwm2m=1.0")
                .addUriQuery("b=U").setContentFormat(40);
        request.setPayload(DmLab.OBJECT_LINKS.getBytes(StandardCharsets.UTF_8));
        request.setMID(mid);
        request.setToken(new byte[] {7, 7, 7, 7});
        return request;
    }

    /** Sends the request from {@code module}; returns the first response (not the read the service sends). */
    private Response exchange(DatagramSocket module, Request request) throws Exception {
        RawCoap.send(module, request, lab.service.port());
        while (true) {
            if (RawCoap.receiveMessage(module, lab.service.port()) instanceof Response response) {
                return response;
            }
        }
    }
}
