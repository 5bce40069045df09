package dev.selfreg.module.host;

import java.io.OutputStream;
import java.time.Duration;

/**
 * The speed of a serial line at {@code baud} bit/s, 8N1: every byte takes ten bits (start, eight
 * data, stop). A host port given a rate sends the module's output at that speed, so that an MCU
 * driver whose timeouts are tuned to a real UART sees answers arrive as they would over one.
 */
public record LineRate(int baud) {

    /** Start bit, eight data bits, stop bit. */
    static final int BITS_PER_BYTE = 10;

    public LineRate {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baud);
        }
    }

    /** How long {@code bytes} bytes take on the line, to the nanosecond above. */
    public Duration timeFor(int bytes) {
        return Duration.ofNanos(nanosUp((long) bytes * BITS_PER_BYTE));
    }

    /** A byte's time, rounded up: output paced by it is never faster than the line. */
    long nanosPerByte() {
        return nanosUp(BITS_PER_BYTE);
    }

    private long nanosUp(long bits) {
        return (bits * 1_000_000_000L + baud - 1) / baud;
    }

    /** {@code out} at this rate. */
    OutputStream pace(OutputStream out) {
        return new PacedOutputStream(out, this);
    }
}
