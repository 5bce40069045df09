package dev.selfreg.capture.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.capture.file.CaptureReader;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@link WireTap} on a {@link WireRecorder}: told of the same traffic the file gets, or of all of it without one. */
class WireRecorderTapTest {

    private static final InetSocketAddress LISTENER = new InetSocketAddress("127.0.0.1", 5683);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40001);
    private static final Instant LAB_TIME = Instant.parse("2026-12-31T23:59:59Z");

    private final List<String> told = new ArrayList<>();
    private final WireTap tap = new WireTap() {
        @Override
        public void datagram(Instant time, String listener, InetSocketAddress local, InetSocketAddress peer,
                boolean received, byte[] payload) {
            told.add(time + " " + listener + " " + (received ? "from " : "to ") + peer.getPort() + " "
                    + new String(payload, StandardCharsets.US_ASCII));
        }

        @Override
        public void httpExchange(String listener, InetSocketAddress server, InetSocketAddress client,
                Instant receivedAt, Instant answeredAt, byte[] request, byte[] response) {
            told.add(receivedAt + " " + listener + " " + new String(request, StandardCharsets.US_ASCII) + " / "
                    + new String(response, StandardCharsets.US_ASCII) + " at " + answeredAt);
        }
    };

    @Test
    void withoutAFileTheTapIsToldOfEveryDatagramAndExchangeOnTheClockGiven() {
        WireRecorder recorder = WireRecorder.none().tappedBy(tap, Clock.fixed(LAB_TIME, ZoneOffset.UTC));

        recorder.listenerDatagram("ct-coap", LISTENER, PEER, true, "report".getBytes(StandardCharsets.US_ASCII));
        recorder.listenerDatagram("ct-coap", LISTENER, PEER, false, "reply".getBytes(StandardCharsets.US_ASCII));
        recorder.httpExchange("ct-http", LISTENER, PEER, recorder.now(), "POST".getBytes(StandardCharsets.US_ASCII),
                "200".getBytes(StandardCharsets.US_ASCII));

        assertThat(recorder.recording()).isTrue();
        assertThat(told).containsExactly(LAB_TIME + " ct-coap from 40001 report", LAB_TIME + " ct-coap to 40001 reply",
                LAB_TIME + " ct-http POST / 200 at " + LAB_TIME);
    }

    @Test
    void withAFileTheTapIsToldOfWhatTheFileGetsAtTheFilesTimes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wire.pcapng");
        WireRecorder recorder = WireRecorder.open(file, 1 << 20, Clock.fixed(LAB_TIME, ZoneOffset.UTC));

        WireRecorder tapped = recorder.tappedBy(tap, Clock.systemUTC());
        tapped.listenerDatagram("dm", LISTENER, PEER, true, "register".getBytes(StandardCharsets.US_ASCII));
        tapped.close();

        assertThat(tapped).isSameAs(recorder);
        assertThat(told).containsExactly(LAB_TIME + " dm from 40001 register");
        try (InputStream in = Files.newInputStream(file); CaptureReader reader = new CaptureReader(in)) {
            assertThat(reader.next()).hasValueSatisfying(frame -> assertThat(frame.time()).isEqualTo(LAB_TIME));
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void aRecorderTakesOneTap() {
        WireRecorder recorder = WireRecorder.none().tappedBy(tap, Clock.systemUTC());

        assertThatThrownBy(() -> recorder.tappedBy(tap, Clock.systemUTC())).isInstanceOf(IllegalStateException.class)
                .hasMessage("the recorder has a tap already");
    }
}
