package dev.selfreg.platform.web;

import dev.selfreg.protocol.http.AccessToken;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

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

    private final AccessToken token;

    private TokenGuard(AccessToken token) {
        this.token = token;
    }

    /**
     * The guard for a server bound to {@code bindHost}: the given token if any, else a fresh
     * random one when {@link #tokenRequired the bind address needs one}, else none.
     */
    static TokenGuard forBind(String bindHost, Optional<String> token) {
        return new TokenGuard(AccessToken.forBind(bindHost, token, "the web token"));
    }

    /** Whether a server bound to {@code bindHost} must require a token ({@link AccessToken#required}). */
    static boolean tokenRequired(String bindHost) {
        return AccessToken.required(bindHost);
    }

    Optional<String> token() {
        return token.value();
    }

    /** Whether {@code presented} is the token, compared in constant time. */
    boolean matches(String presented) {
        return token.matches(presented);
    }

    /**
     * Before-handler: lets a request through, or answers it (401, or 403 for a foreign Host on an
     * open loopback server) and skips the rest.
     */
    void check(Context ctx) {
        if (ctx.path().startsWith(WebServer.STATIC_PATH + "/")) {
            return;
        }
        if (token.value().isEmpty()) {
            if (!loopbackHost(ctx.host())) {
                // A page on another site that rebinds its DNS name to 127.0.0.1 must not read the API.
                deny(ctx, HttpStatus.FORBIDDEN, "this server answers only to a loopback Host (localhost, 127.0.0.1, [::1])");
            }
            return;
        }
        if (token.matchesAuthorization(ctx.header("Authorization"))
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

    /** Whether a Host header names this machine's loopback interface ({@link AccessToken#loopbackHost}). */
    static boolean loopbackHost(String hostHeader) {
        return AccessToken.loopbackHost(hostHeader);
    }
}
