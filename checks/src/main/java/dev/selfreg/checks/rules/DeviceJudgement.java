package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.ObservedRecord;
import dev.selfreg.checks.observed.RecordFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every rule's judgement of one device while its records arrive, one at a time ({@link RecordFold}): what it holds
 * is each rule's folded state, a few values and at most {@link dev.selfreg.checks.EvidenceLog#KEPT} evidence lines
 * per side of a verdict, however long the device's history.
 */
public final class DeviceJudgement implements RecordFold {

    private final String imei;
    private final Product product;
    private final List<CertificationRule.Fold> folds;

    DeviceJudgement(String imei, Product product, List<CertificationRule> rules) {
        this.imei = Objects.requireNonNull(imei, "imei");
        this.product = Objects.requireNonNull(product, "product");
        this.folds = rules.stream().map(rule -> rule.start(product)).toList();
    }

    public String imei() {
        return imei;
    }

    @Override
    public void boot(Boot boot) {
        folds.forEach(fold -> fold.boot(boot));
    }

    @Override
    public void report(CtReport report) {
        folds.forEach(fold -> fold.report(report));
    }

    @Override
    public void message(DmMessage message) {
        folds.forEach(fold -> fold.message(message));
    }

    /**
     * Every rule's verdict on what was folded so far, the observation ending at {@code observedUntil}; its records
     * are those the evidence names, in time order. Changes nothing: more records may follow.
     */
    public Checklist checklist(Instant observedUntil) {
        List<CertificationRule.Judged> judged = verdicts(observedUntil);
        Map<String, ObservedRecord> named = new LinkedHashMap<>();
        judged.forEach(j -> j.records().forEach(r -> named.putIfAbsent(r.ref(), r)));
        List<ObservedRecord> records = new ArrayList<>(named.values());
        records.sort(Comparator.comparing(ObservedRecord::time));
        return checklist(observedUntil, judged, records);
    }

    /** Every rule's verdict, shown with the given records (a platform that keeps them all shows them all). */
    Checklist checklist(Instant observedUntil, List<ObservedRecord> records) {
        return checklist(observedUntil, verdicts(observedUntil), records);
    }

    private List<CertificationRule.Judged> verdicts(Instant observedUntil) {
        return folds.stream().map(fold -> fold.verdict(observedUntil)).toList();
    }

    private Checklist checklist(Instant observedUntil, List<CertificationRule.Judged> judged,
            List<ObservedRecord> records) {
        return new Checklist(imei, product.name(), observedUntil,
                judged.stream().map(CertificationRule.Judged::result).toList(), records);
    }
}
