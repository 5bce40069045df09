package dev.selfreg.protocol.cmdmp;

import java.util.Objects;

/**
 * One CoAP Uri-Query option, {@code key=value}, as DM 2.0 carries it (cmcc-dm-wire.md, "Endpoint name"): raw bytes,
 * never URL-encoded or URL-decoded, because the values hold {@code @}, {@code #}, {@code /}, {@code +} and
 * {@code =}.
 *
 * @param key the text before the first {@code =}
 * @param value the text after the first {@code =}, further {@code =} included
 */
public record UriQueryOption(String key, String value) {

    /** Requires both parts. */
    public UriQueryOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Splits a raw option at its first {@code =} only, so a Base64 value's padding stays in the value. An option
     * without {@code =} is a key with an empty value.
     */
    public static UriQueryOption parse(String raw) {
        int equals = raw.indexOf('=');
        return equals < 0
                ? new UriQueryOption(raw, "")
                : new UriQueryOption(raw.substring(0, equals), raw.substring(equals + 1));
    }

    /** The option as sent: {@code key=value}. */
    public String text() {
        return key + '=' + value;
    }
}
