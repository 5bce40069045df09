package dev.selfreg.module;

import java.time.Duration;
import java.util.Optional;

/**
 * eDRX as the network granted it on NB-IoT (AcT 5, NB-S1): the cycle and the paging time window,
 * each the 4-bit value {@code AT+CEDRXRDP} shows, most significant bit first (3GPP TS 27.007
 * §7.40-7.41, coding of TS 24.008 §10.5.5.32; research, AT+CEDRXS).
 *
 * @param cycle            the eDRX value: a cycle of 20.48 s ({@code 0010}) up to 10485.76 s ({@code 1111})
 * @param pagingTimeWindow the PTW: 2.56 s × (value + 1)
 */
public record EdrxTimers(String cycle, String pagingTimeWindow) {

    /** NB-S1 eDRX cycles in milliseconds by value; 0 where NB-S1 has none (TS 24.008 §10.5.5.32). */
    private static final long[] CYCLE_MILLIS = {0, 0, 20_480, 40_960, 0, 81_920, 0, 0, 0, 163_840, 327_680,
            655_360, 1_310_720, 2_621_440, 5_242_880, 10_485_760};
    private static final long PTW_STEP_MILLIS = 2_560;

    public EdrxTimers {
        if (cycleOf(cycle).isEmpty()) {
            throw new IllegalArgumentException("not an NB-S1 eDRX value: " + cycle);
        }
        if (!isNibble(pagingTimeWindow)) {
            throw new IllegalArgumentException("paging time window must be 4 characters of 0 and 1: " + pagingTimeWindow);
        }
    }

    /** The cycle of an NB-S1 eDRX value; empty for anything else (the values the test form leaves out). */
    public static Optional<Duration> cycleOf(String value) {
        if (!isNibble(value)) {
            return Optional.empty();
        }
        long millis = CYCLE_MILLIS[Integer.parseInt(value, 2)];
        return millis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }

    public Duration cycleDuration() {
        return cycleOf(cycle).orElseThrow();
    }

    public Duration windowDuration() {
        return Duration.ofMillis(PTW_STEP_MILLIS * (Integer.parseInt(pagingTimeWindow, 2) + 1));
    }

    private static boolean isNibble(String text) {
        return text != null && text.length() == 4 && text.chars().allMatch(c -> c == '0' || c == '1');
    }
}
