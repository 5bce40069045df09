package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.RetryProfile;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public CheckResult judge(DeviceObservation device, Product product) {
        List<CtReport> attempts = device.ctReports();
        if (attempts.stream().allMatch(CtReport::succeeded)) {
            return notObserved("no failed China Telecom attempt observed");
        }
        RetryProfile profile = product.retryProfile();
        Map<Boot, List<CtReport>> byBoot = new LinkedHashMap<>();
        List<CtReport> bootUnknown = new ArrayList<>();
        for (CtReport attempt : attempts) {
            Boot boot = device.bootOf(attempt.time());
            if (boot == null) {
                bootUnknown.add(attempt);
            } else {
                byBoot.computeIfAbsent(boot, b -> new ArrayList<>()).add(attempt);
            }
        }
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        List<Evidence> undecided = new ArrayList<>();
        byBoot.forEach((boot, inBoot) -> {
            if (inBoot.size() > profile.attemptsPerBoot()) {
                bad.add(evidence(boot, inBoot.size() + " attempts in this boot, at most " + profile.attemptsPerBoot()
                        + " (" + profile.code() + ", " + profile.source() + ")"));
            }
            spacing(inBoot, profile, good, bad);
        });
        spacing(bootUnknown, profile, good, undecided);
        if (!bad.isEmpty()) {
            return broken(bad.size() + " retry rule(s) broken", bad);
        }
        if (!undecided.isEmpty()) {
            return notObserved("an attempt came less than " + DurationText.of(profile.retryInterval())
                    + " after a failure, and the boots are not known: a retry cannot be told from a new boot");
        }
        return pass("retries " + DurationText.of(profile.retryInterval()) + " apart or more, at most "
                + profile.attemptsPerBoot() + " attempts per boot", good);
    }

    /** Each attempt after a failure: far enough is good, too soon goes to {@code tooSoon}. */
    private static void spacing(List<CtReport> attempts, RetryProfile profile, List<Evidence> good,
            List<Evidence> tooSoon) {
        for (int i = 0; i < attempts.size(); i++) {
            CtReport failed = attempts.get(i);
            if (failed.succeeded()) {
                continue;
            }
            if (i + 1 == attempts.size()) {
                good.add(evidence(failed, "failed (resultCode " + failed.resultCode() + "); no attempt since"));
                continue;
            }
            CtReport next = attempts.get(i + 1);
            Duration gap = Duration.between(failed.time(), next.time());
            Evidence seen = evidence(next, "attempt " + DurationText.of(gap) + " after the failure in " + failed.ref());
            if (gap.compareTo(profile.retryInterval()) >= 0) {
                good.add(seen);
            } else {
                tooSoon.add(seen);
            }
        }
    }
}
