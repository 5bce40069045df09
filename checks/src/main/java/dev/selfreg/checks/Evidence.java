package dev.selfreg.checks;

import java.time.Instant;
import java.util.Objects;

/**
 * One record behind a verdict, and what in it counts.
 *
 * @param ref the record, as {@link dev.selfreg.checks.observed.DeviceObservation} names it (e.g.
 *     {@code ct-registration 12}, {@code dm-event 40}, {@code boot 2})
 * @param time when it was observed
 * @param detail what value in it made the verdict, for a person
 */
public record Evidence(String ref, Instant time, String detail) {

    /** Requires every component. */
    public Evidence {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(detail, "detail");
    }
}
