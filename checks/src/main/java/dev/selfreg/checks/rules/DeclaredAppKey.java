package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.IdentityCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * DM-2: the APPkey is the declared one; an APPkey the platform does not know is a failure, in lab mode too
 * (cmcc-dm-wire.md, "Lab platform checks").
 */
final class DeclaredAppKey extends CertificationRule {

    DeclaredAppKey() {
        super("DM-2", "the APPkey is the declared one (an unknown APPkey is a failure, in lab mode too)", "wire spec",
                Severity.FAILURE);
    }

    @Override
    public CheckResult judge(DeviceObservation device, Product product) {
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        for (DmMessage.Register register : device.dm(DmMessage.Register.class)) {
            String appKey = register.appKey();
            if (register.identity() == IdentityCheck.PLAIN) {
                bad.add(evidence(register, "not a DM 2.0 endpoint: no APPkey"));
            } else if (appKey == null) {
                continue;
            } else if (!register.appKeyKnown()) {
                bad.add(evidence(register, "APPkey " + appKey + " is not one the platform knows (--dm-app)"));
            } else if (product.appKey().isPresent() && !product.appKey().get().equals(appKey)) {
                bad.add(evidence(register, "APPkey " + appKey + ", declared " + product.appKey().get()));
            } else {
                good.add(evidence(register, "APPkey " + appKey));
            }
        }
        if (bad.isEmpty() && good.isEmpty()) {
            return notObserved("no CMDMP Register with an APPkey from this device");
        }
        return bad.isEmpty()
                ? pass("the APPkey is " + (product.appKey().isPresent() ? "the declared one" : "known to the platform"),
                        good)
                : broken(bad.size() + " Register(s) with an APPkey other than the declared one", bad);
    }
}
