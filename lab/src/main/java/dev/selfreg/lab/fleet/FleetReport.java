package dev.selfreg.lab.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fleet run saw, from both sides: how each module's story went (counted per explanation, China Telecom and
 * China Mobile apart), whether each expected outcome happened (the expectations computed from what the modules saw,
 * the observations from the platform's records or the modules' states), and what the modules spent awake.
 */
public final class FleetReport {

    /** One expected outcome: what was expected, what was seen, and whether they agree. */
    public record Row(String outcome, long expected, long observed) {
        @JsonProperty("met")
        public boolean met() {
            return expected == observed;
        }
    }

    /** How many modules one explanation covers. */
    public record Explained(String explanation, long modules) {
    }

    /** The datagrams the modules' networks sent to the platform, and how many of them the faults lost. */
    public record Datagrams(long sent, long lost) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<Explained>> explanations = new LinkedHashMap<>();
    private final Map<String, BatteryCost> battery = new LinkedHashMap<>();
    private final Map<String, double[]> awakePerModule = new LinkedHashMap<>();
    private final Map<String, long[]> registrationsPerHour = new LinkedHashMap<>();
    private Datagrams datagrams = new Datagrams(0, 0);

    void expect(String outcome, long expected, long observed) {
        rows.add(new Row(outcome, expected, observed));
    }

    void explain(String carrier, List<Explained> stories) {
        explanations.put(carrier, List.copyOf(stories));
    }

    void spent(String carrier, BatteryCost cost, double[] awakeSeconds) {
        battery.put(carrier, cost);
        awakePerModule.put(carrier, awakeSeconds.clone());
    }

    void registered(String carrier, long[] perHour) {
        registrationsPerHour.put(carrier, perHour.clone());
    }

    void datagrams(Datagrams value) {
        datagrams = value;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Per carrier ({@code China Telecom}, {@code China Mobile}), the modules of each explanation, most first. */
    public Map<String, List<Explained>> explanations() {
        return Collections.unmodifiableMap(explanations);
    }

    /** Per carrier, the awake-time account. */
    public Map<String, BatteryCost> battery() {
        return Collections.unmodifiableMap(battery);
    }

    /** Per carrier, each module's awake seconds. */
    public Map<String, double[]> awakePerModule() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        awakePerModule.forEach((carrier, seconds) -> copy.put(carrier, seconds.clone()));
        return copy;
    }

    /** Per carrier, the registrations the platform acknowledged in each hour of module time. */
    public Map<String, long[]> registrationsPerHour() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        registrationsPerHour.forEach((carrier, hours) -> copy.put(carrier, hours.clone()));
        return copy;
    }

    public Datagrams datagrams() {
        return datagrams;
    }

    /** Whether every expected outcome happened. */
    public boolean passed() {
        return rows.stream().allMatch(Row::met);
    }

    /** The explanations, the rows as a text table, and a last line saying PASSED or FAILED. */
    public String table() {
        StringBuilder out = new StringBuilder();
        explanations.forEach((carrier, stories) -> {
            if (stories.isEmpty()) {
                return; // no module of that carrier
            }
            out.append(String.format("%s modules, by what happened to them:%n", carrier));
            stories.forEach(story -> out.append(String.format("  %,8d  %s%n", story.modules(), story.explanation())));
        });
        if (datagrams.lost() > 0) {
            out.append(String.format("datagrams to the platform: %,d sent, %,d of them lost%n", datagrams.sent(),
                    datagrams.lost()));
        }
        if (!explanations.isEmpty()) {
            out.append('\n');
        }
        int width = rows.stream().mapToInt(row -> row.outcome().length()).max().orElse(10);
        out.append(String.format("%-4s %-" + width + "s %10s %10s%n", "met", "outcome", "expected", "observed"));
        for (Row row : rows) {
            out.append(String.format("%-4s %-" + width + "s %,10d %,10d%n", row.met() ? "yes" : "NO", row.outcome(),
                    row.expected(), row.observed()));
        }
        out.append(passed() ? "fleet PASSED: every expected outcome happened\n" : "fleet FAILED: see the rows marked NO\n");
        return out.toString();
    }

    /** The battery cost of each carrier's modules, as text tables. */
    public String batterySummary() {
        StringBuilder out = new StringBuilder();
        battery.forEach((carrier, cost) -> out.append(cost.table(carrier)));
        return out.toString();
    }

    /** Writes the whole report as JSON to {@code file}: the plan given, explanations, rows, datagrams, battery. */
    public void writeJson(Path file, Map<String, Object> plan) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plan", plan);
        json.put("passed", passed());
        json.put("explanations", explanations);
        json.put("outcomes", rows);
        json.put("datagrams", datagrams);
        json.put("battery", battery);
        json.put("registrationsPerHour", registrationsPerHour);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
