package dev.selfreg.capture.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes a pcapng file: one section, interfaces named after what listens there, packets with nanosecond times
 * ({@code if_tsresol} 9). Bounded: once a packet would take the file past its limit, it and every later one are left
 * out, and {@link #full()} says so; what was written stays a valid capture. Thread-safe.
 */
public final class PcapngWriter implements Closeable {

    private static final int SECTION = 0x0A0D0D0A;
    private static final int INTERFACE = 1;
    private static final int ENHANCED_PACKET = 6;
    private static final short OPTION_NAME = 2;
    private static final short OPTION_TSRESOL = 9;
    private static final byte NANOSECONDS = 9;
    private static final int SNAPSHOT = 262_144;

    private final OutputStream out;
    private final long limit;
    private long written;
    private int interfaces;
    private boolean full;

    /**
     * Writes the section header.
     *
     * @param limit the most bytes the file may hold
     */
    public PcapngWriter(OutputStream out, long limit) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.limit = limit;
        ByteBuffer body = little(16);
        body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        block(SECTION, body.array(), true);
    }

    /**
     * Adds an interface.
     *
     * @param name what Wireshark shows as the interface, e.g. {@code ct-coap 127.0.0.1:5683}
     * @return its id, for {@link #packet}
     */
    public synchronized int addInterface(LinkType linkType, String name) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int nameLength = Math.min(nameBytes.length, 0xFFFF);
        ByteBuffer body = little(8 + 4 + padded(nameLength) + 4 + 4 + 4);
        body.putShort((short) linkType.number()).putShort((short) 0).putInt(SNAPSHOT);
        body.putShort(OPTION_NAME).putShort((short) nameLength).put(nameBytes, 0, nameLength);
        body.position(body.position() + padded(nameLength) - nameLength);
        body.putShort(OPTION_TSRESOL).putShort((short) 1).put(NANOSECONDS).put(new byte[3]);
        body.putInt(0); // opt_endofopt
        block(INTERFACE, body.array(), true);
        return interfaces++;
    }

    /** Writes a packet on an interface; left out once the file is full. */
    public synchronized void packet(int interfaceId, Instant time, byte[] data) throws IOException {
        if (interfaceId < 0 || interfaceId >= interfaces) {
            throw new IllegalArgumentException("no interface " + interfaceId);
        }
        long stamp = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        ByteBuffer body = little(20 + padded(data.length));
        body.putInt(interfaceId).putInt((int) (stamp >>> 32)).putInt((int) stamp)
                .putInt(data.length).putInt(data.length).put(data);
        block(ENHANCED_PACKET, body.array(), false);
    }

    /** Whether packets have been left out for the limit. */
    public synchronized boolean full() {
        return full;
    }

    /** The bytes written so far. */
    public synchronized long size() {
        return written;
    }

    private void block(int type, byte[] body, boolean always) throws IOException {
        int length = 12 + body.length;
        if (full || !always && written + length > limit) {
            full = true;
            return;
        }
        ByteBuffer block = little(length);
        block.putInt(type).putInt(length).put(body).putInt(length);
        out.write(block.array());
        out.flush();
        written += length;
    }

    private static int padded(int length) {
        return (length + 3) / 4 * 4;
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
