package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** CT-9: the first report of a boot comes within 5 min of the attach, where the attach time is known. */
final class FirstReportSoonAfterAttach extends CertificationRule {

    /** The vendor note's bound (certification-checks.md, CT-9). */
    static final Duration WITHIN = Duration.ofMinutes(5);

    FirstReportSoonAfterAttach() {
        super("CT-9", "the first report within 5 min of attach (where the attach time is known)", "vendor note",
                Severity.WARNING);
    }

    @Override
    public CheckResult judge(DeviceObservation device, Product product) {
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        for (Boot boot : device.boots()) {
            CtReport first = device.reportsIn(boot).stream().findFirst().orElse(null);
            if (first == null) {
                continue;
            }
            Duration delay = Duration.between(boot.attachedAt(), first.time());
            Evidence seen = evidence(first, "first report " + DurationText.of(delay) + " after the attach of " + boot.ref());
            if (delay.compareTo(WITHIN) <= 0) {
                good.add(seen);
            } else {
                bad.add(seen);
            }
        }
        if (bad.isEmpty() && good.isEmpty()) {
            return notObserved(device.boots().isEmpty()
                    ? "the attach time is not known (emulated modules and marked power-ons tell it)"
                    : "no report in a boot whose attach time is known");
        }
        return bad.isEmpty()
                ? pass("each boot's first report within " + DurationText.of(WITHIN) + " of the attach", good)
                : broken(bad.size() + " boot(s) whose first report came later than " + DurationText.of(WITHIN)
                        + " after the attach", bad);
    }
}
