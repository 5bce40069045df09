package dev.selfreg.capture.exchange;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One HTTP/1.x message reassembled from a TCP stream.
 *
 * @param frame the number of the frame that completed it
 * @param time when it was complete
 * @param source who sent it
 * @param destination who received it
 * @param startLine its request or status line
 * @param body its body, as sent
 */
record HttpMessage(long frame, Instant time, InetSocketAddress source, InetSocketAddress destination,
                   String startLine, byte[] body) {

    /** Whether it is a request (a status line starts {@code HTTP/}). */
    boolean request() {
        return !startLine.startsWith("HTTP/");
    }

    /** A response's status code; 0 when the status line has none. */
    int status() {
        String[] parts = startLine.split(" ", 3);
        return parts.length >= 2 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0;
    }
}
