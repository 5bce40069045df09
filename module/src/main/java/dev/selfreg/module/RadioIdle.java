package dev.selfreg.module;

import java.time.Duration;
import java.util.Optional;

/**
 * The radio from the end of its last network activity on (3GPP TS 23.682 §4.5.4, TS 24.301
 * §5.3.11): while T3324 runs it is reachable, listening for paging in every eDRX paging time
 * window when eDRX is in use; once T3324 ran out it is in PSM until its next activity. Deep
 * sleep suits the radio in PSM and between paging windows; without PSM and without eDRX it
 * listens on its plain DRX cycle, which needs light sleep at the most. Times are in nanoseconds
 * of module time.
 *
 * <p>Interpretation: the paging windows start a whole number of eDRX cycles after {@code since}
 * (the real ones are placed by the UE identity, TS 36.304 §7.3), the first one cycle after it.
 *
 * @param since      when the last network activity ended (RRC release)
 * @param activeTime T3324 as granted; empty when PSM is not in use
 * @param edrx       eDRX as granted; empty when not in use
 */
record RadioIdle(long since, Optional<Duration> activeTime, Optional<EdrxTimers> edrx) {

    /** When the radio enters PSM; {@link Long#MAX_VALUE} without PSM. */
    long psmFrom() {
        return activeTime.map(t3324 -> since + t3324.toNanos()).orElse(Long.MAX_VALUE);
    }

    boolean inPsm(long now) {
        return now >= psmFrom();
    }

    /**
     * The first instant from {@code now} on at which the radio lets the module deep sleep: now in
     * PSM or between paging windows, the end of the current paging window, or PSM;
     * {@link Long#MAX_VALUE} when that never comes (no PSM, no eDRX).
     */
    long deepSleepFrom(long now) {
        long psm = psmFrom();
        if (now >= psm) {
            return now;
        }
        if (edrx.isEmpty()) {
            return psm;
        }
        long windowStart = windowStartAtOrBefore(now);
        long windowEnd = windowStart + edrx.get().windowDuration().toNanos();
        return windowStart > since && now < windowEnd ? Math.min(windowEnd, psm) : now;
    }

    /** The next paging window the radio must wake for after {@code now}, if one starts before PSM. */
    Optional<Long> nextPagingWindow(long now) {
        if (edrx.isEmpty()) {
            return Optional.empty();
        }
        long next = windowStartAtOrBefore(now) + edrx.get().cycleDuration().toNanos();
        return next < psmFrom() ? Optional.of(next) : Optional.empty();
    }

    /** The start of the cycle {@code now} is in; {@code since} itself for the time before the first window. */
    private long windowStartAtOrBefore(long now) {
        long cycle = edrx.get().cycleDuration().toNanos();
        return since + Math.max(0, now - since) / cycle * cycle;
    }
}
