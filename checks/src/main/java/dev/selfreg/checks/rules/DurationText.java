package dev.selfreg.checks.rules;

import java.time.Duration;

/** A duration as evidence writes it, in its two largest units: {@code 1 h 2 min}, {@code 45 s}, {@code 1 d 3 h}. */
final class DurationText {

    private static final long[] SIZES = {86400, 3600, 60, 1};
    private static final String[] UNITS = {"d", "h", "min", "s"};

    private DurationText() {
    }

    static String of(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        for (int i = 0; i < SIZES.length - 1; i++) {
            if (seconds >= SIZES[i]) {
                long minor = seconds % SIZES[i] / SIZES[i + 1];
                return seconds / SIZES[i] + " " + UNITS[i] + (minor > 0 ? " " + minor + " " + UNITS[i + 1] : "");
            }
        }
        return seconds + " s";
    }
}
