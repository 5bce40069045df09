package dev.selfreg.module;

/**
 * The China Telecom self-registration as {@code GET /module} shows it (interfaces.md).
 *
 * @param attemptsThisBoot reports sent (or tried) since the last boot, at most 3
 * @param lastOutcome      {@code none} before any attempt since the emulator started, else
 *                         {@code success} or {@code failure} of the latest finished attempt
 */
public record CtStatus(int attemptsThisBoot, String lastOutcome) {
}
