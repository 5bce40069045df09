package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.protocol.Carrier;
import java.time.Instant;
import java.util.Optional;

/**
 * CT-5: the IMSI is a China Telecom IMSI (15 digits, {@link Carrier#CHINA_TELECOM}'s prefixes); the ICCID has 19–20
 * characters and starts {@code 8986} (ct-zzhc-wire.md, "Request body").
 */
final class ChinaTelecomCard extends CertificationRule {

    /** ct-zzhc-wire.md, "Request body": {@code SIM1ICCID} 19–20 characters, {@code 8986...}. */
    private static final String CHINESE_ICCID = "8986";
    private static final int ICCID_MIN = 19;
    private static final int ICCID_MAX = 20;

    ChinaTelecomCard() {
        super("CT-5", "the IMSI is a China Telecom IMSI; ICCID 19–20 characters starting 8986", "wire spec",
                Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        return new Tally() {
            @Override
            public void report(CtReport report) {
                if (report.fields().isEmpty()) {
                    return;
                }
                String imsi = report.text("SIM1LTEIMSI");
                String iccid = report.text("SIM1ICCID");
                problem(imsi, iccid).ifPresentOrElse(problem -> bad.add(report, () -> problem),
                        () -> good.add(report, () -> "IMSI " + imsi + ", ICCID " + iccid));
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                return tally("no China Telecom report that decodes to a JSON object",
                        "a China Telecom card in every report",
                        " report(s) without a China Telecom IMSI or a Chinese ICCID");
            }
        };
    }

    private static Optional<String> problem(String imsi, String iccid) {
        if (imsi == null || !imsi.matches("\\d{15}") || Carrier.ofImsi(imsi) != Carrier.CHINA_TELECOM) {
            return Optional.of("IMSI " + imsi + " is not a China Telecom IMSI (15 digits starting "
                    + String.join("/", Carrier.CHINA_TELECOM.imsiPrefixes()) + ")");
        }
        if (iccid == null || iccid.length() < ICCID_MIN || iccid.length() > ICCID_MAX || !iccid.startsWith(CHINESE_ICCID)) {
            return Optional.of("ICCID " + iccid + " is not " + ICCID_MIN + "–" + ICCID_MAX + " characters starting " + CHINESE_ICCID);
        }
        return Optional.empty();
    }
}
