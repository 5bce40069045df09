package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import java.util.ArrayList;
import java.util.List;

/** CT-4: {@code SWVER} equals the version filed with the carrier, as the product declares it. */
final class SwverAsFiled extends CertificationRule {

    SwverAsFiled() {
        super("CT-4", "SWVER equals the declared version", "vendor note", Severity.WARNING);
    }

    @Override
    public CheckResult judge(DeviceObservation device, Product product) {
        if (product.swver().isEmpty()) {
            return notObserved("the product declaration gives no swver (--product)");
        }
        String filed = product.swver().get();
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        for (CtReport report : device.ctReports()) {
            String swver = report.text("SWVER");
            if (swver == null) {
                continue;
            }
            if (swver.equals(filed)) {
                good.add(evidence(report, "SWVER " + swver));
            } else {
                bad.add(evidence(report, "SWVER " + swver + ", declared " + filed));
            }
        }
        if (bad.isEmpty() && good.isEmpty()) {
            return notObserved("no China Telecom report with a SWVER");
        }
        return bad.isEmpty()
                ? pass("SWVER is the declared " + filed, good)
                : broken(bad.size() + " report(s) with a SWVER other than the declared " + filed, bad);
    }
}
