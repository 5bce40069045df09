package dev.selfreg.module;

/**
 * The PSM timers the network granted at the attach, as {@code +CEREG} with {@code <n>} 4 or 5
 * prints them (3GPP TS 27.007 §10.1.22): each an 8-character GPRS Timer bit string, most
 * significant bit first (TS 24.008 §10.5.7.4 for the Active-Time T3324, §10.5.7.4a for the
 * Periodic-TAU T3412 extended).
 *
 * @param activeTime  T3324, e.g. {@code "00100100"} (4 minutes)
 * @param periodicTau T3412 extended, e.g. {@code "01000111"} (70 hours)
 */
public record PsmTimers(String activeTime, String periodicTau) {

    public PsmTimers {
        requireBits("Active-Time", activeTime);
        requireBits("Periodic-TAU", periodicTau);
    }

    private static void requireBits(String name, String value) {
        if (value == null || !value.matches("[01]{8}")) {
            throw new IllegalArgumentException(name + " must be 8 characters of 0 and 1: " + value);
        }
    }
}
