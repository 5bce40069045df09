package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.protocol.Carrier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    public CheckResult judge(DeviceObservation device, Product product) {
        if (device.boots().isEmpty()) {
            return notObserved("the device's boots are not known (emulated modules and marked power-ons tell them)");
        }
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        for (Boot boot : device.boots()) {
            if (boot.iccid() == null || boot.firmware() == null || Carrier.ofImsi(boot.imsi()) != Carrier.CHINA_TELECOM) {
                continue;
            }
            CtReport last = lastSuccessBefore(device, boot.attachedAt());
            if (last != null && !NoReportWithoutChange.changedFrom(last, boot)) {
                continue;
            }
            String change = last == null ? "no earlier successful report" : "changed since " + last.ref();
            Instant end = device.nextBootAfter(boot);
            List<CtReport> inBoot = device.reportsIn(boot);
            CtReport reported = inBoot.stream()
                    .filter(r -> boot.iccid().equals(r.text("SIM1ICCID")) && boot.firmware().equals(r.text("SWVER")))
                    .findFirst().orElse(null);
            if (reported != null) {
                good.add(evidence(reported, "reported ICCID " + boot.iccid() + ", SWVER " + boot.firmware() + " after "
                        + boot.ref() + " (" + change + ")"));
            } else if (!inBoot.isEmpty()) {
                CtReport stale = inBoot.get(0);
                bad.add(evidence(stale, "reported " + NoReportWithoutChange.tuple(stale) + ", but " + boot.ref()
                        + " has ICCID " + boot.iccid() + ", firmware " + boot.firmware()));
            } else if (end != null || !device.observedUntil().isBefore(
                    boot.attachedAt().plus(FirstReportSoonAfterAttach.WITHIN))) {
                bad.add(evidence(boot, "ICCID " + boot.iccid() + ", firmware " + boot.firmware() + " (" + change
                        + "): no report in this boot"));
            }
        }
        if (!bad.isEmpty()) {
            return broken(bad.size() + " change(s) without a new report", bad);
        }
        return good.isEmpty()
                ? notObserved("no boot with a new China Telecom card or firmware observed")
                : pass("a report after each change", good);
    }

    private static CtReport lastSuccessBefore(DeviceObservation device, Instant moment) {
        CtReport last = null;
        for (CtReport report : device.ctReports()) {
            if (report.time().isBefore(moment) && report.succeeded() && report.fields().isPresent()) {
                last = report;
            }
        }
        return last;
    }
}
