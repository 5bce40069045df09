package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.EvidenceLog;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.DmMessage;
import java.time.Duration;
import java.time.Instant;

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
    public Fold start(Product product) {
        return new Fold() {
            private final EvidenceLog bad = new EvidenceLog();
            private final EvidenceLog good = new EvidenceLog();
            private final EvidenceLog undecided = new EvidenceLog();
            private boolean failed;
            private Boot boot;
            /** The last Register, when it was refused. */
            private DmMessage.Register refused;
            /** The boot the refused Register was made in; {@code null} when not known. */
            private Boot refusedIn;
            /** When the boot after {@link #refusedIn} attached; {@code null} while there is none. */
            private Instant refusedBootEnd;

            @Override
            public void boot(Boot next) {
                if (refused != null && refusedIn != null && refusedBootEnd == null) {
                    refusedBootEnd = next.attachedAt();
                }
                boot = next;
            }

            @Override
            public void message(DmMessage message) {
                if (!(message instanceof DmMessage.Register next)) {
                    return;
                }
                if (refused != null) {
                    DmMessage.Register before = refused;
                    if (refusedIn != null && (refusedBootEnd == null || next.time().isBefore(refusedBootEnd))) {
                        bad.add(next, () -> "a new Register " + DurationText.of(Duration.between(before.time(),
                                next.time())) + " after the refused " + before.ref() + ", in the same boot");
                    } else if (refusedIn != null) {
                        good.add(before, () -> "refused; silent until the next boot");
                    } else {
                        undecided.add(next, () -> "a Register after the refused " + before.ref());
                    }
                }
                refused = next.accepted() ? null : next;
                refusedIn = boot;
                refusedBootEnd = null;
                failed |= refused != null;
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                if (!failed) {
                    return notObserved("no refused Register observed (one the platform never answered is not seen by"
                            + " it)");
                }
                if (!bad.isEmpty()) {
                    return broken(bad.count() + " Register(s) repeated in the boot of a refused one", bad);
                }
                if (!undecided.isEmpty()) {
                    return notObserved("a Register followed a refused one, and the boots are not known: a retry cannot"
                            + " be told from a reboot");
                }
                EvidenceLog kept = good.copy();
                if (refused != null) {
                    kept.add(refused, () -> "refused; no Register since");
                }
                return pass("silent after a refused Register until the next boot", kept);
            }
        };
    }
}
