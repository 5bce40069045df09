package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.IdentityCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    public CheckResult judge(DeviceObservation device, Product product) {
        if (product.updatePeriod().isEmpty()) {
            return notObserved("the product declaration gives no cmdmp update-period (--product)");
        }
        Duration period = Duration.ofSeconds(product.updatePeriod().getAsLong());
        Duration earliest = Duration.ofMillis(Math.round(period.toMillis() * (1 - TOLERANCE)));
        Duration latest = Duration.ofMillis(Math.round(period.toMillis() * (1 + TOLERANCE)));
        String window = DurationText.of(period) + " ± 10 %";
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        DmMessage since = null;
        for (DmMessage message : device.dmMessages()) {
            if (message instanceof DmMessage.Register register) {
                since = register.accepted() ? register : null;
            } else if (message instanceof DmMessage.Update update) {
                if (update.epi() == IdentityCheck.MISMATCH || update.epi() == IdentityCheck.MALFORMED) {
                    bad.add(evidence(update, "epi " + update.epi().label()
                            + (update.detail().isEmpty() ? "" : ": " + update.detail())));
                }
                if (!update.accepted()) {
                    continue;
                }
                if (since != null) {
                    Duration gap = Duration.between(since.time(), update.time());
                    Evidence seen = evidence(update, "Update " + DurationText.of(gap) + " after " + since.ref()
                            + ", declared " + window);
                    (gap.compareTo(earliest) >= 0 && gap.compareTo(latest) <= 0 ? good : bad).add(seen);
                }
                since = update;
            } else if (message instanceof DmMessage.Expiry expiry) {
                if (since != null) {
                    bad.add(evidence(expiry, "the registration expired with no Update since " + since.ref()));
                }
                since = null;
            } else if (message instanceof DmMessage.Deregister) {
                since = null;
            }
        }
        if (since != null && Duration.between(since.time(), device.observedUntil()).compareTo(latest) > 0) {
            bad.add(evidence(since, "no Update for " + DurationText.of(Duration.between(since.time(),
                    device.observedUntil())) + " since this, declared " + window));
        }
        if (!bad.isEmpty()) {
            return broken(bad.size() + " Update(s) missed, early, late or with an epi that does not decrypt", bad);
        }
        return good.isEmpty()
                ? notObserved("no Update after a Register observed yet")
                : pass("an Update every " + window, good);
    }
}
