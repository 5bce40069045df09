package dev.selfreg.platform.store;

import dev.selfreg.protocol.cmdmp.DmDialect;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The frames of the {@link DmJournal}: a CMDMP event, and the device record it changed if any, as bytes and back.
 *
 * <p>A frame is {@code length} (4 bytes, of what follows the checksum), {@code crc} (4 bytes, CRC-32C of what
 * follows it), the event's id (8 bytes) and the record. A frame cut short by a crash, or changed on the disk, fails
 * its length or its checksum and is refused whole: a journal is read up to its last intact frame.
 */
final class DmJournalFrames {

    /** The bytes before a frame's id: its length and its checksum. */
    static final int HEADER = 8;
    /** The id's bytes. */
    private static final int ID = 8;
    /** No record comes near this; a larger length is a damaged frame. */
    static final int MAX_RECORD = 1 << 20;
    private static final byte VERSION = 1;

    /** An event and, when it changed a device, the device's new record; the event carries its id. */
    record Entry(DmEvent event, DmDevice device) {
        long id() {
            return event.id();
        }
    }

    private DmJournalFrames() {
    }

    /** The record's bytes, without its id (the journal gives it, in journal order, as it writes the frame). */
    static byte[] record(DmEvent event, DmDevice device) {
        Out out = new Out(device == null ? 256 : 768);
        out.putByte(VERSION);
        out.putInstant(event.time());
        out.putString(event.endpoint());
        out.putString(event.imei());
        out.putString(event.kind());
        out.putString(event.outcome());
        out.putString(event.reason());
        out.putString(Columns.dialect(event.dialect(), DmDialect::code));
        out.putByte(device == null ? 0 : 1);
        if (device != null) {
            putDevice(out, device);
        }
        return out.bytes();
    }

    /**
     * A record's bytes as {@link DataInputStream} reads them back, written straight into an array: a save encodes
     * one on a request thread, and a {@code DataOutputStream} hands each byte on alone.
     */
    private static final class Out {
        private ByteBuffer buffer;

        Out(int capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }

        private void room(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
                buffer.flip();
                larger.put(buffer);
                buffer = larger;
            }
        }

        void putByte(int value) {
            room(1);
            buffer.put((byte) value);
        }

        void putInt(int value) {
            room(4);
            buffer.putInt(value);
        }

        void putLong(long value) {
            room(8);
            buffer.putLong(value);
        }

        void putInstant(Instant instant) {
            putLong(instant.getEpochSecond());
            putInt(instant.getNano());
        }

        /** A string as its UTF-8 length (-1 for null) and bytes: not {@code writeUTF}, which stops at 65,535 bytes. */
        void putString(String text) {
            if (text == null) {
                putInt(-1);
                return;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            room(utf8.length);
            buffer.put(utf8);
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /** The bytes of the frame of {@code record}. */
    static int frameLength(byte[] record) {
        return HEADER + ID + record.length;
    }

    /** Puts the frame of {@code record} under {@code id} into {@code into}. */
    static void putFrame(ByteBuffer into, long id, byte[] record) {
        int start = into.position();
        into.putInt(ID + record.length).putInt(0).putLong(id).put(record);
        CRC32C crc = new CRC32C();
        crc.update(into.duplicate().position(start + HEADER).limit(into.position()));
        into.putInt(start + 4, (int) crc.getValue());
    }

    /**
     * The frame at the buffer's position, which it moves past the frame; null, the position left, when what is left
     * is not an intact frame (cut short, or its checksum or its contents wrong).
     */
    static Entry next(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.remaining() < HEADER) {
            return null;
        }
        int length = buffer.getInt(start);
        int crc = buffer.getInt(start + 4);
        if (length < ID || length > MAX_RECORD || buffer.remaining() - HEADER < length) {
            return null;
        }
        ByteBuffer body = buffer.duplicate().position(start + HEADER).limit(start + HEADER + length);
        CRC32C check = new CRC32C();
        check.update(body.duplicate());
        if ((int) check.getValue() != crc) {
            return null;
        }
        long id = body.getLong();
        byte[] record = new byte[length - ID];
        body.get(record);
        Entry entry;
        try {
            entry = entry(id, record);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        buffer.position(start + HEADER + length);
        return entry;
    }

    private static Entry entry(long id, byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        if (in.readByte() != VERSION) {
            throw new IOException("not a version " + VERSION + " record");
        }
        DmEvent event = new DmEvent(id, readInstant(in), readString(in), readString(in), readString(in),
                readString(in), readString(in), dialect(readString(in)));
        DmDevice device = in.readBoolean() ? readDevice(in) : null;
        if (in.read() != -1) {
            throw new IOException("bytes after the record");
        }
        return new Entry(event, device);
    }

    private static void putDevice(Out out, DmDevice d) {
        out.putString(d.endpoint());
        out.putString(d.imei());
        out.putString(d.imsi());
        out.putString(d.appKey());
        out.putString(d.tmlType());
        out.putString(d.state());
        out.putLong(d.lifetime());
        out.putInstant(d.registeredAt());
        out.putInstant(d.lastUpdate());
        out.putString(d.registrationId());
        out.putByte(d.appKeyKnown() ? 1 : 0);
        out.putInt(d.terminalInfo().size());
        for (Map.Entry<Integer, String> value : d.terminalInfo().entrySet()) {
            out.putInt(value.getKey());
            out.putString(value.getValue());
        }
        out.putString(Columns.dialect(d.dialect(), DmDialect::code));
    }

    private static DmDevice readDevice(DataInputStream in) throws IOException {
        String endpoint = readString(in);
        String imei = readString(in);
        String imsi = readString(in);
        String appKey = readString(in);
        String tmlType = readString(in);
        String state = readString(in);
        long lifetime = in.readLong();
        Instant registeredAt = readInstant(in);
        Instant lastUpdate = readInstant(in);
        String registrationId = readString(in);
        boolean appKeyKnown = in.readBoolean();
        int values = in.readInt();
        if (values < 0 || values > MAX_RECORD) {
            throw new IOException("a count of " + values + " terminal information values");
        }
        Map<Integer, String> terminalInfo = new HashMap<>();
        for (int i = 0; i < values; i++) {
            terminalInfo.put(in.readInt(), readString(in));
        }
        return new DmDevice(endpoint, imei, imsi, appKey, tmlType, state, lifetime, registeredAt, lastUpdate,
                registrationId, appKeyKnown, terminalInfo, dialect(readString(in)));
    }

    private static Optional<DmDialect> dialect(String code) throws IOException {
        if (code == null) {
            return Optional.empty();
        }
        Optional<DmDialect> dialect = DmDialect.parse(code);
        if (dialect.isEmpty()) {
            throw new IOException("dialect " + code + " is not one this selfreg knows");
        }
        return dialect;
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_RECORD) {
            throw new IOException("a string of " + length + " bytes");
        }
        byte[] utf8 = new byte[length];
        try {
            in.readFully(utf8);
        } catch (EOFException e) {
            throw new IOException("a string cut short", e);
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
