package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * DM-6: a failed Register is retried on the seed's schedule and no more — the retransmissions of the one exchange,
 * then silence until the next boot (seed 2.2.3). The platform answers every Register it receives, so what it sees
 * fail is a refused Register (state 7); its retransmissions are the same exchange to it. A new Register in the same
 * boot breaks the rule; where the boots are not known, a later Register may follow a reboot and is not judged.
 */
final class RegisterRetriesThenSilence extends CertificationRule {

    RegisterRetriesThenSilence() {
        super("DM-6", "a failed Register is retried on the seed's schedule and no more (6 sends, then silence until"
                + " reboot)", "seed 2.2", Severity.FAILURE);
    }

    @Override
    public CheckResult judge(DeviceObservation device, Product product) {
        List<DmMessage.Register> registers = device.dm(DmMessage.Register.class);
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        List<Evidence> undecided = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < registers.size(); i++) {
            DmMessage.Register refused = registers.get(i);
            if (refused.accepted()) {
                continue;
            }
            failed = true;
            DmMessage.Register next = i + 1 < registers.size() ? registers.get(i + 1) : null;
            Boot boot = device.bootOf(refused.time());
            Instant bootEnd = boot == null ? null : device.nextBootAfter(boot);
            if (next == null) {
                good.add(evidence(refused, "refused; no Register since"));
            } else if (boot != null && (bootEnd == null || next.time().isBefore(bootEnd))) {
                bad.add(evidence(next, "a new Register " + DurationText.of(Duration.between(refused.time(), next.time()))
                        + " after the refused " + refused.ref() + ", in the same boot"));
            } else if (boot != null) {
                good.add(evidence(refused, "refused; silent until the next boot"));
            } else {
                undecided.add(evidence(next, "a Register after the refused " + refused.ref()));
            }
        }
        if (!failed) {
            return notObserved("no refused Register observed (one the platform never answered is not seen by it)");
        }
        if (!bad.isEmpty()) {
            return broken(bad.size() + " Register(s) repeated in the boot of a refused one", bad);
        }
        return undecided.isEmpty()
                ? pass("silent after a refused Register until the next boot", good)
                : notObserved("a Register followed a refused one, and the boots are not known: a retry cannot be told"
                        + " from a reboot");
    }
}
