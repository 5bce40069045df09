package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import java.time.Duration;
import java.time.Instant;

/** CT-9: the first report of a boot comes within 5 min of the attach, where the attach time is known. */
final class FirstReportSoonAfterAttach extends CertificationRule {

    /** The vendor note's bound (certification-checks.md, CT-9). */
    static final Duration WITHIN = Duration.ofMinutes(5);

    FirstReportSoonAfterAttach() {
        super("CT-9", "the first report within 5 min of attach (where the attach time is known)", "vendor note",
                Severity.WARNING);
    }

    @Override
    public Fold start(Product product) {
        return new Tally() {
            private boolean bootsKnown;
            /** The boot whose first report is awaited; {@code null} once it came. */
            private Boot awaiting;

            @Override
            public void boot(Boot boot) {
                bootsKnown = true;
                awaiting = boot;
            }

            @Override
            public void report(CtReport first) {
                if (awaiting == null) {
                    return;
                }
                Boot boot = awaiting;
                awaiting = null;
                Duration delay = Duration.between(boot.attachedAt(), first.time());
                (delay.compareTo(WITHIN) <= 0 ? good : bad).add(first, () -> "first report "
                        + DurationText.of(delay) + " after the attach of " + boot.ref());
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                return tally(!bootsKnown
                                ? "the attach time is not known (emulated modules and marked power-ons tell it)"
                                : "no report in a boot whose attach time is known",
                        "each boot's first report within " + DurationText.of(WITHIN) + " of the attach",
                        " boot(s) whose first report came later than " + DurationText.of(WITHIN) + " after the attach");
            }
        };
    }
}
