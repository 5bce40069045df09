package dev.selfreg.capture.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A body sent in HTTP/1.1's chunked transfer coding (RFC 9112 section 7.1), decoded: each chunk's size in hex (its
 * extensions after {@code ;} ignored), its data, and after the last chunk of size 0 any trailer fields up to the empty
 * line.
 *
 * @param body the chunks' data, joined
 * @param end where the message ends in the bytes it was read from
 */
record Dechunked(byte[] body, int end) {

    /**
     * The chunked body starting at {@code from}.
     *
     * @return null when the bytes end before the last chunk and its trailer do
     * @throws IllegalArgumentException when a chunk's size line is not a hex number or its data is not followed by
     *     CRLF
     */
    static Dechunked of(byte[] bytes, int from) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = from;
        while (true) {
            int lineEnd = lineEnd(bytes, at);
            if (lineEnd < 0) {
                return null;
            }
            String line = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = line.indexOf(';');
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            if (hex.isEmpty() || hex.length() > 7 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException("not a chunk size: " + line);
            }
            int size = Integer.parseInt(hex, 16);
            at = lineEnd + 2;
            if (size == 0) {
                return trailer(bytes, at, body);
            }
            if (bytes.length < at + size + 2) {
                return null;
            }
            if (bytes[at + size] != '\r' || bytes[at + size + 1] != '\n') {
                throw new IllegalArgumentException("a chunk of " + size + " bytes not followed by CRLF");
            }
            body.write(bytes, at, size);
            at += size + 2;
        }
    }

    /** The trailer fields after the last chunk, each a line, ended by an empty line. */
    private static Dechunked trailer(byte[] bytes, int at, ByteArrayOutputStream body) {
        while (true) {
            int lineEnd = lineEnd(bytes, at);
            if (lineEnd < 0) {
                return null;
            }
            if (lineEnd == at) {
                return new Dechunked(body.toByteArray(), at + 2);
            }
            at = lineEnd + 2;
        }
    }

    /** Where the CRLF ending the line at {@code from} starts; -1 when the bytes end before it. */
    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
