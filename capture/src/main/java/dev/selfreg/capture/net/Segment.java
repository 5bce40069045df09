package dev.selfreg.capture.net;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A UDP datagram or a TCP segment taken out of a captured frame.
 *
 * @param frame the number of the frame it came in (Wireshark's {@code frame.number})
 * @param time when it was captured
 * @param transport UDP or TCP
 * @param source the sender's address and port
 * @param destination the receiver's
 * @param sequence TCP's sequence number (0 for UDP)
 * @param flags TCP's flags (0 for UDP): {@link #SYN}, {@link #FIN}, {@link #RST}
 * @param payload what it carries
 */
public record Segment(long frame, Instant time, Transport transport, InetSocketAddress source,
                      InetSocketAddress destination, long sequence, int flags, byte[] payload) {

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    /** Requires every reference. */
    public Segment {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
    }

    /** Whether a TCP flag is set. */
    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
