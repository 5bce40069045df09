package dev.selfreg.nvram;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/** Encodes and checks the NVRAM file format described in {@link FileNvramStore}. */
final class NvramFileFormat {

    private static final String MAGIC = "SELFREG-NVRAM";

    // Canonical numbers only (no leading zeros, lowercase hex), so a damaged header cannot
    // parse to the same values as the intact one.
    private static final Pattern HEADER = Pattern.compile("(" + MAGIC
            + " layout=([1-9][0-9]{0,8}) length=(0|[1-9][0-9]{0,9})) crc32=([0-9a-f]{8})");

    private NvramFileFormat() {}

    /** What a file that passed every check holds. */
    record Contents(int layoutVersion, NvramImage image) {}

    /** A file that fails a check; the message says which, for the open report. */
    static final class CorruptImageException extends Exception {
        CorruptImageException(String reason) {
            super(reason);
        }
    }

    static byte[] encode(int layoutVersion, NvramImage image) {
        StringBuilder payload = new StringBuilder();
        image.asMap().forEach((key, value) -> {
            escape(key, true, payload);
            payload.append('=');
            escape(value, false, payload);
            payload.append('\n');
        });
        byte[] payloadBytes = payload.toString().getBytes(UTF_8);
        String fields = MAGIC + " layout=" + layoutVersion + " length=" + payloadBytes.length;
        long crc = crc32(fields.getBytes(ISO_8859_1), payloadBytes);
        byte[] header =
                (fields + " crc32=" + String.format("%08x", crc) + "\n").getBytes(ISO_8859_1);
        return ByteBuffer.allocate(header.length + payloadBytes.length)
                .put(header)
                .put(payloadBytes)
                .array();
    }

    static Contents decode(byte[] file) throws CorruptImageException {
        int newline = indexOf(file, (byte) '\n');
        if (newline < 0) {
            throw new CorruptImageException("no header line");
        }
        // ISO-8859-1 maps bytes to chars one to one: the fields re-encode to the bytes read.
        Matcher header = HEADER.matcher(new String(file, 0, newline, ISO_8859_1));
        if (!header.matches()) {
            throw new CorruptImageException("unreadable header");
        }
        String fields = header.group(1);
        int layoutVersion = Integer.parseInt(header.group(2));
        long length = Long.parseLong(header.group(3));
        long crc = Long.parseLong(header.group(4), 16);

        byte[] payload = Arrays.copyOfRange(file, newline + 1, file.length);
        if (payload.length != length) {
            throw new CorruptImageException("length mismatch: header says " + length
                    + " payload bytes, file holds " + payload.length);
        }
        if (crc32(fields.getBytes(ISO_8859_1), payload) != crc) {
            throw new CorruptImageException("checksum mismatch");
        }
        return new Contents(layoutVersion, parse(payload));
    }

    private static NvramImage parse(byte[] payload) throws CorruptImageException {
        String text;
        try {
            text = UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptImageException("payload is not UTF-8");
        }
        TreeMap<String, String> settings = new TreeMap<>();
        int lineNumber = 1; // the header line
        for (int start = 0; start < text.length(); ) {
            lineNumber++;
            int end = text.indexOf('\n', start);
            if (end < 0) {
                throw malformed(lineNumber, "no newline at end of payload");
            }
            String line = text.substring(start, end);
            int separator = separatorIndex(line);
            if (separator < 0) {
                throw malformed(lineNumber, "no '=' after the key");
            }
            String key = unescape(line.substring(0, separator), lineNumber);
            if (settings.put(key, unescape(line.substring(separator + 1), lineNumber)) != null) {
                throw malformed(lineNumber, "duplicate key");
            }
            start = end + 1;
        }
        try {
            return NvramImage.of(settings);
        } catch (IllegalArgumentException e) {
            throw new CorruptImageException("invalid setting: " + e.getMessage());
        }
    }

    private static void escape(String text, boolean key, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '=' -> out.append(key ? "\\=" : "=");
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String text, int lineNumber) throws CorruptImageException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = ++i < text.length() ? text.charAt(i) : '\0';
            switch (escaped) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case '=' -> out.append('=');
                default -> throw malformed(lineNumber, "bad escape");
            }
        }
        return out.toString();
    }

    /** Index of the first '=' that is not escaped, or -1. */
    private static int separatorIndex(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }

    private static CorruptImageException malformed(int lineNumber, String why) {
        return new CorruptImageException("line " + lineNumber + ": " + why);
    }

    private static long crc32(byte[] fields, byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(fields);
        crc.update('\n');
        crc.update(payload);
        return crc.getValue();
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
