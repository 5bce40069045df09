package dev.selfreg.checks;

import dev.selfreg.checks.observed.ObservedRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every rule's verdict on one device, and the records they were judged on.
 *
 * @param imei the device
 * @param product the product it was judged as ({@link Product#name()})
 * @param observedUntil the end of the observation judged
 * @param results one per rule, in the rules' order
 * @param records what was observed of the device, in time order; evidence refers to them by {@code ref}
 */
public record Checklist(String imei, String product, Instant observedUntil, List<CheckResult> results,
                        List<ObservedRecord> records) {

    /** Requires every component; freezes the lists. */
    public Checklist {
        Objects.requireNonNull(imei, "imei");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(observedUntil, "observedUntil");
        results = List.copyOf(results);
        records = List.copyOf(records);
    }

    /** How many rules gave {@code verdict}. */
    public long count(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** The device's overall verdict: the worst of fail, warn, pass; not observed when no rule saw anything. */
    public Verdict overall() {
        for (Verdict verdict : List.of(Verdict.FAIL, Verdict.WARN, Verdict.PASS)) {
            if (count(verdict) > 0) {
                return verdict;
            }
        }
        return Verdict.NOT_OBSERVED;
    }

    /** The result of the rule {@code id}, if it was judged. */
    public Optional<CheckResult> result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
