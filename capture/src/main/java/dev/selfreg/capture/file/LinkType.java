package dev.selfreg.capture.file;

import java.util.Arrays;
import java.util.Optional;

/** The link layers selfreg reads, with their LINKTYPE_ numbers (tcpdump.org's link-layer header types). */
public enum LinkType {
    /** BSD loopback: a 4-byte address family in host byte order. */
    NULL(0),
    /** Ethernet II, with 802.1Q VLAN tags. */
    ETHERNET(1),
    /** Raw IP, version from the first nibble. */
    RAW(101),
    /** Linux cooked capture v1 ({@code tcpdump -i any}). */
    LINUX_SLL(113),
    /** Raw IPv4. */
    IPV4(228),
    /** Raw IPv6. */
    IPV6(229),
    /** Linux cooked capture v2. */
    LINUX_SLL2(276);

    private final int number;

    LinkType(int number) {
        this.number = number;
    }

    /** The LINKTYPE_ number files carry. */
    public int number() {
        return number;
    }

    /** The link type of a number; empty for one selfreg does not read. */
    public static Optional<LinkType> of(long number) {
        return Arrays.stream(values()).filter(t -> t.number == number).findFirst();
    }
}
