package dev.selfreg.lab.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * What a fleet run saw, from both sides: the modules' own states and the platform's records, and whether each
 * expected outcome happened.
 */
public final class FleetReport {

    /** One expected outcome: what was expected, what was seen, and whether they agree. */
    public record Row(String outcome, long expected, long observed) {
        public boolean met() {
            return expected == observed;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void expect(String outcome, long expected, long observed) {
        rows.add(new Row(outcome, expected, observed));
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Whether every expected outcome happened. */
    public boolean passed() {
        return rows.stream().allMatch(Row::met);
    }

    /** The rows as a text table, and a last line saying PASSED or FAILED. */
    public String table() {
        int width = rows.stream().mapToInt(row -> row.outcome().length()).max().orElse(10);
        StringBuilder out = new StringBuilder(String.format("%-4s %-" + width + "s %10s %10s%n", "met", "outcome",
                "expected", "observed"));
        for (Row row : rows) {
            out.append(String.format("%-4s %-" + width + "s %,10d %,10d%n", row.met() ? "yes" : "NO", row.outcome(),
                    row.expected(), row.observed()));
        }
        out.append(passed() ? "fleet PASSED: every expected outcome happened\n" : "fleet FAILED: see the rows marked NO\n");
        return out.toString();
    }
}
