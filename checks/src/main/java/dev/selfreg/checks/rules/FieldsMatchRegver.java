package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.protocol.zzhc.ZzhcFieldSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CT-2: the fields match the {@code REGVER} (ct-zzhc-wire.md, "Dialects real clients send"; {@link ZzhcFieldSet}). */
final class FieldsMatchRegver extends CertificationRule {

    FieldsMatchRegver() {
        super("CT-2", "the fields match the REGVER (v2: the six fields; 5.0: IMEI1, REGDATE, …)", "vendor code",
                Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        return new Tally() {
            private int judged;

            @Override
            public void report(CtReport report) {
                if (report.fields().isEmpty()) {
                    return;
                }
                judged++;
                List<String> keys = new ArrayList<>();
                report.fields().get().fieldNames().forEachRemaining(keys::add);
                ZzhcFieldSet.Match match = ZzhcFieldSet.classify(report.text("REGVER"), keys);
                if (match instanceof ZzhcFieldSet.Match.Matched matched) {
                    good.add(report, () -> matched.set().label());
                } else {
                    bad.add(report, ((ZzhcFieldSet.Match.Unmatched) match)::reason);
                }
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                return tally("no China Telecom report that decodes to a JSON object",
                        "the fields of " + judged + " report(s) match their REGVER",
                        " of " + judged + " report(s) have fields that do not match their REGVER");
            }
        };
    }
}
