package dev.selfreg.module.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.module.NetworkConditions;
import dev.selfreg.module.PsmGrant;
import dev.selfreg.module.PsmTimers;
import dev.selfreg.module.RadioSignal;
import dev.selfreg.module.Sim;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.time.VirtualClock;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.router.ParsedEndpoint;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module control API (interfaces.md): HTTP/JSON for tests, scripts and people to drive the
 * emulated world — read the module's state, advance its virtual clock, cycle its power, swap its
 * SIM, install firmware, set the radio network's conditions, inject network faults. A bad request answers 400 with a JSON
 * {@code error}; nothing crashes. Off loopback every request needs the bearer token ({@link ControlAccess}).
 */
public final class ControlApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ControlApi.class);
    /** The longest single advance, so a typo cannot freeze the emulation for hours of work. */
    private static final long MAX_ADVANCE_SECONDS = 400L * 24 * 3600;
    private static final Set<String> FAULT_FIELDS = Set.of("service", "mode", "count", "probability", "seconds");
    private static final Set<String> NETWORK_FIELDS = Set.of("registration", "rejectCause", "attachSeconds", "signal", "psm");

    private final Javalin app;
    private final ObjectMapper json = new ObjectMapper();
    private final Bc260yModule module;
    private final ControlAccess access;

    private ControlApi(Bc260yModule module, ControlAccess access) {
        this.module = module;
        this.access = access;
        this.app = Javalin.create(config -> config.showJavalinBanner = false);
        app.before(access::check);
        app.get("/module", ctx -> ctx.json(module.status()));
        app.post("/module/clock/advance", this::advance);
        app.post("/module/power/cycle", ctx -> {
            module.powerCycle();
            ctx.json(module.status());
        });
        app.post("/module/sim", this::sim);
        app.post("/module/firmware", this::firmware);
        app.get("/module/network", ctx -> ctx.json(module.attach().status()));
        app.post("/module/network", this::network);
        app.get("/module/faults", ctx -> ctx.json(faults()));
        app.post("/module/faults", this::addFault);
        app.delete("/module/faults", ctx -> {
            module.network().faults().clear();
            ctx.json(faults());
        });
        app.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("control request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(Map.of("error", "internal error: " + e));
        });
        app.error(404, ctx -> ctx.json(Map.of("error", "no such resource: " + ctx.method() + " " + ctx.path())));
    }

    /**
     * Serves the API on {@code host}:{@code port} ({@code 0} picks a free port); off loopback with a fresh token
     * ({@link #requiredToken()}).
     */
    public static ControlApi start(Bc260yModule module, String host, int port) {
        return start(module, host, port, Optional.empty());
    }

    /**
     * The same, requiring {@code token} as {@code Authorization: Bearer} on every request when given; when not, none
     * on a loopback address and a fresh random one on any other.
     *
     * @throws IllegalArgumentException when the token could not travel in a header
     */
    public static ControlApi start(Bc260yModule module, String host, int port, Optional<String> token) {
        ControlApi api = new ControlApi(module, ControlAccess.forBind(host, token));
        api.app.start(host, port);
        return api;
    }

    public int port() {
        return app.port();
    }

    /** The bearer token every request must carry, if any: for the caller to print, never logged here. */
    public Optional<String> requiredToken() {
        return access.token();
    }

    /** Every HTTP route registered, as Javalin's router holds them ({@code GET /module}...), so a test can walk them. */
    List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream().map(ParsedEndpoint::getEndpoint)
                .filter(endpoint -> endpoint.getMethod().isHttpMethod())
                .map(endpoint -> endpoint.getMethod() + " " + endpoint.getPath()).toList();
    }

    private void advance(Context ctx) {
        if (!(module.clock() instanceof VirtualClock clock)) {
            throw new BadRequest("the module runs on the real clock; start it with --clock virtual to advance time");
        }
        JsonNode seconds = body(ctx).get("seconds");
        if (seconds == null || !seconds.isNumber() || seconds.asDouble() < 0 || seconds.asDouble() > MAX_ADVANCE_SECONDS) {
            throw new BadRequest("\"seconds\" must be a number from 0 to " + MAX_ADVANCE_SECONDS);
        }
        clock.advance(Duration.ofNanos(Math.round(seconds.asDouble() * 1e9)));
        ctx.json(module.status());
    }

    private void sim(Context ctx) {
        JsonNode body = body(ctx);
        Optional<Sim> card;
        if (body.path("removed").asBoolean(false)) {
            card = Optional.empty();
        } else {
            String imsi = text(body, "imsi");
            String iccid = text(body, "iccid");
            try {
                card = Optional.of(new Sim(imsi, iccid));
            } catch (IllegalArgumentException e) {
                throw new BadRequest(e.getMessage());
            }
        }
        module.changeSim(card);
        ctx.json(Map.of("sim", card.<Object>map(c -> Map.of("imsi", c.imsi(), "iccid", c.iccid())).orElse("removed"),
                "effective", "next boot"));
    }

    private void firmware(Context ctx) {
        String version = text(body(ctx), "version");
        if (version.isBlank() || version.length() > 64) {
            throw new BadRequest("\"version\" must be 1-64 characters");
        }
        module.upgradeFirmware(version);
        ctx.json(module.status());
    }

    /**
     * Changes the network conditions: {@code registration} ({@code available}, {@code denied},
     * {@code lost}), {@code rejectCause}, {@code attachSeconds}, {@code signal} ({@code rssi},
     * {@code ber}, {@code rsrp}, {@code rsrq}), {@code psm} (what the network grants of a PSM
     * request); what is left out stays as it was.
     */
    private void network(Context ctx) {
        JsonNode body = body(ctx);
        knownFields(body, NETWORK_FIELDS, "network conditions");
        NetworkConditions next = module.attach().conditions();
        try {
            if (body.has("registration")) {
                String labels = Arrays.stream(NetworkConditions.Availability.values())
                        .map(NetworkConditions.Availability::label).collect(Collectors.joining(", "));
                next = next.withAvailability(NetworkConditions.Availability.ofLabel(text(body, "registration"))
                        .orElseThrow(() -> new BadRequest("\"registration\" must be one of " + labels)));
            }
            if (body.has("rejectCause")) {
                next = next.withRejectCause(wholeNumber(body, "rejectCause"));
            }
            if (body.has("attachSeconds")) {
                next = next.withAttachTime(Duration.ofNanos(Math.round(number(body, "attachSeconds") * 1e9)));
            }
            if (body.has("signal")) {
                JsonNode signal = body.get("signal");
                if (!signal.isObject()) {
                    throw new BadRequest("\"signal\" must be an object with " + RadioSignal.FIELDS);
                }
                knownFields(signal, Set.copyOf(RadioSignal.FIELDS), "a signal");
                RadioSignal measured = next.signal();
                for (String field : RadioSignal.FIELDS) {
                    if (signal.has(field)) {
                        measured = measured.with(field, wholeNumber(signal, field));
                    }
                }
                next = next.withSignal(measured);
            }
            if (body.has("psm")) {
                next = next.withPsm(psmGrant(body.get("psm")));
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        module.attach().setConditions(next);
        ctx.json(module.attach().status());
    }

    /** {@code "requested"}, {@code "refused"}, or {@code {"activeTime":"...","periodicTau":"..."}}. */
    private static PsmGrant psmGrant(JsonNode psm) {
        String expected = "\"psm\" must be \"requested\", \"refused\" or {\"activeTime\":\"...\",\"periodicTau\":\"...\"}";
        if (psm.isTextual()) {
            return PsmGrant.ofLabel(psm.asText()).orElseThrow(() -> new BadRequest(expected));
        }
        if (!psm.isObject()) {
            throw new BadRequest(expected);
        }
        knownFields(psm, Set.of("activeTime", "periodicTau"), "a PSM grant");
        if (!psm.path("activeTime").isTextual() || !psm.path("periodicTau").isTextual()) {
            throw new BadRequest(expected);
        }
        return PsmGrant.timers(new PsmTimers(psm.get("activeTime").asText(), psm.get("periodicTau").asText()));
    }

    private void addFault(Context ctx) {
        JsonNode body = body(ctx);
        knownFields(body, FAULT_FIELDS, "a fault");
        LabService service = LabService.ofLabel(text(body, "service"))
                .orElseThrow(() -> new BadRequest("\"service\" must be \"ct\" or \"dm\""));
        String modes = Arrays.stream(NetworkFault.Mode.values()).map(NetworkFault.Mode::label).collect(Collectors.joining(", "));
        NetworkFault.Mode mode = NetworkFault.Mode.ofLabel(text(body, "mode"))
                .orElseThrow(() -> new BadRequest("\"mode\" must be one of " + modes));
        OptionalInt count = body.has("count") ? OptionalInt.of(wholeNumber(body, "count")) : OptionalInt.empty();
        OptionalDouble probability = body.has("probability") ? OptionalDouble.of(number(body, "probability")) : OptionalDouble.empty();
        Optional<Duration> seconds = Optional.empty();
        if (body.has("seconds")) {
            double value = number(body, "seconds");
            if (value < 0 || value > MAX_ADVANCE_SECONDS) {
                throw new BadRequest("\"seconds\" must be a number from 0 to " + MAX_ADVANCE_SECONDS);
            }
            seconds = Optional.of(Duration.ofNanos(Math.round(value * 1e9)));
        }
        NetworkFault fault;
        try {
            fault = new NetworkFault(service, mode, count, probability, seconds);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        module.network().faults().add(fault);
        ctx.json(faults());
    }

    /** The faults in force, as {@code {"faults":[{"service":"ct","mode":"drop","count":1}, ...]}}. */
    private Map<String, Object> faults() {
        List<Map<String, Object>> list = module.network().faults().active().stream().map(fault -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("service", fault.service().label());
            entry.put("mode", fault.mode().label());
            fault.count().ifPresent(value -> entry.put("count", value));
            fault.probability().ifPresent(value -> entry.put("probability", value));
            fault.duration().ifPresent(value -> entry.put("seconds", value.toNanos() / 1e9));
            return entry;
        }).toList();
        return Map.of("faults", list);
    }

    /** Refuses a field {@code what} does not have, naming the ones it has. */
    private static void knownFields(JsonNode body, Set<String> fields, String what) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new BadRequest("unknown field \"" + name + "\"; " + what + " has " + fields.stream().sorted().toList());
            }
        }
    }

    private static int wholeNumber(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new BadRequest("\"" + field + "\" must be a whole number");
        }
        return value.intValue();
    }

    private static double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isNumber()) {
            throw new BadRequest("\"" + field + "\" must be a number");
        }
        return value.asDouble();
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadRequest("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A request the API cannot carry out as sent. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
