package dev.selfreg.module;

import java.util.List;

/**
 * What the module measures of the serving cell, in the units {@code AT+CSQ} and {@code AT+CESQ}
 * report them (3GPP TS 27.007 §8.5 and §8.69): the values a host reads back are exactly the
 * ones set here. {@link #NONE} is what it reports with no cell in sight.
 *
 * @param rssi CSQ {@code <rssi>}: 0 (-113 dBm or less) to 31 (-51 dBm or more) in 2 dB steps, 99 unknown
 * @param ber  CSQ {@code <ber>}: 0 to 7, 99 unknown
 * @param rsrp CESQ {@code <rsrp>}: 0 (below -140 dBm) to 97 (-44 dBm or more) in 1 dB steps, 255 unknown
 * @param rsrq CESQ {@code <rsrq>}: 0 (below -19.5 dB) to 34 (-3 dB or more) in 0.5 dB steps, 255 unknown
 */
public record RadioSignal(int rssi, int ber, int rsrp, int rsrq) {

    /** The names of the values, as the control API and scenarios give them. */
    public static final List<String> FIELDS = List.of("rssi", "ber", "rsrp", "rsrq");

    /** No cell measured: every value unknown. */
    public static final RadioSignal NONE = new RadioSignal(99, 99, 255, 255);

    public RadioSignal {
        check("rssi", rssi, 31, 99);
        check("ber", ber, 7, 99);
        check("rsrp", rsrp, 97, 255);
        check("rsrq", rsrq, 34, 255);
    }

    private static void check(String name, int value, int max, int unknown) {
        if ((value < 0 || value > max) && value != unknown) {
            throw new IllegalArgumentException(name + " must be 0-" + max + " or " + unknown + " (unknown), not " + value);
        }
    }

    /**
     * This signal with the value named {@code field} (one of {@link #FIELDS}) set.
     *
     * @throws IllegalArgumentException for another name or a value out of its range
     */
    public RadioSignal with(String field, int value) {
        return switch (field) {
            case "rssi" -> withRssi(value);
            case "ber" -> withBer(value);
            case "rsrp" -> withRsrp(value);
            case "rsrq" -> withRsrq(value);
            default -> throw new IllegalArgumentException("a signal has no '" + field + "' (use " + String.join(", ", FIELDS) + ")");
        };
    }

    public RadioSignal withRssi(int value) {
        return new RadioSignal(value, ber, rsrp, rsrq);
    }

    public RadioSignal withBer(int value) {
        return new RadioSignal(rssi, value, rsrp, rsrq);
    }

    public RadioSignal withRsrp(int value) {
        return new RadioSignal(rssi, ber, value, rsrq);
    }

    public RadioSignal withRsrq(int value) {
        return new RadioSignal(rssi, ber, rsrp, value);
    }

    /** The RSSI in dBm, the lower end of its step (27.007 §8.5); 0 when unknown. */
    public int rssiDbm() {
        return rssi == 99 ? 0 : -113 + 2 * rssi;
    }

    /** The RSRP in dBm, the lower end of its step (27.007 §8.69: 1 is -140 dBm); 0 when unknown. */
    public int rsrpDbm() {
        return rsrp == 255 ? 0 : rsrp - 141;
    }

    /** The RSRQ in tenths of a dB, the lower end of its step (27.007 §8.69: 1 is -19.5 dB); 0 when unknown. */
    public int rsrqTenthsDb() {
        return rsrq == 255 ? 0 : -200 + 5 * rsrq;
    }
}
