package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.EvidenceLog;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.IdentityCheck;
import java.time.Duration;
import java.time.Instant;

/**
 * DM-4: Updates arrive once per declared period, ± 10 %, each with an {@code epi} that decrypts (seed 2.2.2,
 * 2.2.4). Measured from the Register or the previous Update of the same registration; a registration that expired,
 * or went longer than the period allows without an Update, missed one.
 */
final class UpdatesEveryPeriod extends CertificationRule {

    /** certification-checks.md, DM-4. */
    private static final double TOLERANCE = 0.10;

    UpdatesEveryPeriod() {
        super("DM-4", "Updates arrive once per declared period (± 10 %), each with an epi that decrypts", "seed 2.2",
                Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        if (product.updatePeriod().isEmpty()) {
            return new Fold() {
                @Override
                public Judged verdict(Instant observedUntil) {
                    return notObserved("the product declaration gives no cmdmp update-period (--product)");
                }
            };
        }
        Duration period = Duration.ofSeconds(product.updatePeriod().getAsLong());
        Duration earliest = Duration.ofMillis(Math.round(period.toMillis() * (1 - TOLERANCE)));
        Duration latest = Duration.ofMillis(Math.round(period.toMillis() * (1 + TOLERANCE)));
        String window = DurationText.of(period) + " ± 10 %";
        return new Fold() {
            private final EvidenceLog bad = new EvidenceLog();
            private final EvidenceLog good = new EvidenceLog();
            /** The accepted Register or Update the next Update is measured from. */
            private DmMessage since;

            @Override
            public void message(DmMessage message) {
                if (message instanceof DmMessage.Register register) {
                    since = register.accepted() ? register : null;
                } else if (message instanceof DmMessage.Update update) {
                    if (update.epi() == IdentityCheck.MISMATCH || update.epi() == IdentityCheck.MALFORMED) {
                        bad.add(update, () -> "epi " + update.epi().label()
                                + (update.detail().isEmpty() ? "" : ": " + update.detail()));
                    }
                    if (!update.accepted()) {
                        return;
                    }
                    if (since != null) {
                        DmMessage from = since;
                        Duration gap = Duration.between(from.time(), update.time());
                        (gap.compareTo(earliest) >= 0 && gap.compareTo(latest) <= 0 ? good : bad).add(update,
                                () -> "Update " + DurationText.of(gap) + " after " + from.ref() + ", declared "
                                        + window);
                    }
                    since = update;
                } else if (message instanceof DmMessage.Expiry expiry) {
                    if (since != null) {
                        DmMessage from = since;
                        bad.add(expiry, () -> "the registration expired with no Update since " + from.ref());
                    }
                    since = null;
                } else if (message instanceof DmMessage.Deregister) {
                    since = null;
                }
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                EvidenceLog missed = bad.copy();
                if (since != null && Duration.between(since.time(), observedUntil).compareTo(latest) > 0) {
                    DmMessage from = since;
                    missed.add(from, () -> "no Update for " + DurationText.of(Duration.between(from.time(),
                            observedUntil)) + " since this, declared " + window);
                }
                if (!missed.isEmpty()) {
                    return broken(missed.count() + " Update(s) missed, early, late or with an epi that does not"
                            + " decrypt", missed);
                }
                return good.isEmpty()
                        ? notObserved("no Update after a Register observed yet")
                        : pass("an Update every " + window, good);
            }
        };
    }
}
