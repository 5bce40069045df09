package dev.selfreg.platform.web;

import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.PlatformStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The platform REST API (interfaces.md): the stored records as JSON arrays, newest first, with
 * {@code ?q=} (a part of an IMEI, ICCID, IMSI or endpoint name) and {@code ?limit=}; and the
 * metrics in the Prometheus text format.
 */
final class PlatformApi {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Longer than any IMEI, ICCID or IMSI; an endpoint name is matched by a part of it. */
    static final int MAX_QUERY_LENGTH = 64;
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PlatformStore store;
    private final PlatformMetrics metrics;
    private final Supplier<Map<String, String>> listeners;

    PlatformApi(PlatformStore store, PlatformMetrics metrics, Supplier<Map<String, String>> listeners) {
        this.store = store;
        this.metrics = metrics;
        this.listeners = listeners;
    }

    void register(Javalin app) {
        app.get("/api/listeners", ctx -> ctx.json(listeners.get()));
        app.get("/api/ct/registrations", this::ctRegistrations);
        app.get("/api/ct/rejections", this::ctRejections);
        app.get("/api/dm/devices", this::dmDevices);
        app.get("/api/dm/events", this::dmEvents);
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(metrics.prometheusText()));
    }

    private void ctRegistrations(Context ctx) {
        ListQuery query = ListQuery.of(ctx);
        ctx.json(store.ctRegistrations(query.search(), query.before(), query.limit()).stream().map(ApiViews::of)
                .toList());
    }

    private void dmDevices(Context ctx) {
        ListQuery query = ListQuery.of(ctx);
        ctx.json(store.dmDevices(query.search(), query.limit()).stream().map(ApiViews::of).toList());
    }

    /** The store does not search rejections; they are few, so the newest {@link #MAX_LIMIT} are filtered here. */
    private void ctRejections(Context ctx) {
        ListQuery query = ListQuery.of(ctx);
        List<CtRejection> rows = store.ctRejections(query.before(), query.search() == null ? query.limit() : MAX_LIMIT);
        ctx.json(query.filter(rows.stream(), r -> Stream.of(r.peer(), r.reason(), r.detail(), r.body()))
                .map(ApiViews::of).toList());
    }

    /** As rejections: the store does not search events, so the newest {@link #MAX_LIMIT} are filtered here. */
    private void dmEvents(Context ctx) {
        ListQuery query = ListQuery.of(ctx);
        List<DmEvent> rows = store.dmEvents(query.before(), query.search() == null ? query.limit() : MAX_LIMIT);
        ctx.json(query.filter(rows.stream(), e -> Stream.of(e.endpoint(), e.imei()))
                .map(ApiViews::of).toList());
    }

    /**
     * The {@code q}, {@code limit} and {@code before} of a list request, checked; {@code before} (an id) asks for the
     * records numbered below it, the page after one whose oldest record had that id.
     */
    record ListQuery(String search, int limit, long before) {

        static ListQuery of(Context ctx) {
            String q = ctx.queryParam("q");
            String search = q == null || q.isBlank() ? null : q.strip();
            if (search != null && search.length() > MAX_QUERY_LENGTH) {
                throw new BadRequest("q must be at most " + MAX_QUERY_LENGTH + " characters");
            }
            return new ListQuery(search, limit(ctx.queryParam("limit")), before(ctx.queryParam("before")));
        }

        private static long before(String text) {
            if (text == null) {
                return PlatformStore.NEWEST;
            }
            try {
                long before = Long.parseLong(text.strip());
                if (before >= 1) {
                    return before;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new BadRequest("before must be a record id, a whole number from 1");
        }

        private static int limit(String text) {
            if (text == null) {
                return DEFAULT_LIMIT;
            }
            int limit;
            try {
                limit = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new BadRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new BadRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
            }
            return limit;
        }

        /** The rows whose fields contain the search (case-insensitive), at most {@code limit}. */
        <T> Stream<T> filter(Stream<T> rows, Function<T, Stream<String>> fields) {
            if (search == null) {
                return rows.limit(limit);
            }
            String needle = search.toLowerCase(Locale.ROOT);
            Predicate<T> matches = row -> fields.apply(row)
                    .anyMatch(field -> field != null && field.toLowerCase(Locale.ROOT).contains(needle));
            return rows.filter(matches).limit(limit);
        }
    }

    /** A request the API cannot answer as asked: 400 with a JSON {@code error}. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
