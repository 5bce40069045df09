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
}
