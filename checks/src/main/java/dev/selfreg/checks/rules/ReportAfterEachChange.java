package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.EvidenceLog;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.protocol.Carrier;
import java.time.Instant;

/**
 * CT-7: a report after each change (seed 2.1): a known boot with a China Telecom card whose ICCID or firmware differs
 * from the last successful report (or with none before it) must bring a report of the new ICCID and {@code SWVER}
 * in that boot. Only known boots tell a change (emulated modules, a marked power-on with its card and firmware). In
 * the last boot a report is waited for {@link FirstReportSoonAfterAttach#WITHIN} after the attach.
 */
final class ReportAfterEachChange extends CertificationRule {

    ReportAfterEachChange() {
        super("CT-7", "a report after each change: a new ICCID or SWVER seen on another channel brings a new report",
                "seed 2.1", Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        return new Fold() {
            private final EvidenceLog bad = new EvidenceLog();
            private final EvidenceLog good = new EvidenceLog();
            private boolean bootsKnown;
            /** The last successful report that decodes. */
            private CtReport lastSuccess;
            /** The boot in progress, when it brought a change to report. */
            private Change change;

            @Override
            public void boot(Boot boot) {
                bootsKnown = true;
                if (change != null) {
                    change.close(boot.attachedAt(), null, bad, good);
                }
                change = null;
                if (boot.iccid() == null || boot.firmware() == null
                        || Carrier.ofImsi(boot.imsi()) != Carrier.CHINA_TELECOM) {
                    return;
                }
                if (lastSuccess == null || NoReportWithoutChange.changedFrom(lastSuccess, boot)) {
                    change = new Change(boot, lastSuccess == null ? "no earlier successful report"
                            : "changed since " + lastSuccess.ref());
                }
            }

            @Override
            public void report(CtReport report) {
                if (change != null) {
                    change.seen(report);
                }
                if (report.succeeded() && report.fields().isPresent()) {
                    lastSuccess = report;
                }
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                if (!bootsKnown) {
                    return notObserved("the device's boots are not known (emulated modules and marked power-ons tell"
                            + " them)");
                }
                EvidenceLog failed = bad.copy();
                EvidenceLog kept = good.copy();
                if (change != null) {
                    change.close(null, observedUntil, failed, kept);
                }
                if (!failed.isEmpty()) {
                    return broken(failed.count() + " change(s) without a new report", failed);
                }
                return kept.isEmpty()
                        ? notObserved("no boot with a new China Telecom card or firmware observed")
                        : pass("a report after each change", kept);
            }
        };
    }

    /** A boot with a new card or firmware, and the reports of it so far. */
    private static final class Change {
        private final Boot boot;
        private final String change;
        private CtReport first;
        private CtReport reported;

        Change(Boot boot, String change) {
            this.boot = boot;
            this.change = change;
        }

        void seen(CtReport report) {
            first = first == null ? report : first;
            if (reported == null && boot.iccid().equals(report.text("SIM1ICCID"))
                    && boot.firmware().equals(report.text("SWVER"))) {
                reported = report;
            }
        }

        /** Judges the boot, ended by the next one at {@code end}, or still going at {@code observedUntil}. */
        void close(Instant end, Instant observedUntil, EvidenceLog bad, EvidenceLog good) {
            if (reported != null) {
                good.add(reported, () -> "reported ICCID " + boot.iccid() + ", SWVER " + boot.firmware() + " after "
                        + boot.ref() + " (" + change + ")");
            } else if (first != null) {
                CtReport stale = first;
                bad.add(stale, () -> "reported " + NoReportWithoutChange.tuple(stale) + ", but " + boot.ref()
                        + " has ICCID " + boot.iccid() + ", firmware " + boot.firmware());
            } else if (end != null
                    || !observedUntil.isBefore(boot.attachedAt().plus(FirstReportSoonAfterAttach.WITHIN))) {
                bad.add(boot, () -> "ICCID " + boot.iccid() + ", firmware " + boot.firmware() + " (" + change
                        + "): no report in this boot");
            }
        }
    }
}
