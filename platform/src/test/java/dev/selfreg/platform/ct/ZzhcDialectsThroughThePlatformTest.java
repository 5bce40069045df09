package dev.selfreg.platform.ct;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.platform.Libcoap;
import dev.selfreg.platform.RunningPlatform;
import dev.selfreg.protocol.zzhc.ZzhcSpecVectors;
import dev.selfreg.protocol.zzhc.ZzhcTransport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dialect vector of ct-zzhc-wire.md sent to the running platform the way its clients send it — CoAP through
 * libcoap's coap-client, HTTP through Java's HTTP client or, for NB-IoT firmware, a raw socket writing Nordic's
 * request — and found through the REST API with its dialect and its JSON as sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZzhcDialectsThroughThePlatformTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUCCESS = "{\"resultCode\":\"0\",\"resultDesc\":\"Success\"}";

    private RunningPlatform platform;

    @BeforeAll
    void start() {
        platform = RunningPlatform.start();
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    List<ZzhcSpecVectors> vectors() {
        return ZzhcSpecVectors.all();
    }

    List<ZzhcSpecVectors> coapVectors() {
        return ZzhcSpecVectors.all().stream().filter(v -> v.transport() == ZzhcTransport.COAP).toList();
    }

    List<ZzhcSpecVectors> httpVectors() {
        return ZzhcSpecVectors.all().stream().filter(v -> v.transport() == ZzhcTransport.HTTP).toList();
    }

    @ParameterizedTest
    @MethodSource("coapVectors")
    void aCoapVectorIsAnsweredSuccessAndRecordedWithItsDialect(ZzhcSpecVectors vector) throws Exception {
        Libcoap.Run run = Libcoap.run("-m", "post", "-t", "50", "-e", vector.base64(),
                "coap://127.0.0.1:" + platform.port("ct-coap") + "/nb");

        assertThat(run.output().strip()).isEqualTo(SUCCESS);
        assertNewestRegistration(vector, vector.dialect(), "coap");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void everyVectorPostedOverCoapToTheRootWithoutContentFormatIsRecordedInItsCoapDialect(ZzhcSpecVectors vector)
            throws Exception {
        Libcoap.Run run = Libcoap.run("-m", "post", "-e", vector.base64(),
                "coap://127.0.0.1:" + platform.port("ct-coap") + "/");

        assertThat(run.output().strip()).isEqualTo(SUCCESS);
        assertNewestRegistration(vector, vector.dialect().replace("+http-nb", ""), "coap");
    }

    @ParameterizedTest
    @MethodSource("httpVectors")
    void anHttpVectorIsAnsweredSuccessAndRecordedWithItsDialect(ZzhcSpecVectors vector) throws Exception {
        HttpResponse<String> response = platform.postReport(vector.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(SUCCESS);
        assertNewestRegistration(vector, vector.dialect(), "http");
    }

    @Test
    void nbIotFirmwarePostingNordicsRequestWithConnectionCloseIsAnsweredAndRecorded() throws Exception {
        ZzhcSpecVectors vector = ZzhcSpecVectors.named("v2-http");
        String request = "POST / HTTP/1.1\r\n"
                + "Host: zzhc.vnet.cn:9999\r\n"
                + "User-Agent: zzhc/1.0.0\r\n"
                + "Accept: */*\r\n"
                + "x-forwarded-for: 192.0.2.1\r\n"
                + "Content-Type: application/encrypted-json\r\n"
                + "Connection: close\r\n"
                + "Content-Length: " + vector.base64().length() + "\r\n\r\n"
                + vector.base64();
        String answer;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", platform.port("ct-http")), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer = readToEnd(socket.getInputStream()); // the server closes, as the client asked
        }

        assertThat(answer).startsWith("HTTP/1.1 200").endsWith(SUCCESS);
        assertNewestRegistration(vector, "v2+http-nb", "http");
    }

    @Test
    void aRejectedReportIsRecordedWithItsDialect() throws Exception {
        String json = ZzhcSpecVectors.named("v8-end-device").json().replace("460111234567890", "460041234567890");
        HttpResponse<String> response = platform.postReport(Base64.getEncoder()
                .encode(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.body()).isEqualTo("{\"resultCode\":\"3\",\"resultDesc\":\"Not a China Telecom IMSI\"}");
        JsonNode rejection = platform.api("/api/ct/rejections?limit=1").get(0);
        assertThat(rejection.get("dialect").asText()).isEqualTo("end-device+numbers");
        assertThat(rejection.get("dialectLabel").asText())
                .isEqualTo("REGVER 7.0/8.0, end-device fields; values as JSON numbers");
    }

    private void assertNewestRegistration(ZzhcSpecVectors vector, String dialect, String transport)
            throws Exception {
        JsonNode newest = platform.api("/api/ct/registrations?limit=1").get(0);
        assertThat(newest.get("dialect").asText()).as(vector.name()).isEqualTo(dialect);
        assertThat(newest.get("transport").asText()).isEqualTo(transport);
        assertThat(newest.get("imei").asText()).isEqualTo("869999000000001");
        assertThat(JSON.writeValueAsString(newest.get("report"))).as("the JSON as sent").isEqualTo(vector.json());
    }

    private static String readToEnd(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
