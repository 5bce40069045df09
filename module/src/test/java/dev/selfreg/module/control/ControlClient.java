package dev.selfreg.module.control;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A person's curl against a control API on loopback: one request, its answer as text. */
final class ControlClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ControlApi api;

    ControlClient(ControlApi api) {
        this.api = api;
    }

    /** {@code method path} with {@code body} (none when null). */
    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
