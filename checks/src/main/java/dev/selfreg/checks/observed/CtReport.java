package dev.selfreg.checks.observed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One China Telecom self-registration report as it arrived, with the platform's answer.
 *
 * <p>The body is kept as received; {@link #fields()} reads it as leniently as a person would (surrounding whitespace,
 * missing padding, a trailing NUL byte inside the Base64), so that a report a strict platform refuses can still be
 * attributed to its device and judged. What a real platform would object to is for the rules to say.
 */
public final class CtReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUCCESS = "0";

    private final String ref;
    private final Instant time;
    private final String transport;
    private final String body;
    private final String resultCode;
    /** The body read once: the rules ask for its fields many times. */
    private final Optional<ObjectNode> fields;

    /**
     * A report as received.
     *
     * @param ref how records name it, e.g. {@code ct-registration 12}
     * @param time when it arrived
     * @param transport {@code coap} or {@code http}
     * @param body the request body as received, one character per byte (ISO-8859-1)
     * @param resultCode the {@code resultCode} answered; {@code "0"} is a success
     */
    public CtReport(String ref, Instant time, String transport, String body, String resultCode) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.time = Objects.requireNonNull(time, "time");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.body = Objects.requireNonNull(body, "body");
        this.resultCode = Objects.requireNonNull(resultCode, "resultCode");
        this.fields = read(body);
    }

    private CtReport(CtReport report, String resultCode) {
        this.ref = report.ref;
        this.time = report.time;
        this.transport = report.transport;
        this.body = report.body;
        this.resultCode = Objects.requireNonNull(resultCode, "resultCode");
        this.fields = report.fields;
    }

    /** The same report answered {@code resultCode}, its body not read again (a reader that saw it before the answer). */
    public CtReport answered(String resultCode) {
        return new CtReport(this, resultCode);
    }

    public String ref() {
        return ref;
    }

    public Instant time() {
        return time;
    }

    public String transport() {
        return transport;
    }

    public String body() {
        return body;
    }

    public String resultCode() {
        return resultCode;
    }

    /** The body's bytes as they were sent. */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Whether the platform answered success, so the module counts the registration done. */
    public boolean succeeded() {
        return SUCCESS.equals(resultCode);
    }

    /** The report's JSON object, read leniently; empty when the body is not Base64 of a JSON object at all. */
    public Optional<ObjectNode> fields() {
        return fields;
    }

    private static Optional<ObjectNode> read(String body) {
        String text = body.strip();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text + "=".repeat((4 - text.length() % 4) % 4));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int end = decoded.length;
        while (end > 0 && decoded[end - 1] == 0) {
            end--;
        }
        try {
            JsonNode node = JSON.readTree(new String(decoded, 0, end, StandardCharsets.UTF_8));
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    /** A field's value as text (a number written as one), or {@code null} when absent, null or not a plain value. */
    public String text(String key) {
        return fields.map(object -> object.get(key))
                .filter(value -> value.isValueNode() && !value.isNull())
                .map(JsonNode::asText)
                .orElse(null);
    }

    /** The device's IMEI: {@code IMEI1} when set (REGVER 5.0 Cat.1 sends {@code MEID} empty), else {@code MEID}. */
    public String imei() {
        String imei1 = text("IMEI1");
        return imei1 != null && !imei1.isEmpty() ? imei1 : emptyAsNull(text("MEID"));
    }

    /** The model: {@code MODEL}, or {@code MODELSMS} from older firmware. */
    public String model() {
        String model = text("MODEL");
        return model != null ? model : text("MODELSMS");
    }

    /** One line for a person. */
    public String summary() {
        if (fields.isEmpty()) {
            return "report that is not Base64 JSON, answered resultCode " + resultCode;
        }
        return "report REGVER " + text("REGVER") + ", SWVER " + text("SWVER") + ", ICCID " + text("SIM1ICCID")
                + " over " + transport + ", answered resultCode " + resultCode;
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
