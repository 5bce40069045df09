package dev.selfreg.platform.ct;

import static dev.selfreg.platform.ct.ZzhcFixtures.TEST_VECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.selfreg.platform.store.CtRejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.Size;
import dev.selfreg.platform.TestCoapClients;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * Random and oversized input to both ZZHC front ends: each is answered or dropped, every
 * rejection is recorded, and a good report is still accepted afterwards. Arbitrary JSON objects —
 * any keys, any value types, up to the body limit — are always answered and recorded, with the
 * dialect they were written in.
 */
class ZzhcFuzzProperties {

    private static ZzhcFixtures lab;
    private static ZzhcCoapServer coap;
    private static ZzhcHttpServer http;
    private static CoapClient client;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

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

    @Property(tries = 100)
    void anyJsonObjectAsACoapReportIsAnsweredAndRecordedWithItsDialect(@ForAll("reportObjects") ObjectNode object)
            throws Exception {
        int registrations = registrations();
        int before = recorded();
        CoapResponse response = client.post(base64(object), 0);

        assertThat(response).isNotNull();
        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(response.getResponseText()).startsWith("{\"resultCode\":\"");
        assertRecordedWithADialect(before, registrations);
    }

    @Property(tries = 100)
    void anyJsonObjectAsAnHttpReportIsAnsweredAndRecordedWithItsDialect(@ForAll("reportObjects") ObjectNode object)
            throws Exception {
        int registrations = registrations();
        int before = recorded();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(base64(object))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"resultCode\":\"");
        assertRecordedWithADialect(before, registrations);
    }

    /**
     * One more record, registration or rejection; it carries the dialect of its JSON object unless the object has a
     * string with no UTF-8 form (a lone surrogate escape), which is malformed.
     */
    private static void assertRecordedWithADialect(int before, int registrationsBefore) {
        assertThat(recorded()).isEqualTo(before + 1);
        if (registrations() > registrationsBefore) {
            assertThat(lab.records.store().ctRegistrations(null, 1).get(0).dialect()).isPresent();
        } else {
            CtRejection rejection = lab.records.store().ctRejections(1).get(0);
            assertThat(rejection.dialect().isPresent() || rejection.resultCode().equals("1")).as(rejection.detail())
                    .isTrue();
        }
    }

    private static int registrations() {
        return lab.records.store().ctRegistrations(null, 100_000).size();
    }

    /**
     * JSON objects as a report could be: any keys (the report's among them), values of every type nested a few
     * levels, and sometimes a valid v2 report underneath, so that both verdicts are reached; as large as the body
     * limit allows once in Base64.
     */
    @Provide
    Arbitrary<ObjectNode> reportObjects() {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("REGVER", "MEID", "MODEL", "MODELSMS", "SWVER",
                "IMEI1", "SIM1CDMAIMSI", "SIM1ICCID", "SIM1LTEIMSI", "SIM1CELLID", "REGDATE", "UETYPE", "MACID", "IMEI2"),
                Arbitraries.strings().ofMaxLength(20));
        Arbitrary<Map<String, JsonNode>> fields = Arbitraries.maps(keys, jsonValues(3)).ofMaxSize(40);
        return Combinators.combine(Arbitraries.of(true, false), fields).as((valid, more) -> {
            ObjectNode object = valid ? testVector() : JsonNodeFactory.instance.objectNode();
            more.forEach(object::set);
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            while (base64(object).length > ZzhcService.MAX_BODY_BYTES) {
                object.remove(names.remove(names.size() - 1)); // the arbitrary fields go first
            }
            return object;
        });
    }

    private static Arbitrary<JsonNode> jsonValues(int depth) {
        List<Arbitrary<JsonNode>> leaves = List.of(
                Arbitraries.strings().ofMaxLength(200).map(TextNode::valueOf),
                Arbitraries.integers().map(IntNode::valueOf),
                Arbitraries.longs().map(LongNode::valueOf),
                Arbitraries.bigDecimals().ofScale(3).map(DecimalNode::valueOf),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.getInstance()));
        if (depth == 0) {
            return Arbitraries.oneOf(leaves);
        }
        Arbitrary<JsonNode> arrays = jsonValues(depth - 1).list().ofMaxSize(5).map(elements -> {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            elements.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.strings().ofMaxLength(10), jsonValues(depth - 1))
                .ofMaxSize(5).map(members -> {
                    ObjectNode nested = JsonNodeFactory.instance.objectNode();
                    members.forEach(nested::set);
                    return nested;
                });
        List<Arbitrary<JsonNode>> all = new ArrayList<>(leaves);
        all.add(arrays);
        all.add(objects);
        return Arbitraries.oneOf(all);
    }

    private static ObjectNode testVector() {
        try {
            return (ObjectNode) JSON.readTree(Base64.getDecoder().decode(TEST_VECTOR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard Base64 of the object's JSON, every non-ASCII character escaped (lone surrogates included). */
    private static byte[] base64(ObjectNode object) {
        try {
            return Base64.getEncoder().encode(JSON.writeValueAsBytes(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises with every non-ASCII character escaped", e);
        }
    }

    @Property(tries = 150)
    void anyDatagramLeavesTheCoapServerServing(@ForAll @Size(max = 1500) byte[] datagram) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress("127.0.0.1", coap.port())));
        }
        assertThat(client.post(TEST_VECTOR, 0).getResponseText()).contains("\"resultCode\":\"0\"");
    }
}
