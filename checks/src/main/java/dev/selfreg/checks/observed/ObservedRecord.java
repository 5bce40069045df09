package dev.selfreg.checks.observed;

import java.time.Instant;

/**
 * One observed record as a device's timeline shows it.
 *
 * @param ref the name evidence refers to it by
 * @param time when it was observed
 * @param channel {@code CT}, {@code DM} or {@code module} (a boot)
 * @param summary what it was, in one line
 */
public record ObservedRecord(String ref, Instant time, String channel, String summary) {

    /** A China Telecom report as the timeline shows it. */
    public static ObservedRecord of(CtReport report) {
        return new ObservedRecord(report.ref(), report.time(), "CT", report.summary());
    }

    /** A China Mobile message as the timeline shows it. */
    public static ObservedRecord of(DmMessage message) {
        return new ObservedRecord(message.ref(), message.time(), "DM", message.summary());
    }

    /** A known boot as the timeline shows it. */
    public static ObservedRecord of(Boot boot) {
        return new ObservedRecord(boot.ref(), boot.attachedAt(), "module", boot.summary());
    }
}
