package dev.selfreg.protocol.zzhc;

import java.util.Optional;

/**
 * How a report reached the platform (ct-zzhc-wire.md, "Transport"): CoAP from NB-IoT firmware, HTTP from Cat-M and
 * Cat.1 firmware (and from some NB-IoT firmware, a dialect of its own).
 */
public enum ZzhcTransport {
    /** CON POST to {@code /nb} or {@code /}, port 5683. */
    COAP("coap"),
    /** {@code POST /}, port 9999 (9998 for one end-device client). */
    HTTP("http");

    private final String wireName;

    ZzhcTransport(String wireName) {
        this.wireName = wireName;
    }

    /** The name the platform's records use: {@code coap} or {@code http}. */
    public String wireName() {
        return wireName;
    }

    /** The transport a record names, if it is one of these. */
    public static Optional<ZzhcTransport> ofWireName(String name) {
        for (ZzhcTransport transport : values()) {
            if (transport.wireName.equals(name)) {
                return Optional.of(transport);
            }
        }
        return Optional.empty();
    }
}
