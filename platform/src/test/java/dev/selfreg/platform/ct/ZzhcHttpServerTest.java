package dev.selfreg.platform.ct;

import static dev.selfreg.platform.ct.ZzhcFixtures.TEST_VECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZzhcHttpServerTest {

    private final ZzhcFixtures lab = new ZzhcFixtures();
    private final ZzhcHttpServer server = ZzhcHttpServer.start(lab.service, "127.0.0.1", 0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", ZzhcHttpServer.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReportPostedToTheRootIsAcceptedAndStoredAsHttp() throws Exception {
        HttpResponse<String> response = post("/", TEST_VECTOR);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"resultCode\":\"0\",\"resultDesc\":\"Success\"}");
        assertThat(lab.records.store().ctRegistrations(null, 10)).singleElement()
                .satisfies(r -> assertThat(r.transport()).isEqualTo("http"));
    }

    @Test
    void aRejectedReportIsAnswered200WithTheLabCode() throws Exception {
        HttpResponse<String> response = post("/", "garbage");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"resultCode\":\"1\",\"resultDesc\":\"Malformed\"}");
    }

    @Test
    void aBodyJustOverTheLimitIsRejectedAsMalformedWithItsSize() throws Exception {
        HttpResponse<String> response = post("/", "A".repeat(ZzhcService.MAX_BODY_BYTES + 1));
        assertThat(response.body()).isEqualTo("{\"resultCode\":\"1\",\"resultDesc\":\"Malformed\"}");
        assertThat(lab.records.store().ctRejections(1).get(0).detail()).contains("4097 bytes");
    }

    @Test
    void aFarLargerBodyIsRefusedWithoutBeingStored() throws Exception {
        HttpResponse<String> response = post("/", "A".repeat(64 * 1024));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(lab.records.store().ctRegistrations(null, 10)).isEmpty();
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        assertThat(post("/nb", TEST_VECTOR).statusCode()).isEqualTo(404);
    }
}
