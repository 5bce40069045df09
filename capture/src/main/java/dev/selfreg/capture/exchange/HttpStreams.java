package dev.selfreg.capture.exchange;

import dev.selfreg.capture.net.Segment;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * TCP streams reassembled in sequence order (retransmissions trimmed, segments out of order held back) and framed
 * as HTTP/1.x messages by {@code Content-Length} or chunked transfer coding ({@link Dechunked}), or, for a response
 * with neither, by the end of the stream. Memory is
 * bounded per stream: a message larger than {@link #MAX_MESSAGE} or a stream whose gap does not fill within
 * {@link #MAX_HELD} segments is given up.
 */
final class HttpStreams {

    static final int MAX_MESSAGE = 1 << 20;
    static final int MAX_HELD = 256;
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final Map<Direction, Stream> streams = new HashMap<>();
    private final Consumer<HttpMessage> messages;

    HttpStreams(Consumer<HttpMessage> messages) {
        this.messages = messages;
    }

    private record Direction(InetSocketAddress source, InetSocketAddress destination) {
    }

    /** One direction of a connection: the next sequence number expected, the bytes not yet framed. */
    private static final class Stream {
        Long next;
        final TreeMap<Long, byte[]> held = new TreeMap<>();
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        boolean broken;
    }

    void accept(Segment segment) {
        Direction direction = new Direction(segment.source(), segment.destination());
        Stream stream = streams.computeIfAbsent(direction, d -> new Stream());
        if (segment.has(Segment.SYN)) {
            stream.next = (segment.sequence() + 1) & 0xFFFFFFFFL;
            stream.held.clear();
            stream.pending.reset();
            stream.broken = false;
        } else if (stream.next == null && segment.payload().length > 0) {
            stream.next = segment.sequence(); // joined the connection after its handshake
        }
        if (segment.payload().length > 0 && stream.next != null && !stream.broken) {
            stream.held.merge(segment.sequence(), segment.payload(), (a, b) -> a.length >= b.length ? a : b);
            drain(stream, segment, direction);
        }
        if (segment.has(Segment.FIN) || segment.has(Segment.RST)) {
            if (!stream.broken && stream.pending.size() > 0) {
                frame(stream, segment, direction, true);
            }
            streams.remove(direction);
        }
    }

    private void drain(Stream stream, Segment segment, Direction direction) {
        while (!stream.held.isEmpty()) {
            Map.Entry<Long, byte[]> first = stream.held.firstEntry();
            long behind = (stream.next - first.getKey()) & 0xFFFFFFFFL;
            if (behind > Integer.MAX_VALUE) {
                // ahead of what is expected: a gap; give up if it does not fill
                if (stream.held.size() > MAX_HELD) {
                    stream.broken = true;
                    stream.held.clear();
                }
                return;
            }
            stream.held.pollFirstEntry();
            byte[] data = first.getValue();
            if (behind < data.length) {
                stream.pending.write(data, (int) behind, data.length - (int) behind);
                stream.next = (stream.next + data.length - behind) & 0xFFFFFFFFL;
            }
        }
        frame(stream, segment, direction, false);
    }

    private void frame(Stream stream, Segment segment, Direction direction, boolean ended) {
        while (stream.pending.size() > 0) {
            byte[] bytes = stream.pending.toByteArray();
            int headerEnd = indexOf(bytes, HEADER_END);
            if (headerEnd < 0) {
                if (bytes.length > MAX_MESSAGE) {
                    stream.broken = true;
                }
                return;
            }
            String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
            String startLine = head.lines().findFirst().orElse("");
            int bodyStart = headerEnd + HEADER_END.length;
            long length = contentLength(head);
            boolean response = startLine.startsWith("HTTP/");
            int bodyEnd;
            byte[] body;
            if (header(head, "transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).endsWith("chunked"))
                    .orElse(false)) {
                // RFC 9112 6.3: chunked framing wins over any Content-Length
                Dechunked message;
                try {
                    message = Dechunked.of(bytes, bodyStart);
                } catch (IllegalArgumentException malformed) {
                    stream.broken = true;
                    return;
                }
                if (message == null) {
                    stream.broken = bytes.length > MAX_MESSAGE;
                    return; // the last chunk has not come yet
                }
                if (message.body().length > MAX_MESSAGE) {
                    stream.broken = true;
                    return;
                }
                bodyEnd = message.end();
                body = message.body();
            } else if (length >= 0) {
                if (length > MAX_MESSAGE) {
                    stream.broken = true;
                    return;
                }
                if (bytes.length - bodyStart < length) {
                    return;
                }
                bodyEnd = bodyStart + (int) length;
                body = Arrays.copyOfRange(bytes, bodyStart, bodyEnd);
            } else if (response && !ended) {
                return; // the body runs to the end of the stream
            } else {
                bodyEnd = response ? bytes.length : bodyStart;
                body = Arrays.copyOfRange(bytes, bodyStart, bodyEnd);
            }
            stream.pending.reset();
            stream.pending.write(bytes, bodyEnd, bytes.length - bodyEnd);
            messages.accept(new HttpMessage(segment.frame(), segment.time(), direction.source(),
                    direction.destination(), startLine, body));
        }
    }

    private static long contentLength(String head) {
        try {
            return header(head, "content-length").map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A header's value (the first of that name), by its lower-case name. */
    private static Optional<String> header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(line.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
