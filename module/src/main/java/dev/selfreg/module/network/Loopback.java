package dev.selfreg.module.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The network-safety rule of the emulated module: a real datagram only ever goes to a loopback
 * address (interfaces.md, "The emulated module's network"). Every socket the module opens and
 * every datagram it sends passes {@link #require(InetSocketAddress)}.
 */
public final class Loopback {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");

    private Loopback() {
    }

    /**
     * Returns {@code address} when it is a resolved loopback address.
     *
     * @throws IllegalArgumentException for any other address: no packet may leave the machine
     */
    public static InetSocketAddress require(InetSocketAddress address) {
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("network safety: " + address
                    + " is not a loopback address; the emulated module only talks to a lab on loopback");
        }
        return address;
    }

    /**
     * Parses a host given by a person ({@code localhost}, {@code 127.x.y.z}, {@code ::1}) without
     * asking any DNS, and requires it to be a loopback address.
     *
     * @throws IllegalArgumentException for a name other than {@code localhost} or a non-loopback literal
     */
    public static InetAddress parseHost(String host) {
        String text = host.strip();
        if (text.toLowerCase(Locale.ROOT).equals("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        if (!isIpLiteral(text)) {
            throw new IllegalArgumentException("network safety: '" + host
                    + "' is not a loopback address (use localhost, 127.0.0.1 or ::1)");
        }
        InetAddress address = literal(text);
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("network safety: " + address.getHostAddress()
                    + " is not a loopback address; the emulated module only talks to a lab on loopback");
        }
        return address;
    }

    /** Whether {@code text} is a well-formed IPv4 or IPv6 address, checked without any DNS look-up. */
    public static boolean isAddress(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6_CHARACTERS.matcher(text).matches()) {
            return false; // anything else could make the JDK look the text up as a name
        }
        try {
            literal(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Parses an IP literal without any DNS look-up (which a malformed dotted quad would cause). */
    private static InetAddress literal(String text) {
        try {
            if (text.indexOf(':') >= 0) {
                return InetAddress.getByName(text); // JDK: a malformed IPv6 literal throws, never looks up
            }
            byte[] octets = new byte[4];
            String[] parts = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(parts[i]);
                if (value > 255) {
                    throw new UnknownHostException(text);
                }
                octets[i] = (byte) value;
            }
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }

    /** An IPv4 dotted quad or an IPv6 literal, as opposed to a name that needs DNS. */
    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
    }
}
