package dev.selfreg.platform.web;

import dev.selfreg.platform.checks.DeviceChecks;
import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.core.StoreRefusal;
import dev.selfreg.platform.store.StoreException;
import dev.selfreg.platform.wire.WireJournal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's web side on one port: the REST API and {@code /metrics} (interfaces.md), each
 * device's certification checks ({@code /api/devices}) and wire traffic ({@code /api/devices/<imei>/timeline},
 * {@code /api/devices/<imei>/capture.pcapng}), the live stream of committed records
 * ({@value #LIVE_PATH}, server-sent events), the dashboard at {@code /} and its device pages.
 *
 * <p>Binds where it is told (the platform passes {@code 127.0.0.1} unless {@code --bind} says
 * otherwise). On a loopback address no token is needed unless one is given; on any other address
 * every request for data needs the bearer token: the one given, or a random one that
 * {@link #requiredToken()} returns for the caller to print. Nothing here logs a token or a
 * request's query string.
 */
public final class WebServer implements AutoCloseable {

    /** Where the dashboard's CSS and JavaScript are served from, without a token. */
    static final String STATIC_PATH = "/static";
    /** The live stream; takes the token as {@code ?token=} too, since EventSource cannot set headers. */
    static final String LIVE_PATH = "/api/live";
    /** Set by a route that answers 404 with a message of its own. */
    static final String OWN_NOT_FOUND = "selfreg.own-not-found";
    /** Below the usual 30-60 s idle timeouts of Jetty and proxies. */
    static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Javalin app;
    private final LiveStream live;
    private final TokenGuard guard;

    private WebServer(Javalin app, LiveStream live, TokenGuard guard) {
        this.app = app;
        this.live = live;
        this.guard = guard;
    }

    /**
     * Serves the platform's records on {@code bindHost}:{@code port} ({@code 0} picks a free port).
     *
     * @param listeners the platform's listeners by name and their {@code host:port}, as {@code /api/listeners}
     *                  shows them when asked
     * @param token the bearer token to require; when empty, one is generated if the bind address
     *              is not loopback
     */
    public static WebServer start(PlatformRecords records, PlatformMetrics metrics, DeviceChecks checks,
                                  WireJournal journal, Supplier<Map<String, String>> listeners, String bindHost,
                                  int port, Optional<String> token) {
        return start(records, metrics, checks, journal, listeners, bindHost, port, token, KEEP_ALIVE_INTERVAL);
    }

    static WebServer start(PlatformRecords records, PlatformMetrics metrics, DeviceChecks checks, WireJournal journal,
                           Supplier<Map<String, String>> listeners, String bindHost, int port, Optional<String> token,
                           Duration keepAliveInterval) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(bindHost, "bindHost");
        TokenGuard guard = TokenGuard.forBind(bindHost, token);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(ApiViews.mapper(), false));
            config.staticFiles.add(files -> {
                files.hostedPath = STATIC_PATH;
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
            });
        });
        LiveStream live = new LiveStream(records, keepAliveInterval);
        app.before(WebServer::securityHeaders);
        app.before(guard::check);
        new PlatformApi(records.store(), metrics, listeners).register(app);
        new DeviceChecksApi(checks).register(app);
        new TimelineApi(journal).register(app);
        Dashboard.register(app);
        app.sse(LIVE_PATH, live::connect);
        app.exception(PlatformApi.BadRequest.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(StoreException.class, (e, ctx) -> {
            StoreRefusal refusal = StoreRefusal.of(e);
            if (refusal.unavailable()) {
                // the store recovers by itself: one line, not a stack trace for every poll of the dashboard
                log.warn("web request {} {} {}", ctx.method(), ctx.path(), refusal.describe());
                ctx.header("Retry-After", Long.toString(StoreRefusal.RETRY_AFTER.toSeconds()));
            } else {
                log.error("web request {} {}: the platform store failed", ctx.method(), ctx.path(), e);
            }
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "the platform store failed (" + refusal.reason()
                    + "); see the platform log");
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("web request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; see the platform log");
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            // A route that answered 404 itself (an unknown device) keeps its own message.
            if (ctx.attribute(OWN_NOT_FOUND) == null) {
                error(ctx, HttpStatus.NOT_FOUND, "no such resource: " + ctx.path());
            }
        });
        try {
            app.start(bindHost, port);
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
        return new WebServer(app, live, guard);
    }

    /** The port it listens on (the free one picked when started with 0). */
    public int port() {
        return app.port();
    }

    /** The bearer token every data request needs, or empty when the server is open (loopback, none given). */
    public Optional<String> requiredToken() {
        return guard.token();
    }

    /**
     * Adds a route for another part of the platform; the same token rule protects it, and an
     * exception becomes a JSON error like the API's.
     */
    public void route(HandlerType method, String path, Handler handler) {
        app.addHttpHandler(method, path, handler);
    }

    /** Every HTTP route registered, as Javalin's router holds them, so a test can walk them all. */
    List<Endpoint> endpoints() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream().map(ParsedEndpoint::getEndpoint)
                .filter(endpoint -> endpoint.getMethod().isHttpMethod()).toList();
    }

    /** Every HTTP route registered, as {@code GET /api/dm/devices} with Javalin's path parameters, for a walk over them. */
    public List<String> routes() {
        return endpoints().stream().map(endpoint -> endpoint.getMethod() + " " + endpoint.getPath()).toList();
    }

    /** How many live-stream clients are connected. */
    int liveClients() {
        return live.clientCount();
    }

    @Override
    public void close() {
        live.close();
        app.stop();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (!ctx.path().startsWith(STATIC_PATH + "/") && !ctx.path().equals(LIVE_PATH)) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }
}
