package dev.selfreg.platform.dm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.protocol.cmdmp.DmEndpointName;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;

/**
 * Random and oversized input to the DM service: each request is answered and counted exactly once, no input makes
 * it fail (5.00), and a good Register still works afterwards.
 */
class DmFuzzProperties {

    private static final Pattern SELFREG_COUNTER = Pattern.compile("(?m)^selfreg_messages_total\\{[^}]*} (\\d+)$");

    private static DmLab lab;
    private static ServingClient device;

    @BeforeContainer
    static void start() {
        lab = new DmLab();
        device = new ServingClient();
    }

    @AfterContainer
    static void stop() {
        device.close();
        lab.close();
    }

    /** Every message counted so far, whatever its outcome. */
    private static long counted() {
        return SELFREG_COUNTER.matcher(lab.metrics.prometheusText()).results()
                .mapToLong(counter -> Long.parseLong(counter.group(1))).sum();
    }

    private static CoapResponse send(Code method, String path, List<String> query, byte[] payload) throws Exception {
        Request request = new Request(method);
        request.setURI(lab.uri("/"));
        request.getOptions().setUriPath(path);
        query.forEach(option -> request.getOptions().addUriQuery(option));
        if (request.isIntendedPayload()) {
            request.setPayload(payload);
            request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
        }
        return device.client().advanced(request);
    }

    /** Sends, then checks the answer is no failure, the count grew by one, and a good Register still works. */
    private static void answeredCountedAndStillServing(Code method, String path, List<String> query, byte[] payload)
            throws Exception {
        long before = counted();
        CoapResponse response = send(method, path, query, payload);

        assertThat(response).as("an answer").isNotNull();
        assertThat(response.getCode()).isNotEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
        // A request Leshan answers itself is counted just after its answer.
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(5))
                .until(() -> counted() == before + 1);
        CoapResponse good = send(Code.POST, "rd",
                List.of("ep=" + DmLab.ENDPOINT, "lt=300", "lwm2m=1.0", "b=U"),
                DmLab.OBJECT_LINKS.getBytes(StandardCharsets.UTF_8));
        assertThat(good.getCode()).isEqualTo(ResponseCode.CREATED);
    }

    @Property(tries = 300)
    void anyPayloadAndQueryPostedToRdIsAnsweredAndCounted(
            @ForAll @Size(max = 6000) byte[] payload,
            @ForAll @Size(max = 6) List<@StringLength(max = 60) String> query) throws Exception {
        answeredCountedAndStillServing(Code.POST, "rd", query, payload);
    }

    @Property(tries = 500)
    void anyEndpointNameInAnOtherwiseGoodRegisterIsAnsweredAndCounted(@ForAll("endpointNames") String endpoint)
            throws Exception {
        answeredCountedAndStillServing(Code.POST, "rd", List.of("ep=" + endpoint, "lt=300", "lwm2m=1.0", "b=U"),
                DmLab.OBJECT_LINKS.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void anyLifetimeAndBindingInAnOtherwiseGoodRegisterIsAnsweredAndCounted(
            @ForAll("queryValues") String lifetime, @ForAll("queryValues") String binding) throws Exception {
        answeredCountedAndStillServing(Code.POST, "rd", List.of("ep=" + DmLab.ENDPOINT, "lt=" + lifetime, "lwm2m=1.0",
                "b=" + binding), DmLab.OBJECT_LINKS.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void anyMethodOnAnyPathIsAnsweredAndCounted(
            @ForAll("methods") Code method,
            @ForAll @Size(max = 4) List<@StringLength(min = 1, max = 20) String> segments,
            @ForAll @Size(max = 2000) byte[] payload) throws Exception {
        answeredCountedAndStillServing(method, String.join("/", segments), List.of(), payload);
    }

    @Property(tries = 300)
    void anyDatagramLeavesTheServiceServing(@ForAll @Size(max = 3000) byte[] datagram) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.send(new DatagramPacket(datagram, datagram.length,
                    new InetSocketAddress("127.0.0.1", lab.service.port())));
        }
        CoapResponse good = send(Code.POST, "rd", List.of("ep=" + DmLab.ENDPOINT, "lt=300", "lwm2m=1.0", "b=U"),
                DmLab.OBJECT_LINKS.getBytes(StandardCharsets.UTF_8));
        assertThat(good.getCode()).isEqualTo(ResponseCode.CREATED);
    }

    @Provide
    Arbitrary<String> queryValues() {
        return DmQueryValues.lifetimesAndBindings();
    }

    @Provide
    Arbitrary<Code> methods() {
        return Arbitraries.of(Code.values());
    }

    /**
     * Endpoint names near the DM 2.0 shape: the test vector's fields, Base64, long APPkeys and noise, joined by
     * {@code @#@} or not, within the 255 bytes of a Uri-Query option.
     */
    @Provide
    Arbitrary<String> endpointNames() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.of("I", "L", "A", "v2.0", DmLab.APP_KEY, DmLab.IMEI, DmLab.EPI, DmLab.PASSWORD, ""),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
                        .ofMaxLength(90),
                Arbitraries.strings().alpha().ofMinLength(120).ofMaxLength(160),
                Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> separated = field.list().ofMinSize(1).ofMaxSize(7)
                .map(fields -> String.join(DmEndpointName.SEPARATOR, fields));
        Arbitrary<String> almostTheTestVector = Combinators.combine(Arbitraries.integers().between(0, 104),
                        Arbitraries.of('@', '#', '=', '+', '/', 'A', 'a', 'Z', '0', ' '))
                .as((at, c) -> DmLab.ENDPOINT.substring(0, at) + c + DmLab.ENDPOINT.substring(at + 1));
        return Arbitraries.oneOf(separated, almostTheTestVector)
                .filter(name -> !name.isEmpty())
                .filter(name -> ("ep=" + name).getBytes(StandardCharsets.UTF_8).length <= 255);
    }
}
