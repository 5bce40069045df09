package dev.selfreg.checks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.Verdict;
import dev.selfreg.checks.observed.ObservedRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A checklist as JSON, both ways: what {@code GET /api/devices/{imei}/checks} answers and {@code selfreg checks}
 * reads back. Times are ISO-8601 UTC, verdicts their {@link Verdict#code()}, severities lower case:
 * <pre>
 * {"imei":"869999000000001","product":"Smart meter M1","observedUntil":"2026-11-26T08:00:00Z","verdict":"fail",
 *  "counts":{"pass":9,"fail":1,"warn":1,"not-observed":5},
 *  "checks":[{"id":"CT-1","rule":"...","source":"wire spec","severity":"failure","verdict":"pass","summary":"...",
 *             "evidence":[{"ref":"ct-registration 3","time":"...","detail":"..."}]}, ...],
 *  "records":[{"ref":"boot 1","time":"...","channel":"module","summary":"..."}, ...]}
 * </pre>
 */
public final class ChecklistJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChecklistJson() {
    }

    /** The checklist as a JSON object. */
    public static ObjectNode write(Checklist checklist) {
        ObjectNode root = JSON.createObjectNode();
        root.put("imei", checklist.imei());
        root.put("product", checklist.product());
        root.put("observedUntil", checklist.observedUntil().toString());
        root.put("verdict", checklist.overall().code());
        ObjectNode counts = root.putObject("counts");
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict.code(), checklist.count(verdict));
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult result : checklist.results()) {
            ObjectNode check = checks.addObject();
            check.put("id", result.id());
            check.put("rule", result.rule());
            check.put("source", result.source());
            check.put("severity", result.severity().name().toLowerCase(Locale.ROOT));
            check.put("verdict", result.verdict().code());
            check.put("summary", result.summary());
            ArrayNode evidence = check.putArray("evidence");
            for (Evidence e : result.evidence()) {
                evidence.addObject().put("ref", e.ref()).put("time", e.time().toString()).put("detail", e.detail());
            }
        }
        ArrayNode records = root.putArray("records");
        for (ObservedRecord r : checklist.records()) {
            records.addObject().put("ref", r.ref()).put("time", r.time().toString()).put("channel", r.channel())
                    .put("summary", r.summary());
        }
        return root;
    }

    /**
     * Reads a checklist back from the JSON {@link #write} makes.
     *
     * @throws IllegalArgumentException naming the field when the JSON is not such a checklist
     */
    public static Checklist read(JsonNode root) {
        List<CheckResult> results = new ArrayList<>();
        for (JsonNode check : array(root, "checks")) {
            List<Evidence> evidence = new ArrayList<>();
            for (JsonNode e : array(check, "evidence")) {
                evidence.add(new Evidence(text(e, "ref"), time(e, "time"), text(e, "detail")));
            }
            String verdict = text(check, "verdict");
            String severity = text(check, "severity");
            results.add(new CheckResult(text(check, "id"), text(check, "rule"), text(check, "source"),
                    severity(severity),
                    Verdict.ofCode(verdict).orElseThrow(() -> new IllegalArgumentException("no verdict " + verdict)),
                    text(check, "summary"), evidence));
        }
        List<ObservedRecord> records = new ArrayList<>();
        for (JsonNode r : array(root, "records")) {
            records.add(new ObservedRecord(text(r, "ref"), time(r, "time"), text(r, "channel"), text(r, "summary")));
        }
        return new Checklist(text(root, "imei"), text(root, "product"), time(root, "observedUntil"), results, records);
    }

    private static Severity severity(String text) {
        for (Severity severity : Severity.values()) {
            if (severity.name().toLowerCase(Locale.ROOT).equals(text)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("no severity " + text);
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("a checklist's " + field + " is an array");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("a checklist's " + field + " is a string");
        }
        return value.textValue();
    }

    private static Instant time(JsonNode node, String field) {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a checklist's " + field + " is an ISO-8601 time", e);
        }
    }
}
