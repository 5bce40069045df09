package dev.selfreg.capture.file;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a pcap or pcapng file one packet at a time, in constant memory (but for one packet): the libpcap format of
 * tcpdump.org's {@code pcap-savefile(5)}, microsecond and nanosecond, either byte order; and pcapng (RFC draft
 * {@code draft-ietf-opsawg-pcapng}) with its sections, interfaces ({@code if_tsresol}, {@code if_tsoffset}) and
 * enhanced, simple and obsolete packet blocks; other blocks are skipped.
 *
 * <p>Damage stops reading with a {@link CaptureDamageException} naming the offset; every packet returned before it
 * was whole. No library does this for both formats (README, "Wire captures", says which were tried).
 */
public final class CaptureReader implements Closeable {

    private static final int PCAP_MAGIC_MICROS = 0xA1B2C3D4;
    private static final int PCAP_MAGIC_NANOS = 0xA1B23C4D;
    private static final int PCAPNG_SECTION = 0x0A0D0D0A;
    private static final int PCAPNG_BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int BLOCK_INTERFACE = 1;
    private static final int BLOCK_PACKET_OBSOLETE = 2;
    private static final int BLOCK_SIMPLE_PACKET = 3;
    private static final int BLOCK_ENHANCED_PACKET = 6;
    private static final int OPTION_END = 0;
    private static final int OPTION_TSRESOL = 9;
    private static final int OPTION_TSOFFSET = 14;
    /** Larger than any packet a capture tool writes (snapshot lengths stop at 256 KiB); a larger one is corrupt. */
    private static final int MAX_RECORD = 1 << 20;
    private static final int PCAP_HEADER = 24;
    private static final int PCAP_RECORD_HEADER = 16;

    private final InputStream in;
    private long position;
    private final boolean pcapng;
    private ByteOrder order;
    // pcap: the one link type and time unit
    private LinkType pcapLinkType;
    private long pcapUnitsPerSecond;
    // pcapng: the interfaces of the current section
    private final List<Interface> interfaces = new ArrayList<>();
    private Instant lastTime = Instant.EPOCH;
    private long frames;

    /** An interface of a pcapng section: its link type (empty when unknown), time resolution and offset. */
    private record Interface(Optional<LinkType> linkType, long linkTypeNumber, long unitsPerSecond,
                             long offsetSeconds) {
    }

    /**
     * Opens a capture, reading its file header.
     *
     * @throws CaptureDamageException when it is neither pcap nor pcapng, is cut short in its header, or (pcap) has a
     *     link type selfreg does not read
     */
    public CaptureReader(InputStream input) throws IOException, CaptureDamageException {
        this.in = new BufferedInputStream(input, 1 << 16);
        byte[] magic = readOrEnd(4, 0, "the file header");
        if (magic == null) {
            throw new CaptureDamageException(0, "an empty file, not a pcap or pcapng capture");
        }
        int big = ByteBuffer.wrap(magic).order(ByteOrder.BIG_ENDIAN).getInt();
        int little = ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (big == PCAPNG_SECTION) {
            pcapng = true;
            readSectionHeader(0);
        } else if (big == PCAP_MAGIC_MICROS || big == PCAP_MAGIC_NANOS) {
            pcapng = false;
            readPcapHeader(ByteOrder.BIG_ENDIAN, big == PCAP_MAGIC_NANOS);
        } else if (little == PCAP_MAGIC_MICROS || little == PCAP_MAGIC_NANOS) {
            pcapng = false;
            readPcapHeader(ByteOrder.LITTLE_ENDIAN, little == PCAP_MAGIC_NANOS);
        } else {
            throw new CaptureDamageException(0, String.format(
                    "not a pcap or pcapng capture (the file starts %02x %02x %02x %02x)",
                    magic[0], magic[1], magic[2], magic[3]));
        }
    }

    /** Whether the file is pcapng (else pcap). */
    public boolean pcapng() {
        return pcapng;
    }

    /** How many bytes have been read: after the last packet returned, where the next record starts. */
    public long position() {
        return position;
    }

    /**
     * The next packet.
     *
     * @return empty at the end of the file
     * @throws CaptureDamageException when the file is damaged at the next record; the packets before stay valid
     */
    public Optional<Frame> next() throws IOException, CaptureDamageException {
        return pcapng ? nextBlockPacket() : nextPcapRecord();
    }

    private void readPcapHeader(ByteOrder byteOrder, boolean nanos) throws IOException, CaptureDamageException {
        order = byteOrder;
        ByteBuffer header = buffer(read(PCAP_HEADER - 4, 0, "the pcap file header"));
        header.position(16);
        long network = header.getInt() & 0xFFFFL;
        pcapLinkType = LinkType.of(network).orElseThrow(() -> new CaptureDamageException(20,
                "link type " + network + ", which selfreg does not read (" + knownLinkTypes() + ")"));
        pcapUnitsPerSecond = nanos ? 1_000_000_000L : 1_000_000L;
    }

    private Optional<Frame> nextPcapRecord() throws IOException, CaptureDamageException {
        long start = position;
        byte[] head = readOrEnd(PCAP_RECORD_HEADER, start, "a packet record header");
        if (head == null) {
            return Optional.empty();
        }
        ByteBuffer h = buffer(head);
        long seconds = h.getInt() & 0xFFFFFFFFL;
        long fraction = h.getInt() & 0xFFFFFFFFL;
        long captured = h.getInt() & 0xFFFFFFFFL;
        if (captured > MAX_RECORD || fraction >= pcapUnitsPerSecond) {
            throw new CaptureDamageException(start, captured > MAX_RECORD
                    ? "a packet record of " + captured + " bytes: the file is corrupt"
                    : "a packet record whose sub-second part " + fraction + " is out of range: the file is corrupt");
        }
        byte[] data = read((int) captured, start, "a packet of " + captured + " bytes");
        lastTime = Instant.ofEpochSecond(seconds, fraction * (1_000_000_000L / pcapUnitsPerSecond));
        return Optional.of(new Frame(++frames, start, lastTime, pcapLinkType, 0, data));
    }

    private Optional<Frame> nextBlockPacket() throws IOException, CaptureDamageException {
        while (true) {
            long start = position;
            byte[] typeBytes = readOrEnd(4, start, "a block header");
            if (typeBytes == null) {
                return Optional.empty();
            }
            int type = buffer(typeBytes).getInt();
            if (type == PCAPNG_SECTION) {
                readSectionHeader(start);
                continue;
            }
            ByteBuffer body = blockBody(start);
            switch (type) {
                case BLOCK_INTERFACE -> interfaces.add(readInterface(body));
                case BLOCK_ENHANCED_PACKET -> {
                    int id = body.getInt();
                    long stamp = (body.getInt() & 0xFFFFFFFFL) << 32 | body.getInt() & 0xFFFFFFFFL;
                    return Optional.of(packet(start, id, stamp, body, body.getInt() & 0xFFFFFFFFL));
                }
                case BLOCK_PACKET_OBSOLETE -> {
                    int id = body.getShort() & 0xFFFF;
                    body.getShort();
                    long stamp = (body.getInt() & 0xFFFFFFFFL) << 32 | body.getInt() & 0xFFFFFFFFL;
                    return Optional.of(packet(start, id, stamp, body, body.getInt() & 0xFFFFFFFFL));
                }
                case BLOCK_SIMPLE_PACKET -> {
                    // No time of its own: it takes the last packet's. Its data is the rest of the block.
                    body.getInt();
                    Interface first = iface(start, 0);
                    byte[] data = new byte[body.remaining()];
                    body.get(data);
                    return Optional.of(new Frame(++frames, start, lastTime, linkType(start, 0, first), 0, data));
                }
                default -> {
                    // name resolution, statistics, custom blocks: nothing to judge
                }
            }
        }
    }

    private Frame packet(long start, int id, long stamp, ByteBuffer body, long captured)
            throws CaptureDamageException {
        body.getInt(); // the original length
        if (captured > body.remaining()) {
            throw new CaptureDamageException(start, "a packet of " + captured + " bytes in a block with room for "
                    + body.remaining() + ": the file is corrupt");
        }
        Interface iface = iface(start, id);
        LinkType linkType = linkType(start, id, iface);
        byte[] data = new byte[(int) captured];
        body.get(data);
        long seconds = Long.divideUnsigned(stamp, iface.unitsPerSecond());
        long units = Long.remainderUnsigned(stamp, iface.unitsPerSecond());
        long nanos = 1_000_000_000L % iface.unitsPerSecond() == 0
                ? units * (1_000_000_000L / iface.unitsPerSecond())
                : (long) ((double) units * 1e9 / iface.unitsPerSecond());
        try {
            lastTime = Instant.ofEpochSecond(seconds + iface.offsetSeconds(), nanos);
        } catch (DateTimeException e) {
            throw new CaptureDamageException(start, "a packet time stamp out of any calendar: the file is corrupt");
        }
        return new Frame(++frames, start, lastTime, linkType, id, data);
    }

    private Interface iface(long start, int id) throws CaptureDamageException {
        if (id < 0 || id >= interfaces.size()) {
            throw new CaptureDamageException(start, "a packet on interface " + id + ", which the section has not"
                    + " described (" + interfaces.size() + " interface(s)): the file is corrupt");
        }
        return interfaces.get(id);
    }

    private static LinkType linkType(long start, int id, Interface iface) throws CaptureDamageException {
        return iface.linkType().orElseThrow(() -> new CaptureDamageException(start, "a packet on interface " + id
                + " of link type " + iface.linkTypeNumber() + ", which selfreg does not read (" + knownLinkTypes()
                + ")"));
    }

    private void readSectionHeader(long start) throws IOException, CaptureDamageException {
        byte[] lengthAndMagic = read(8, start, "a section header block");
        ByteBuffer big = ByteBuffer.wrap(lengthAndMagic).order(ByteOrder.BIG_ENDIAN);
        if (big.getInt(4) == PCAPNG_BYTE_ORDER_MAGIC) {
            order = ByteOrder.BIG_ENDIAN;
        } else if (Integer.reverseBytes(big.getInt(4)) == PCAPNG_BYTE_ORDER_MAGIC) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else {
            throw new CaptureDamageException(start, "a section header block without its byte-order magic 1A2B3C4D");
        }
        long length = buffer(lengthAndMagic).getInt() & 0xFFFFFFFFL;
        if (length < 28 || length % 4 != 0 || length > MAX_RECORD) {
            throw new CaptureDamageException(start, "a section header block of length " + length
                    + ": the file is corrupt");
        }
        byte[] rest = read((int) length - 12, start, "a section header block of " + length + " bytes");
        checkTrailer(start, length, rest);
        interfaces.clear();
    }

    /** Reads a block's length, body and trailing length; returns the body. */
    private ByteBuffer blockBody(long start) throws IOException, CaptureDamageException {
        long length = buffer(read(4, start, "a block header")).getInt() & 0xFFFFFFFFL;
        if (length < 12 || length % 4 != 0 || length > MAX_RECORD) {
            throw new CaptureDamageException(start, "a block of length " + length + ": the file is corrupt");
        }
        byte[] rest = read((int) length - 8, start, "a block of " + length + " bytes");
        checkTrailer(start, length, rest);
        ByteBuffer body = buffer(rest);
        body.limit(rest.length - 4);
        return body;
    }

    private void checkTrailer(long start, long length, byte[] rest) throws CaptureDamageException {
        long trailer = buffer(rest).getInt(rest.length - 4) & 0xFFFFFFFFL;
        if (trailer != length) {
            throw new CaptureDamageException(start, "a block whose length says " + length + " at its start and "
                    + trailer + " at its end: the file is corrupt");
        }
    }

    private Interface readInterface(ByteBuffer body) {
        long linkType = body.getShort() & 0xFFFFL;
        body.getShort();
        body.getInt(); // the snapshot length
        long unitsPerSecond = 1_000_000L;
        long offsetSeconds = 0;
        while (body.remaining() >= 4) {
            int code = body.getShort() & 0xFFFF;
            int length = body.getShort() & 0xFFFF;
            if (code == OPTION_END || length > body.remaining()) {
                break;
            }
            int next = body.position() + (length + 3) / 4 * 4;
            if (code == OPTION_TSRESOL && length >= 1) {
                unitsPerSecond = unitsPerSecond(body.get());
            } else if (code == OPTION_TSOFFSET && length >= 8) {
                offsetSeconds = body.getLong();
            }
            body.position(Math.min(next, body.limit()));
        }
        return new Interface(LinkType.of(linkType), linkType, unitsPerSecond, offsetSeconds);
    }

    /** {@code if_tsresol}: a power of ten, or of two when the top bit is set; beyond what a long holds, micros. */
    private static long unitsPerSecond(byte resolution) {
        int exponent = resolution & 0x7F;
        boolean binary = (resolution & 0x80) != 0;
        if (binary) {
            return exponent < 63 ? 1L << exponent : 1_000_000L;
        }
        return exponent <= 18 ? (long) Math.pow(10, exponent) : 1_000_000L;
    }

    private ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(order == null ? ByteOrder.BIG_ENDIAN : order);
    }

    private byte[] read(int count, long recordStart, String what) throws IOException, CaptureDamageException {
        byte[] bytes = readOrEnd(count, recordStart, what);
        if (bytes == null) {
            throw new CaptureDamageException(recordStart, "the file ends before " + what);
        }
        return bytes;
    }

    /** The next {@code count} bytes; null at a clean end of file (no byte at all); damage when cut within. */
    private byte[] readOrEnd(int count, long recordStart, String what) throws IOException, CaptureDamageException {
        byte[] bytes = in.readNBytes(count);
        position += bytes.length;
        if (bytes.length == 0 && count > 0) {
            return null;
        }
        if (bytes.length < count) {
            throw new CaptureDamageException(recordStart, "the file is cut short in " + what + " (" + bytes.length
                    + " of " + count + " bytes)");
        }
        return bytes;
    }

    private static String knownLinkTypes() {
        StringBuilder text = new StringBuilder("it reads");
        for (LinkType type : LinkType.values()) {
            text.append(' ').append(type.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(type.number());
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
