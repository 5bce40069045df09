package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.EvidenceLog;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import java.time.Instant;
import java.util.Objects;

/**
 * CT-6: a report only when something changed (seed 2.1): a second successful report with the same IMEI, ICCID and
 * {@code SWVER} as the one before, with no boot in between that changed them, is a re-registration without a change.
 * A known boot after a success that brought no report shows the rule kept.
 */
final class NoReportWithoutChange extends CertificationRule {

    NoReportWithoutChange() {
        super("CT-6", "a report only when something changed (no second successful report with the same IMEI, ICCID"
                + " and SWVER)", "seed 2.1", Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        return new Fold() {
            private final EvidenceLog bad = new EvidenceLog();
            private final EvidenceLog good = new EvidenceLog();
            /** The last successful report that decodes. */
            private CtReport last;
            /** The first known boot since {@link #last} with another card or firmware. */
            private Instant changedAt;
            /** The first known boot since {@link #last} with the same card and firmware. */
            private Boot sameBoot;

            @Override
            public void boot(Boot boot) {
                if (last == null || !boot.attachedAt().isAfter(last.time())) {
                    return;
                }
                if (changedFrom(last, boot)) {
                    changedAt = changedAt == null ? boot.attachedAt() : changedAt;
                } else if (sameBoot == null) {
                    sameBoot = boot;
                }
            }

            @Override
            public void report(CtReport again) {
                if (!again.succeeded() || again.fields().isEmpty()) {
                    return;
                }
                CtReport before = last;
                if (before != null) {
                    if (!sameTuple(before, again)) {
                        good.add(again, () -> "reported a change since " + before.ref() + ": " + tuple(again));
                    } else if (changedAt != null && changedAt.isBefore(again.time())) {
                        good.add(again, () -> "reported again after a boot with another card or firmware");
                    } else {
                        bad.add(again, () -> "re-registered without a change: " + tuple(again) + " as in "
                                + before.ref());
                    }
                }
                last = again;
                changedAt = null;
                sameBoot = null;
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                if (last == null) {
                    return notObserved("no successful China Telecom report");
                }
                if (!bad.isEmpty()) {
                    return broken(bad.count() + " successful report(s) without a change", bad);
                }
                EvidenceLog kept = good.copy();
                if (sameBoot != null) {
                    kept.add(sameBoot, () -> "booted again with the same card and firmware; no report");
                }
                return kept.isEmpty()
                        ? notObserved("one successful report and no later boot known: a re-registration needs a"
                                + " second boot")
                        : pass("no re-registration without a change", kept);
            }
        };
    }

    private static boolean sameTuple(CtReport a, CtReport b) {
        return Objects.equals(a.imei(), b.imei()) && Objects.equals(a.text("SIM1ICCID"), b.text("SIM1ICCID"))
                && Objects.equals(a.text("SWVER"), b.text("SWVER"));
    }

    /** Whether the boot's card or firmware, where known, differ from what the report said. */
    static boolean changedFrom(CtReport report, Boot boot) {
        return boot.iccid() != null && !boot.iccid().equals(report.text("SIM1ICCID"))
                || boot.firmware() != null && !boot.firmware().equals(report.text("SWVER"));
    }

    static String tuple(CtReport report) {
        return "IMEI " + report.imei() + ", ICCID " + report.text("SIM1ICCID") + ", SWVER " + report.text("SWVER");
    }
}
