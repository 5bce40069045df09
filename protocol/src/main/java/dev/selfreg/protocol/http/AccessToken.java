package dev.selfreg.protocol.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bearer token an HTTP server of selfreg asks for (RFC 6750), and the rule of when it asks:
 * a server bound to a loopback address only this machine can reach needs none unless one is
 * given; bound anywhere else it has one, given or generated. The platform's web side and the
 * emulated module's control API both follow it (interfaces.md).
 */
public final class AccessToken {

    /** Printable ASCII without spaces or quotes: it travels in a header, a URL and a shell line. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._~+/=-]{16,256}");
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BEARER = "Bearer ";

    private final Optional<String> token;
    private final byte[] digest;

    private AccessToken(Optional<String> token) {
        this.token = token;
        this.digest = token.map(AccessToken::sha256).orElse(null);
    }

    /**
     * The token of a server bound to {@code bindHost}: the given one, else a fresh random one when
     * {@link #required the bind address needs one}, else none.
     *
     * @param what the token's name in the error, e.g. {@code the web token}
     * @throws IllegalArgumentException when the given token cannot travel in a header
     */
    public static AccessToken forBind(String bindHost, Optional<String> given, String what) {
        given.ifPresent(value -> {
            if (!SHAPE.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " must be 16-256 characters of A-Z a-z 0-9 . _ ~ + / = -");
            }
        });
        if (given.isPresent() || !required(bindHost)) {
            return new AccessToken(given);
        }
        return new AccessToken(Optional.of(generate()));
    }

    /**
     * Whether a server bound to {@code bindHost} can be reached from other machines, so that it
     * must require a token. Only addresses that all resolve to loopback are exempt; a name that
     * does not resolve is treated as reachable (fail closed).
     */
    public static boolean required(String bindHost) {
        try {
            return !Arrays.stream(InetAddress.getAllByName(bindHost)).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** 256 random bits, URL-safe Base64 without padding (43 characters). */
    private static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token, if the server has one. */
    public Optional<String> value() {
        return token;
    }

    /** Whether {@code presented} is the token, compared in constant time (digests of equal length). */
    public boolean matches(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    /** Whether an {@code Authorization} header carries the token as {@code Bearer <token>}. */
    public boolean matchesAuthorization(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && matches(authorization.substring(BEARER.length()).strip());
    }

    /**
     * Whether a Host header names this machine's loopback interface: a server without a token
     * answers only such requests, so a page on another site that rebinds its DNS name to
     * 127.0.0.1 cannot read or drive it.
     */
    public static boolean loopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 && host.substring(1, end).equals("::1");
        }
        int colon = host.indexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
