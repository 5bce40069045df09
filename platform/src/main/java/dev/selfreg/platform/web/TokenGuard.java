package dev.selfreg.platform.web;

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
 * Who may read the platform over the web. Bound to a loopback address, only this machine can
 * connect, so no token is needed (unless one is given); bound anywhere else, every request for
 * data (REST API, metrics, live stream, dashboard page) must carry the bearer token. Static
 * assets (the dashboard's own CSS and JavaScript, the same for every install) carry no data and
 * stay public, so the page that asks for a token can load.
 */
final class TokenGuard {

    /** Where browsers may send the token as {@code ?token=}: EventSource cannot set a header, and the first page load. */
    static final String TOKEN_PARAMETER = "token";

    /** Printable ASCII without spaces or quotes: it travels in a header, a URL and a shell line. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9._~+/=-]{16,256}");
    private static final int GENERATED_TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BEARER = "Bearer ";

    private final Optional<String> token;
    private final byte[] tokenDigest;

    private TokenGuard(Optional<String> token) {
        this.token = token;
        this.tokenDigest = token.map(TokenGuard::sha256).orElse(null);
    }

    /**
     * The guard for a server bound to {@code bindHost}: the given token if any, else a fresh
     * random one when {@link #tokenRequired the bind address needs one}, else none.
     */
    static TokenGuard forBind(String bindHost, Optional<String> token) {
        token.ifPresent(given -> {
            if (!TOKEN_SHAPE.matcher(given).matches()) {
                throw new IllegalArgumentException("the web token must be 16-256 characters of A-Z a-z 0-9 . _ ~ + / = -");
            }
        });
        if (token.isPresent() || !tokenRequired(bindHost)) {
            return new TokenGuard(token);
        }
        return new TokenGuard(Optional.of(generateToken()));
    }

    /**
     * Whether a server bound to {@code bindHost} can be reached from other machines, so that it
     * must require a token. Only addresses that all resolve to loopback are exempt; a name that
     * does not resolve is treated as reachable (fail closed).
     */
    static boolean tokenRequired(String bindHost) {
        try {
            return !Arrays.stream(InetAddress.getAllByName(bindHost)).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** 256 random bits, URL-safe Base64 without padding (43 characters). */
    static String generateToken() {
        byte[] bytes = new byte[GENERATED_TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Optional<String> token() {
        return token;
    }

    /** Whether {@code presented} is the token, compared in constant time (digests of equal length). */
    boolean matches(String presented) {
        return tokenDigest != null && presented != null && MessageDigest.isEqual(tokenDigest, sha256(presented));
    }

    /**
     * Before-handler: lets a request through, or answers it (401, or 403 for a foreign Host on an
     * open loopback server) and skips the rest.
     */
    void check(Context ctx) {
        if (ctx.path().startsWith(WebServer.STATIC_PATH + "/")) {
            return;
        }
        if (token.isEmpty()) {
            if (!loopbackHost(ctx.host())) {
                // A page on another site that rebinds its DNS name to 127.0.0.1 must not read the API.
                deny(ctx, HttpStatus.FORBIDDEN, "this server answers only to a loopback Host (localhost, 127.0.0.1, [::1])");
            }
            return;
        }
        if (matches(bearer(ctx.header("Authorization")))
                || queryTokenAllowed(ctx.path()) && matches(ctx.queryParam(TOKEN_PARAMETER))) {
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"selfreg\"");
        if (Dashboard.isPage(ctx.path())) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(Dashboard.unlockPage());
            ctx.skipRemainingHandlers();
        } else {
            deny(ctx, HttpStatus.UNAUTHORIZED, "a bearer token is required (Authorization: Bearer <token>)");
        }
    }

    /** A token in the URL ends up in histories and logs, so only where a header is impossible. */
    private static boolean queryTokenAllowed(String path) {
        return Dashboard.isPage(path) || path.equals(WebServer.LIVE_PATH);
    }

    private static void deny(Context ctx, HttpStatus status, String error) {
        ctx.status(status).json(Map.of("error", error));
        ctx.skipRemainingHandlers();
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    /** Whether a Host header names this machine's loopback interface. */
    static boolean loopbackHost(String hostHeader) {
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
