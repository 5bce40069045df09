package dev.selfreg.checks;

import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.ObservedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The evidence a rule gathers for one side of its verdict, in memory that does not grow with the device's history: it
 * counts every record added and keeps the first {@link #KEPT} with their detail and the record as the timeline shows
 * it. A detail is made only for a record kept.
 */
public final class EvidenceLog {

    /** The evidence lines a verdict shows at most; its summary counts them all. */
    public static final int KEPT = 5;

    private final List<Evidence> evidence = new ArrayList<>();
    private final List<ObservedRecord> records = new ArrayList<>();
    private int count;

    /** Adds a China Telecom report; returns where it is kept, or {@code -1} when it is only counted. */
    public int add(CtReport report, Supplier<String> detail) {
        return add(report.ref(), report.time(), detail, () -> ObservedRecord.of(report));
    }

    /** Adds a China Mobile message; returns where it is kept, or {@code -1} when it is only counted. */
    public int add(DmMessage message, Supplier<String> detail) {
        return add(message.ref(), message.time(), detail, () -> ObservedRecord.of(message));
    }

    /** Adds a known boot; returns where it is kept, or {@code -1} when it is only counted. */
    public int add(Boot boot, Supplier<String> detail) {
        return add(boot.ref(), boot.attachedAt(), detail, () -> ObservedRecord.of(boot));
    }

    /** Says anew what counts in the evidence kept at {@code index} (as {@link #add} returned it; {@code -1} is none). */
    public void redetail(int index, String detail) {
        if (index >= 0) {
            Evidence old = evidence.get(index);
            evidence.set(index, new Evidence(old.ref(), old.time(), detail));
        }
    }

    /** How many records were added, kept or not. */
    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The evidence kept, in the order added. */
    public List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    /** The records the evidence kept names, in the order added. */
    public List<ObservedRecord> records() {
        return List.copyOf(records);
    }

    /** A log holding what this one holds, to add to without changing this one (a verdict given before the end). */
    public EvidenceLog copy() {
        EvidenceLog copy = new EvidenceLog();
        copy.append(this);
        return copy;
    }

    /** Adds everything {@code other} holds after what this log holds. */
    public void append(EvidenceLog other) {
        for (int i = 0; i < other.evidence.size() && evidence.size() < KEPT; i++) {
            evidence.add(other.evidence.get(i));
            records.add(other.records.get(i));
        }
        count += other.count;
    }

    private int add(String ref, Instant time, Supplier<String> detail, Supplier<ObservedRecord> record) {
        count++;
        if (evidence.size() >= KEPT) {
            return -1;
        }
        evidence.add(new Evidence(ref, time, detail.get()));
        records.add(record.get());
        return evidence.size() - 1;
    }
}
