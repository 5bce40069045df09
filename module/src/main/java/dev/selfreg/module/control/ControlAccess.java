package dev.selfreg.module.control;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may drive the emulated module over its control API, by the platform web side's rule (interfaces.md). Bound to
 * a loopback address only this machine can connect, so no token is needed unless one is given, and a request must
 * name a loopback Host (a website rebinding its name to 127.0.0.1 cannot drive the module); bound anywhere else,
 * every request must carry the bearer token, given or generated, in {@code Authorization: Bearer}.
 */
final class ControlAccess {

    /** Printable ASCII without spaces or quotes: it travels in a header and a shell line. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9._~+/=-]{16,256}");
    private static final int GENERATED_TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BEARER = "Bearer ";

    private final Optional<String> token;
    private final byte[] digest;

    private ControlAccess(Optional<String> token) {
        this.token = token;
        this.digest = token.map(ControlAccess::sha256).orElse(null);
    }

    /** The access for an API bound to {@code bindHost}: the given token, else a fresh one off loopback, else none. */
    static ControlAccess forBind(String bindHost, Optional<String> token) {
        token.ifPresent(given -> {
            if (!TOKEN_SHAPE.matcher(given).matches()) {
                throw new IllegalArgumentException(
                        "the control token must be 16-256 characters of A-Z a-z 0-9 . _ ~ + / = -");
            }
        });
        if (token.isPresent() || onlyLoopback(bindHost)) {
            return new ControlAccess(token);
        }
        byte[] bytes = new byte[GENERATED_TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return new ControlAccess(Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    }

    /** Whether every address {@code bindHost} names is a loopback one; a name that does not resolve is not (fail closed). */
    private static boolean onlyLoopback(String bindHost) {
        try {
            return Arrays.stream(InetAddress.getAllByName(bindHost)).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    Optional<String> token() {
        return token;
    }

    /** Before-handler: lets a request through, or answers it 401 (403 for a foreign Host without a token). */
    void check(Context ctx) {
        if (token.isEmpty()) {
            if (!loopbackHost(ctx.host())) {
                deny(ctx, HttpStatus.FORBIDDEN, "this control API answers only to a loopback Host (localhost, 127.0.0.1, [::1])");
            }
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && MessageDigest.isEqual(digest, sha256(authorization.substring(BEARER.length()).strip()))) {
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"selfreg-module\"");
        deny(ctx, HttpStatus.UNAUTHORIZED, "a bearer token is required (Authorization: Bearer <token>)");
    }

    private static void deny(Context ctx, HttpStatus status, String error) {
        ctx.status(status).json(Map.of("error", error));
        ctx.skipRemainingHandlers();
    }

    /** Whether a Host header names this machine's loopback interface. */
    private static boolean loopbackHost(String hostHeader) {
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
