package dev.selfreg.protocol;

import java.util.Base64;
import java.util.Optional;

/**
 * The one Base64 form both wire specs use: RFC 4648 standard alphabet, with padding, no line breaks
 * (ct-zzhc-wire.md "Request body"; cmcc-dm-wire.md "Endpoint name").
 *
 * <p>Decoding accepts exactly the text that {@link #encode} would produce for some bytes: no missing padding, no
 * URL-safe alphabet, no embedded whitespace, no stray bits in the last character. A lab platform checks what modules
 * send, so a sloppy encoding is reported rather than silently repaired.
 */
public final class WireBase64 {
    private WireBase64() {
    }

    /** Encodes bytes as standard padded Base64. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes canonical standard padded Base64.
     *
     * @return the bytes, or empty when {@code text} is not exactly the encoding of some bytes
     */
    public static Optional<byte[]> decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // The JDK decoder tolerates missing padding and non-zero trailing bits; re-encoding exposes both.
        return encode(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }
}
