package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    public CheckResult judge(DeviceObservation device, Product product) {
        List<CtReport> successes = device.ctReports().stream().filter(r -> r.succeeded() && r.fields().isPresent())
                .toList();
        if (successes.isEmpty()) {
            return notObserved("no successful China Telecom report");
        }
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        for (int i = 1; i < successes.size(); i++) {
            CtReport before = successes.get(i - 1);
            CtReport again = successes.get(i);
            if (!sameTuple(before, again)) {
                good.add(evidence(again, "reported a change since " + before.ref() + ": " + tuple(again)));
            } else if (changedBetween(device, before, again.time())) {
                good.add(evidence(again, "reported again after a boot with another card or firmware"));
            } else {
                bad.add(evidence(again, "re-registered without a change: " + tuple(again) + " as in " + before.ref()));
            }
        }
        CtReport last = successes.get(successes.size() - 1);
        device.boots().stream()
                .filter(boot -> boot.attachedAt().isAfter(last.time()) && !changedFrom(last, boot))
                .findFirst()
                .ifPresent(boot -> good.add(evidence(boot, "booted again with the same card and firmware; no report")));
        if (!bad.isEmpty()) {
            return broken(bad.size() + " successful report(s) without a change", bad);
        }
        return good.isEmpty()
                ? notObserved("one successful report and no later boot known: a re-registration needs a second boot")
                : pass("no re-registration without a change", good);
    }

    private static boolean sameTuple(CtReport a, CtReport b) {
        return Objects.equals(a.imei(), b.imei()) && Objects.equals(a.text("SIM1ICCID"), b.text("SIM1ICCID"))
                && Objects.equals(a.text("SWVER"), b.text("SWVER"));
    }

    /** Whether a known boot between the report and {@code until} had another card or firmware. */
    private static boolean changedBetween(DeviceObservation device, CtReport report, Instant until) {
        return device.boots().stream()
                .filter(boot -> boot.attachedAt().isAfter(report.time()) && boot.attachedAt().isBefore(until))
                .anyMatch(boot -> changedFrom(report, boot));
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
