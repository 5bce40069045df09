package dev.selfreg.module;

import java.time.Duration;
import java.util.Optional;

/**
 * The two PSM timers as {@code AT+CPSMS} requests them and {@code +CEREG} (n 4, 5) shows what
 * the network granted: each one octet written as 8 characters of {@code 0}/{@code 1}, most
 * significant bit first (3GPP TS 27.007 §7.38, coding of TS 24.008 §10.5.7.4 and §10.5.7.4a;
 * research §3).
 *
 * @param activeTime  T3324, a GPRS Timer 2: how long the module stays reachable after network
 *                    activity before it enters PSM
 * @param periodicTau T3412 extended, a GPRS Timer 3: when the module wakes for a periodic
 *                    tracking area update
 */
public record PsmTimers(String activeTime, String periodicTau) {

    /** GPRS Timer 2 units, by bits 8-6; 011 to 110 read as 1 minute (TS 24.008 §10.5.7.4). */
    private static final Duration[] TIMER_2_UNITS = {Duration.ofSeconds(2), Duration.ofMinutes(1),
            Duration.ofMinutes(6), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
            Duration.ofMinutes(1), null};
    /** GPRS Timer 3 units, by bits 8-6 (TS 24.008 §10.5.7.4a). */
    private static final Duration[] TIMER_3_UNITS = {Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofHours(10), Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofHours(320), null};

    public PsmTimers {
        requireOctet("Active-Time", activeTime);
        requireOctet("Periodic-TAU", periodicTau);
    }

    /** Whether {@code text} is one timer octet: exactly 8 characters, each {@code 0} or {@code 1}. */
    public static boolean isOctet(String text) {
        return text != null && text.length() == 8 && text.chars().allMatch(c -> c == '0' || c == '1');
    }

    /** T3324 as a duration; empty when the value says the timer is deactivated (unit bits 111). */
    public Optional<Duration> t3324() {
        return decode(activeTime, TIMER_2_UNITS);
    }

    /** T3412 as a duration; empty when the value says the timer is deactivated (unit bits 111). */
    public Optional<Duration> t3412() {
        return decode(periodicTau, TIMER_3_UNITS);
    }

    private static Optional<Duration> decode(String octet, Duration[] units) {
        int bits = Integer.parseInt(octet, 2);
        Duration unit = units[bits >> 5];
        return unit == null ? Optional.empty() : Optional.of(unit.multipliedBy(bits & 0x1f));
    }

    private static void requireOctet(String name, String value) {
        if (!isOctet(value)) {
            throw new IllegalArgumentException(name + " must be 8 characters of 0 and 1: " + value);
        }
    }
}
