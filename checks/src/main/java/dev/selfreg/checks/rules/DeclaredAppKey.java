package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.IdentityCheck;
import java.time.Instant;

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
    public Fold start(Product product) {
        return new Tally() {
            @Override
            public void message(DmMessage message) {
                if (!(message instanceof DmMessage.Register register)) {
                    return;
                }
                String appKey = register.appKey();
                if (register.identity() == IdentityCheck.PLAIN) {
                    bad.add(register, () -> "not a DM 2.0 endpoint: no APPkey");
                } else if (appKey == null) {
                    return;
                } else if (!register.appKeyKnown()) {
                    bad.add(register, () -> "APPkey " + appKey + " is not one the platform knows (--dm-app)");
                } else if (product.appKey().isPresent() && !product.appKey().get().equals(appKey)) {
                    bad.add(register, () -> "APPkey " + appKey + ", declared " + product.appKey().get());
                } else {
                    good.add(register, () -> "APPkey " + appKey);
                }
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                return tally("no CMDMP Register with an APPkey from this device",
                        "the APPkey is " + (product.appKey().isPresent() ? "the declared one" : "known to the platform"),
                        " Register(s) with an APPkey other than the declared one");
            }
        };
    }
}
