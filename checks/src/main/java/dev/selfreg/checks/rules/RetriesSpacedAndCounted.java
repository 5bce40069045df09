package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.EvidenceLog;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.RetryProfile;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import java.time.Duration;
import java.time.Instant;

/**
 * CT-8: retries after a failed attempt are at least the profile's interval apart, and a boot makes at most the
 * profile's attempts (seed 2.1.3; {@link RetryProfile}). A failed attempt is a report answered with a
 * {@code resultCode} other than {@code "0"}; a report the platform never received is not seen here. Where the boots
 * are not known, an attempt soon after a failure may have been a new boot, so only spacing that keeps the rule
 * either way is judged.
 */
final class RetriesSpacedAndCounted extends CertificationRule {

    RetriesSpacedAndCounted() {
        super("CT-8", "retries after a failed attempt: ≥ 1 h apart, at most the profile's count per boot",
                "seed 2.1.3", Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        RetryProfile profile = product.retryProfile();
        return new Fold() {
            private final EvidenceLog bad = new EvidenceLog();
            /** What kept the rule in a known boot. */
            private final EvidenceLog good = new EvidenceLog();
            /** What kept the rule before the first known boot: shown after {@link #good}. */
            private final EvidenceLog goodBootUnknown = new EvidenceLog();
            private final EvidenceLog undecided = new EvidenceLog();
            private boolean failure;
            private Boot boot;
            private int attemptsInBoot;
            /** Where the evidence of too many attempts in this boot is kept, to count on; -1 when not kept. */
            private int tooMany = -1;
            /** The last attempt in this boot (or before the first known boot), when it failed. */
            private CtReport failed;

            @Override
            public void boot(Boot next) {
                noAttemptSince(failed, boot == null ? goodBootUnknown : good);
                failed = null;
                boot = next;
                attemptsInBoot = 0;
                tooMany = -1;
            }

            @Override
            public void report(CtReport attempt) {
                failure |= !attempt.succeeded();
                attemptsInBoot++;
                if (boot != null && attemptsInBoot > profile.attemptsPerBoot()) {
                    String detail = attemptsInBoot + " attempts in this boot, at most " + profile.attemptsPerBoot()
                            + " (" + profile.code() + ", " + profile.source() + ")";
                    if (attemptsInBoot == profile.attemptsPerBoot() + 1) {
                        Boot inBoot = boot;
                        tooMany = bad.add(inBoot, () -> detail);
                    } else {
                        bad.redetail(tooMany, detail);
                    }
                }
                if (failed != null) {
                    CtReport before = failed;
                    Duration gap = Duration.between(before.time(), attempt.time());
                    EvidenceLog side = gap.compareTo(profile.retryInterval()) >= 0
                            ? boot == null ? goodBootUnknown : good
                            : boot == null ? undecided : bad;
                    side.add(attempt, () -> "attempt " + DurationText.of(gap) + " after the failure in "
                            + before.ref());
                }
                failed = attempt.succeeded() ? null : attempt;
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                if (!failure) {
                    return notObserved("no failed China Telecom attempt observed");
                }
                if (!bad.isEmpty()) {
                    return broken(bad.count() + " retry rule(s) broken", bad);
                }
                if (!undecided.isEmpty()) {
                    return notObserved("an attempt came less than " + DurationText.of(profile.retryInterval())
                            + " after a failure, and the boots are not known: a retry cannot be told from a new boot");
                }
                EvidenceLog kept = good.copy();
                EvidenceLog bootUnknown = goodBootUnknown.copy();
                noAttemptSince(failed, boot == null ? bootUnknown : kept);
                kept.append(bootUnknown);
                return pass("retries " + DurationText.of(profile.retryInterval()) + " apart or more, at most "
                        + profile.attemptsPerBoot() + " attempts per boot", kept);
            }
        };
    }

    /** A failed attempt that was the last of its boot. */
    private static void noAttemptSince(CtReport failed, EvidenceLog good) {
        if (failed != null) {
            good.add(failed, () -> "failed (resultCode " + failed.resultCode() + "); no attempt since");
        }
    }
}
