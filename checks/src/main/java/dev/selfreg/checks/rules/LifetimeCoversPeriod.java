package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * DM-3: the Register's {@code lt} is at least the declared update period (cmcc-dm-wire.md, "Register": the vendor
 * client asks for the period plus 46 s), so the registration outlives the wait for the next Update.
 */
final class LifetimeCoversPeriod extends CertificationRule {

    LifetimeCoversPeriod() {
        super("DM-3", "lt ≥ the declared update period", "wire spec, vendor code (+46)", Severity.FAILURE);
    }

    @Override
    public CheckResult judge(DeviceObservation device, Product product) {
        if (product.updatePeriod().isEmpty()) {
            return notObserved("the product declaration gives no cmdmp update-period (--product)");
        }
        long period = product.updatePeriod().getAsLong();
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        for (DmMessage.Register register : device.dm(DmMessage.Register.class)) {
            if (register.lifetime().isEmpty()) {
                continue;
            }
            long lifetime = register.lifetime().getAsLong();
            if (lifetime >= period) {
                good.add(evidence(register, "lt " + lifetime + " s, declared period " + period + " s"));
            } else {
                bad.add(evidence(register, "lt " + lifetime + " s is shorter than the declared period " + period + " s"));
            }
        }
        if (bad.isEmpty() && good.isEmpty()) {
            return notObserved("no CMDMP Register with a known lifetime");
        }
        return bad.isEmpty()
                ? pass("the lifetime covers the declared update period of " + period + " s", good)
                : broken(bad.size() + " Register(s) with a lifetime shorter than the update period", bad);
    }
}
