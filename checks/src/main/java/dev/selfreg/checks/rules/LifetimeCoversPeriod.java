package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.DmMessage;
import java.time.Instant;

/**
 * DM-3: the Register's {@code lt} is at least the declared update period (cmcc-dm-wire.md, "Register": the vendor
 * client asks for the period plus 46 s), so the registration outlives the wait for the next Update.
 */
final class LifetimeCoversPeriod extends CertificationRule {

    LifetimeCoversPeriod() {
        super("DM-3", "lt ≥ the declared update period", "wire spec, vendor code (+46)", Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        return new Tally() {
            @Override
            public void message(DmMessage message) {
                if (!(message instanceof DmMessage.Register register) || register.lifetime().isEmpty()
                        || product.updatePeriod().isEmpty()) {
                    return;
                }
                long period = product.updatePeriod().getAsLong();
                long lifetime = register.lifetime().getAsLong();
                if (lifetime >= period) {
                    good.add(register, () -> "lt " + lifetime + " s, declared period " + period + " s");
                } else {
                    bad.add(register, () -> "lt " + lifetime + " s is shorter than the declared period " + period
                            + " s");
                }
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                if (product.updatePeriod().isEmpty()) {
                    return notObserved("the product declaration gives no cmdmp update-period (--product)");
                }
                return tally("no CMDMP Register with a known lifetime", "the lifetime covers the declared update"
                        + " period of " + product.updatePeriod().getAsLong() + " s",
                        " Register(s) with a lifetime shorter than the update period");
            }
        };
    }
}
