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
    public CheckResult judge(DeviceObservation device, Product product) {
        List<DmMessage> ends = device.dmMessages().stream()
                .filter(m -> m instanceof DmMessage.Deregister || m instanceof DmMessage.Expiry)
                .toList();
        if (ends.isEmpty()) {
            return notObserved("no Deregister or lifetime expiry observed");
        }
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        for (DmMessage end : ends) {
            DmMessage.Register fresh = device.dm(DmMessage.Register.class).stream()
                    .filter(r -> r.time().isAfter(end.time())).findFirst().orElse(null);
            if (fresh != null) {
                good.add(evidence(fresh, "a fresh Register " + DurationText.of(Duration.between(end.time(), fresh.time()))
                        + " after " + end.ref()));
            } else if (overdue(device, product, end.time())) {
                bad.add(evidence(end, "no fresh Register since, " + DurationText.of(Duration.between(end.time(),
                        device.observedUntil())) + " later"));
            }
        }
        if (!bad.isEmpty()) {
            return broken(bad.size() + " end(s) of a registration without a fresh Register", bad);
        }
        return good.isEmpty()
                ? notObserved("waiting for a fresh Register after " + ends.get(ends.size() - 1).ref())
                : pass("a fresh Register after each end of a registration", good);
    }

    private static boolean overdue(DeviceObservation device, Product product, Instant end) {
        if (product.updatePeriod().isPresent()) {
            long millis = Math.round(product.updatePeriod().getAsLong() * 1000 * (1 + TOLERANCE));
            if (device.observedUntil().isAfter(end.plusMillis(millis))) {
                return true;
            }
        }
        return device.boots().stream().map(Boot::attachedAt)
                .anyMatch(attach -> attach.isAfter(end) && device.observedUntil().isAfter(attach.plus(AFTER_ATTACH)));
    }
}
