package dev.selfreg.checks;

import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import java.util.List;
import java.util.Objects;

/**
 * One rule of certification-checks.md: its id, its text, where it comes from, and a function from what was observed
 * of a device (and what the product is declared to be) to a verdict with its evidence. A subclass is one rule; it
 * decides pass, broken or not observed, and the rule's severity makes "broken" a failure or a warning.
 */
public abstract class CertificationRule {

    private final String id;
    private final String text;
    private final String source;
    private final Severity severity;

    /**
     * @param id {@code CT-1} ... {@code DM-7}
     * @param text the rule as certification-checks.md states it
     * @param source where it comes from, as the spec's table says
     * @param severity failure for the seed or the wire format, warning for a vendor note
     */
    protected CertificationRule(String id, String text, String source, Severity severity) {
        this.id = Objects.requireNonNull(id, "id");
        this.text = Objects.requireNonNull(text, "text");
        this.source = Objects.requireNonNull(source, "source");
        this.severity = Objects.requireNonNull(severity, "severity");
    }

    /** The rule's verdict on one device. Never throws on odd observations: they are what it judges. */
    public abstract CheckResult judge(DeviceObservation device, Product product);

    public final String id() {
        return id;
    }

    public final String text() {
        return text;
    }

    public final String source() {
        return source;
    }

    public final Severity severity() {
        return severity;
    }

    /** The device meets the rule. */
    protected final CheckResult pass(String summary, List<Evidence> evidence) {
        return result(Verdict.PASS, summary, evidence);
    }

    /** The device breaks the rule: a failure or a warning, as the rule's severity says. */
    protected final CheckResult broken(String summary, List<Evidence> evidence) {
        return result(severity.whenBroken(), summary, evidence);
    }

    /** What the rule needs has not been observed; {@code why} says what is missing. */
    protected final CheckResult notObserved(String why) {
        return result(Verdict.NOT_OBSERVED, why, List.of());
    }

    /** Evidence from a China Telecom report. */
    protected static Evidence evidence(CtReport report, String detail) {
        return new Evidence(report.ref(), report.time(), detail);
    }

    /** Evidence from a China Mobile message. */
    protected static Evidence evidence(DmMessage message, String detail) {
        return new Evidence(message.ref(), message.time(), detail);
    }

    /** Evidence from a known boot. */
    protected static Evidence evidence(Boot boot, String detail) {
        return new Evidence(boot.ref(), boot.attachedAt(), detail);
    }

    private CheckResult result(Verdict verdict, String summary, List<Evidence> evidence) {
        return new CheckResult(id, text, source, severity, verdict, summary, evidence);
    }
}
