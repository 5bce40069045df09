package dev.selfreg.checks;

import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.ObservedRecord;
import dev.selfreg.checks.observed.RecordFold;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One rule of certification-checks.md: its id, its text, where it comes from, and how it judges a device (and what
 * the product is declared to be). A subclass is one rule; its {@link Fold} takes the device's records one at a time,
 * keeps only the few values the rule compares (the last report, the last Update, counts, the first evidence), and
 * decides pass, broken or not observed whenever asked; the rule's severity makes "broken" a failure or a warning.
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

    /** The rule's judgement of one device, before its first record, judging it as {@code product}. */
    public abstract Fold start(Product product);

    /** The rule's verdict on a whole observation: its records folded in time order, judged at its end. */
    public final CheckResult judge(DeviceObservation device, Product product) {
        Fold fold = start(product);
        device.replay(fold);
        return fold.verdict(device.observedUntil()).result();
    }

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

    /** A verdict and the records its evidence names, as a device's timeline shows them. */
    public record Judged(CheckResult result, List<ObservedRecord> records) {

        /** Requires the result; freezes the records. */
        public Judged {
            Objects.requireNonNull(result, "result");
            records = List.copyOf(records);
        }
    }

    /**
     * One rule's judgement of one device while its records arrive. Records come as {@link RecordFold} orders them; a
     * record the rule has no use for is ignored. Never throws on odd records: they are what it judges.
     */
    public abstract class Fold implements RecordFold {

        @Override
        public void boot(Boot boot) {
        }

        @Override
        public void report(CtReport report) {
        }

        @Override
        public void message(DmMessage message) {
        }

        /**
         * The verdict on what was folded so far, the observation ending at {@code observedUntil} (a rule waiting for
         * something not due by then says "not observed"). Changes nothing: more records may follow.
         */
        public abstract Judged verdict(Instant observedUntil);

        /** The device meets the rule. */
        protected final Judged pass(String summary, EvidenceLog evidence) {
            return judged(Verdict.PASS, summary, evidence);
        }

        /** The device breaks the rule: a failure or a warning, as the rule's severity says. */
        protected final Judged broken(String summary, EvidenceLog evidence) {
            return judged(severity.whenBroken(), summary, evidence);
        }

        /** What the rule needs has not been observed; {@code why} says what is missing. */
        protected final Judged notObserved(String why) {
            return judged(Verdict.NOT_OBSERVED, why, new EvidenceLog());
        }

        private Judged judged(Verdict verdict, String summary, EvidenceLog evidence) {
            return new Judged(new CheckResult(id, text, source, severity, verdict, summary, evidence.evidence()),
                    evidence.records());
        }
    }

    /** A fold that counts each record it judges for the rule ({@link #good}) or against it ({@link #bad}). */
    public abstract class Tally extends Fold {

        /** The records that break the rule. */
        protected final EvidenceLog bad = new EvidenceLog();
        /** The records that keep it. */
        protected final EvidenceLog good = new EvidenceLog();

        /**
         * Not observed when no record was judged, broken when one broke the rule, else a pass.
         *
         * @param noneJudged why nothing was judged
         * @param passing the summary of a pass
         * @param broken the summary of a verdict against the device, after the count of records that broke the rule
         */
        protected final Judged tally(String noneJudged, String passing, String broken) {
            if (bad.isEmpty() && good.isEmpty()) {
                return notObserved(noneJudged);
            }
            return bad.isEmpty() ? pass(passing, good) : broken(bad.count() + broken, bad);
        }
    }
}
