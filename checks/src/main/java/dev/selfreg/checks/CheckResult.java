package dev.selfreg.checks;

import java.util.List;
import java.util.Objects;

/**
 * One rule's verdict on one device, with the evidence behind it.
 *
 * @param id the rule's id, {@code CT-1} to {@code CT-9}, {@code DM-1} to {@code DM-7}
 * @param rule the rule as certification-checks.md states it
 * @param source where the rule comes from (seed section, wire spec, vendor code or note)
 * @param severity what breaking it means
 * @param verdict what the rule says of the device
 * @param summary one line saying why, for a person
 * @param evidence the records behind the verdict, the first {@link EvidenceLog#KEPT} of them (the summary counts them
 *     all); empty for {@link Verdict#NOT_OBSERVED}
 */
public record CheckResult(String id, String rule, String source, Severity severity, Verdict verdict, String summary,
                          List<Evidence> evidence) {

    /** Requires every component; freezes the evidence. */
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
    }
}
