package dev.selfreg.module.control;

import dev.selfreg.protocol.http.AccessToken;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/**
 * Who may drive the emulated module over its control API, by the platform web side's rule ({@link AccessToken},
 * interfaces.md). Bound to a loopback address only this machine can connect, so no token is needed unless one is
 * given, and a request must name a loopback Host (a website rebinding its name to 127.0.0.1 cannot drive the
 * module); bound anywhere else, every request must carry the bearer token, given or generated, in
 * {@code Authorization: Bearer}.
 */
final class ControlAccess {

    private final AccessToken token;

    private ControlAccess(AccessToken token) {
        this.token = token;
    }

    /** The access for an API bound to {@code bindHost}: the given token, else a fresh one off loopback, else none. */
    static ControlAccess forBind(String bindHost, Optional<String> token) {
        return new ControlAccess(AccessToken.forBind(bindHost, token, "the control token"));
    }

    Optional<String> token() {
        return token.value();
    }

    /** Before-handler: lets a request through, or answers it 401 (403 for a foreign Host without a token). */
    void check(Context ctx) {
        if (token.value().isEmpty()) {
            if (!AccessToken.loopbackHost(ctx.host())) {
                deny(ctx, HttpStatus.FORBIDDEN, "this control API answers only to a loopback Host (localhost, 127.0.0.1, [::1])");
            }
            return;
        }
        if (token.matchesAuthorization(ctx.header("Authorization"))) {
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"selfreg-module\"");
        deny(ctx, HttpStatus.UNAUTHORIZED, "a bearer token is required (Authorization: Bearer <token>)");
    }

    private static void deny(Context ctx, HttpStatus status, String error) {
        ctx.status(status).json(Map.of("error", error));
        ctx.skipRemainingHandlers();
    }
}
