package dev.selfreg.platform.dm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.store.DmEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Register or Update whose {@code lt} or {@code b} is no lifetime or binding, sent by Californium over loopback:
 * 4.00 Bad Request with its reason (Leshan alone answers 5.00), counted and recorded as a rejection, nothing stored,
 * and the service still serving.
 */
class DmMalformedQueryTest {

    private final DmLab lab = new DmLab();
    private final ServingClient device = new ServingClient();

    @AfterEach
    void stop() {
        device.close();
        lab.close();
    }

    private CoapResponse post(String path, List<String> query, String payload) throws Exception {
        Request request = Request.newPost();
        request.setURI(lab.uri(path));
        query.forEach(option -> request.getOptions().addUriQuery(option));
        if (payload != null) {
            request.setPayload(payload.getBytes(StandardCharsets.UTF_8));
            request.getOptions().setContentFormat(40);
        }
        CoapResponse response = device.client().advanced(request);
        assertThat(response).as("an answer to " + path + " " + query).isNotNull();
        return response;
    }

    private CoapResponse register(String lifetime, String binding) throws Exception {
        return post("/rd", List.of("ep=" + DmLab.ENDPOINT, "lt=" + lifetime, "lwm2m=1.0", "b=" + binding),
                DmLab.OBJECT_LINKS);
    }

    /** The rejection events, once the one expected is recorded. */
    private List<DmEvent> rejections(int expected) {
        await().atMost(Duration.ofSeconds(5)).until(() -> lab.events("rejected").size() >= expected);
        return lab.events("rejected");
    }

    private static String binding(String malformed) {
        return malformed.startsWith("b=") ? malformed.substring(2) : "U";
    }

    private static String lifetime(String malformed) {
        return malformed.startsWith("lt=") ? malformed.substring(3) : "300";
    }

    @ParameterizedTest
    @ValueSource(strings = {"lt=abc", "lt=-1", "lt=0", "lt=4294967296", "lt=", "b=X?"})
    void aRegisterWithAMalformedLifetimeOrBindingIsABadRequestAndStoresNothing(String malformed) throws Exception {
        CoapResponse refused = register(lifetime(malformed), binding(malformed));

        assertThat(refused.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        String finding = malformed.startsWith("lt=") ? "invalid lifetime" : "invalid binding";
        assertThat(refused.getResponseText()).startsWith(finding + ": " + malformed);
        assertThat(rejections(1)).singleElement().satisfies(event -> {
            assertThat(event.reason()).startsWith("register answered 4.00: " + finding + ": " + malformed);
            assertThat(DmFinding.namedIn(event.reason())).isPresent();
        });
        assertThat(lab.records.store().dmDevice(DmLab.ENDPOINT)).isEmpty();
        assertThat(lab.events("register")).isEmpty();
        assertThat(lab.metrics.prometheusText())
                .contains("selfreg_messages_total{service=\"dm\",outcome=\"rejected\",reason=\"" + finding + "\"} 1");

        assertThat(register("300", "U").getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(lab.device(DmLab.ENDPOINT).lifetime()).isEqualTo(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967295", "000000000000300"})
    void aLifetimeUpToTheLongestIsTakenLeadingZerosAndAll(String lifetime) throws Exception {
        assertThat(register(lifetime, "U").getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(lab.device(DmLab.ENDPOINT).lifetime()).isEqualTo(Long.parseLong(lifetime));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lt=abc", "lt=-1", "b=X?"})
    void anUpdateWithAMalformedLifetimeOrBindingIsABadRequestAndChangesNothing(String malformed) throws Exception {
        CoapResponse created = register("300", "U");
        assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
        String location = "/" + created.getOptions().getLocationPathString();
        List<String> query = new ArrayList<>(List.of(malformed, "epi=" + DmLab.EPI));

        CoapResponse refused = post(location, query, null);

        assertThat(refused.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(rejections(1)).singleElement().satisfies(event -> {
            assertThat(event.reason()).startsWith("update answered 4.00: ");
            assertThat(event.endpoint()).isEqualTo(DmLab.ENDPOINT);
        });
        assertThat(lab.events("update")).isEmpty();
        assertThat(lab.device(DmLab.ENDPOINT).lifetime()).isEqualTo(300);

        assertThat(post(location, List.of("lt=600", "epi=" + DmLab.EPI), null).getCode())
                .isEqualTo(ResponseCode.CHANGED);
        assertThat(lab.device(DmLab.ENDPOINT).lifetime()).isEqualTo(600);
    }
}
