package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.EvidenceLog;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.DmMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * DM-7: a Deregister or a lifetime expiry is followed by a fresh Register at the next boot or period (seed 2.2; the
 * module meets the expiry at its next update timer, state 9, and registers again). Overdue once a declared period
 * and 10 % have passed, or {@link #AFTER_ATTACH} after a later known boot's attach, without one.
 */
final class FreshRegisterAfterEnd extends CertificationRule {

    /** The seed's whole Register exchange, 128 s (seed 2.2.3): a boot's Register is over by then. */
    private static final Duration AFTER_ATTACH = Duration.ofSeconds(128);
    /** The slack of a period, as DM-4 allows it. */
    private static final double TOLERANCE = 0.10;

    FreshRegisterAfterEnd() {
        super("DM-7", "a Deregister or a lifetime expiry is followed by a fresh Register at the next boot or period",
                "seed 2.2", Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        return new Fold() {
            private final EvidenceLog good = new EvidenceLog();
            /** The ends no fresh Register has followed yet. */
            private final List<End> open = new ArrayList<>();
            private DmMessage lastEnd;

            @Override
            public void boot(Boot boot) {
                open.stream().filter(end -> end.bootAfter == null && boot.attachedAt().isAfter(end.message.time()))
                        .forEach(end -> end.bootAfter = boot.attachedAt());
            }

            @Override
            public void message(DmMessage message) {
                if (message instanceof DmMessage.Deregister || message instanceof DmMessage.Expiry) {
                    lastEnd = message;
                    open.add(new End(message));
                } else if (message instanceof DmMessage.Register fresh) {
                    open.removeIf(end -> {
                        if (!fresh.time().isAfter(end.message.time())) {
                            return false;
                        }
                        good.add(fresh, () -> "a fresh Register " + DurationText.of(Duration.between(
                                end.message.time(), fresh.time())) + " after " + end.message.ref());
                        return true;
                    });
                }
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                if (lastEnd == null) {
                    return notObserved("no Deregister or lifetime expiry observed");
                }
                EvidenceLog bad = new EvidenceLog();
                for (End end : open) {
                    if (end.overdue(product, observedUntil)) {
                        bad.add(end.message, () -> "no fresh Register since, " + DurationText.of(Duration.between(
                                end.message.time(), observedUntil)) + " later");
                    }
                }
                if (!bad.isEmpty()) {
                    return broken(bad.count() + " end(s) of a registration without a fresh Register", bad);
                }
                return good.isEmpty()
                        ? notObserved("waiting for a fresh Register after " + lastEnd.ref())
                        : pass("a fresh Register after each end of a registration", good);
            }
        };
    }

    /** An end of a registration waiting for a fresh Register, and the first known boot after it. */
    private static final class End {
        private final DmMessage message;
        private Instant bootAfter;

        End(DmMessage message) {
            this.message = message;
        }

        boolean overdue(Product product, Instant observedUntil) {
            if (product.updatePeriod().isPresent()) {
                long millis = Math.round(product.updatePeriod().getAsLong() * 1000 * (1 + TOLERANCE));
                if (observedUntil.isAfter(message.time().plusMillis(millis))) {
                    return true;
                }
            }
            return bootAfter != null && observedUntil.isAfter(bootAfter.plus(AFTER_ATTACH));
        }
    }
}
