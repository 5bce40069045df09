package dev.selfreg.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A transport between the channel and a real one that a test can tamper with: it passes
 * received text through a rewrite, whole lines at a time, once {@code RDY} has been seen when
 * asked to wait for it (a module lying only after its reboot).
 */
final class TappedTransport implements AtTransport {

    private final AtTransport inner;
    private final UnaryOperator<String> rewrite;
    private final boolean rewriteAfterRdyOnly;
    private final StringBuilder partial = new StringBuilder();
    private byte[] ready = new byte[0];
    private boolean rdySeen;

    TappedTransport(AtTransport inner, UnaryOperator<String> rewrite, boolean rewriteAfterRdyOnly) {
        this.inner = inner;
        this.rewrite = rewrite;
        this.rewriteAfterRdyOnly = rewriteAfterRdyOnly;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        while (ready.length == 0) {
            byte[] chunk = new byte[buffer.length];
            int n = inner.read(chunk);
            if (n < 0) {
                return -1;
            }
            partial.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
            int end = partial.lastIndexOf("\n");
            if (end >= 0) {
                String lines = partial.substring(0, end + 1);
                partial.delete(0, end + 1);
                boolean rewriting = !rewriteAfterRdyOnly || rdySeen;
                rdySeen |= lines.contains("\r\nRDY\r\n");
                ready = (rewriting ? rewrite.apply(lines) : lines).getBytes(StandardCharsets.UTF_8);
            }
        }
        int n = Math.min(buffer.length, ready.length);
        System.arraycopy(ready, 0, buffer, 0, n);
        byte[] rest = new byte[ready.length - n];
        System.arraycopy(ready, n, rest, 0, rest.length);
        ready = rest;
        return n;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        inner.write(bytes);
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public void close() {
        inner.close();
    }
}
