package dev.selfreg.platform.ct;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.platform.core.StoreRefusal;
import dev.selfreg.protocol.zzhc.ZzhcTransport;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Map;

/**
 * The ZZHC service over HTTP, as Cat-M/Cat.1 modules use it: {@code POST /} with
 * {@code Content-Type: application/encrypted-json}, reply 200 with the JSON result. NB-IoT
 * firmware that posts over HTTP (Nordic, XinYi: {@code Connection: close},
 * {@code x-forwarded-for}) is served the same way; the report's dialect says so.
 */
public final class ZzhcHttpServer implements AutoCloseable {

    /** What the HTTP variant sends (ct-zzhc-wire.md); other types are accepted all the same. */
    public static final String CONTENT_TYPE = "application/encrypted-json";

    /**
     * The largest request read at all. A body a little over {@link ZzhcService#MAX_BODY_BYTES}
     * is still answered and recorded as malformed, with its size; anything larger is refused
     * with 413 before it is read.
     */
    static final long MAX_REQUEST_BYTES = 4L * ZzhcService.MAX_BODY_BYTES;

    private final Javalin app;

    private ZzhcHttpServer(Javalin app) {
        this.app = app;
    }

    /** Serves {@code service} on {@code bind}:{@code port} (0 picks a free port). */
    public static ZzhcHttpServer start(ZzhcService service, String bind, int port) {
        return start(service, bind, port, WireRecorder.none());
    }

    /** The same, with every exchange written to {@code wire} as listener {@code ct-http}. */
    public static ZzhcHttpServer start(ZzhcService service, String bind, int port, WireRecorder wire) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
        });
        app.post("/", ctx -> {
            String peer = ctx.req().getRemoteAddr() + ":" + ctx.req().getRemotePort();
            Instant receivedAt = wire.recording() ? wire.now() : null;
            ctx.future(() -> service.handle(ctx.bodyAsBytes(), ZzhcTransport.HTTP, peer).handle((reply, failure) -> {
                if (failure != null) {
                    StoreRefusal refusal = StoreRefusal.of(failure);
                    if (refusal.unavailable()) {
                        ctx.header("Retry-After", Long.toString(StoreRefusal.RETRY_AFTER.toSeconds()));
                    }
                    ctx.status(refusal.unavailable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR)
                            .json(Map.of("error", "report not stored: " + refusal.reason()));
                } else {
                    ctx.contentType("application/json").result(reply.encode());
                    if (receivedAt != null) {
                        HttpWire.record(wire, ctx, receivedAt, reply.encode());
                    }
                }
                return null;
            }));
        });
        app.error(HttpStatus.CONTENT_TOO_LARGE, ctx -> ctx.json(Map.of("error", "body larger than " + MAX_REQUEST_BYTES + " bytes")));
        app.start(bind, port);
        return new ZzhcHttpServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
