package dev.selfreg.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A test client of the live stream: collects the lines it receives, on a thread of its own. */
public final class LiveListener implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Stream<String> body;
    private final int status;

    LiveListener(WebTestBench bench, String query) {
        this(bench.http(), URI.create(bench.url(WebServer.LIVE_PATH + query)));
    }

    /** Listens to the live stream at {@code live}, the whole URL. */
    public LiveListener(HttpClient http, URI live) {
        HttpRequest request = HttpRequest.newBuilder(live)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        status = response.statusCode();
        body = response.body();
        Thread reader = new Thread(() -> {
            try {
                body.forEach(lines::add);
            } catch (UncheckedIOException | IllegalStateException closed) {
                // the test closed the stream, or the server did
            }
        }, "live-listener");
        reader.setDaemon(true);
        reader.start();
    }

    LiveListener(WebTestBench bench) {
        this(bench, "");
    }

    int status() {
        return status;
    }

    /** Every line received so far. */
    public List<String> lines() {
        return lines;
    }

    /** The events received so far, as {@code name data} (the data of one line). */
    List<String> events() {
        List<String> events = new ArrayList<>();
        String name = null;
        for (String line : lines) {
            if (line.startsWith("event: ")) {
                name = line.substring("event: ".length());
            } else if (line.startsWith("data: ") && name != null) {
                events.add(name + " " + line.substring("data: ".length()));
                name = null;
            }
        }
        return events;
    }

    /** Whether the stream's first event, its ready event, came. */
    public boolean ready() {
        return events().stream().anyMatch(event -> event.startsWith(LiveStream.READY_EVENT + " "));
    }

    /** Stops listening. */
    @Override
    public void close() {
        body.close();
    }
}
