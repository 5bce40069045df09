package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.CtReport;
import java.time.Instant;

/** CT-4: {@code SWVER} equals the version filed with the carrier, as the product declares it. */
final class SwverAsFiled extends CertificationRule {

    SwverAsFiled() {
        super("CT-4", "SWVER equals the declared version", "vendor note", Severity.WARNING);
    }

    @Override
    public Fold start(Product product) {
        return new Tally() {
            @Override
            public void report(CtReport report) {
                String swver = report.text("SWVER");
                if (swver == null || product.swver().isEmpty()) {
                    return;
                }
                String filed = product.swver().get();
                if (swver.equals(filed)) {
                    good.add(report, () -> "SWVER " + swver);
                } else {
                    bad.add(report, () -> "SWVER " + swver + ", declared " + filed);
                }
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                if (product.swver().isEmpty()) {
                    return notObserved("the product declaration gives no swver (--product)");
                }
                String filed = product.swver().get();
                return tally("no China Telecom report with a SWVER", "SWVER is the declared " + filed,
                        " report(s) with a SWVER other than the declared " + filed);
            }
        };
    }
}
