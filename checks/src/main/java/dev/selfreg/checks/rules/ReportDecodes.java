package dev.selfreg.checks.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import dev.selfreg.protocol.zzhc.ZzhcVerdict;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CT-1: the report decodes — standard Base64 of a JSON object whose values are all strings, the required fields
 * present and well formed (ct-zzhc-wire.md, "Request body"; the lab's own field checks are
 * {@link ZzhcReport#decode}'s), and a {@code REGDATE}, when sent, a real date.
 */
final class ReportDecodes extends CertificationRule {

    /** {@code yyyy-MM-dd HH:mm:ss}; a comma between date and time is a dialect seen in vendor code (ct-zzhc-wire.md). */
    private static final Pattern REGDATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ ,]\\d{2}:\\d{2}:\\d{2}");

    ReportDecodes() {
        super("CT-1", "the report decodes (Base64, JSON object, required fields present and well formed)", "wire spec",
                Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        return new Tally() {
            private int reports;

            @Override
            public void report(CtReport report) {
                reports++;
                Optional<String> problem = problem(report);
                if (problem.isPresent()) {
                    bad.add(report, problem::get);
                } else {
                    good.add(report, () -> "decodes: REGVER " + report.text("REGVER") + ", IMEI " + report.imei());
                }
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                return tally("no China Telecom report from this device", reports + " report(s), each decodes",
                        " of " + reports + " report(s) do not decode");
            }
        };
    }

    private static Optional<String> problem(CtReport report) {
        // Values that are not strings first: the wire spec requires strings whatever the lab's decoder accepts.
        for (Map.Entry<String, JsonNode> field : report.fields().map(ObjectNode::properties).orElse(Set.of())) {
            if (!field.getValue().isTextual()) {
                return Optional.of(field.getKey() + " is a JSON "
                        + field.getValue().getNodeType().name().toLowerCase(Locale.ROOT) + " (" + field.getValue()
                        + "), not a string");
            }
        }
        ZzhcVerdict verdict = ZzhcReport.decode(report.bodyBytes());
        if (verdict instanceof ZzhcVerdict.Rejected rejected
                && rejected.reason() != ZzhcVerdict.Reason.NOT_CHINA_TELECOM_IMSI) {
            return Optional.of(rejected.resultDesc() + ": " + rejected.detail());
        }
        if (report.fields().isEmpty()) {
            return Optional.of("not Base64 of a JSON object");
        }
        String date = report.text("REGDATE");
        if (date != null && !REGDATE.matcher(date).matches()) {
            return Optional.of("REGDATE \"" + date + "\" is not a date yyyy-MM-dd HH:mm:ss");
        }
        return Optional.empty();
    }
}
