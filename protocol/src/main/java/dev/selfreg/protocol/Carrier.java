package dev.selfreg.protocol;

import java.util.List;

/**
 * The carrier whose self-registration a SIM triggers, decided by the IMSI prefix (MCC + MNC).
 *
 * <p>The prefix lists are the single source for both protocols: self-registration.md §1 "Boot, attach, SIM and
 * power" (the China Telecom list is restated in ct-zzhc-wire.md, "Lab platform replies", code 3).
 */
public enum Carrier {
    /** China Telecom: runs ZZHC. 46012 only appears on some cards but is China Telecom's. */
    CHINA_TELECOM("46003", "46005", "46011", "46012"),
    /** China Mobile: runs CMDMP DM. */
    CHINA_MOBILE("46000", "46002", "46004", "46007", "46008", "46013"),
    /** Anything else (China Unicom, test PLMNs, foreign SIMs, no IMSI): no self-registration runs. */
    NONE;

    private final List<String> imsiPrefixes;

    Carrier(String... imsiPrefixes) {
        this.imsiPrefixes = List.of(imsiPrefixes);
    }

    /** The IMSI prefixes (MCC + MNC, 5 digits) that belong to this carrier; empty for {@link #NONE}. */
    public List<String> imsiPrefixes() {
        return imsiPrefixes;
    }

    /**
     * Classifies an IMSI by its prefix only; the length and the rest of the IMSI are not checked here.
     *
     * @param imsi the SIM's IMSI, or {@code null} when there is none
     * @return the carrier owning the prefix, {@link #NONE} when no carrier does
     */
    public static Carrier ofImsi(String imsi) {
        if (imsi == null) {
            return NONE;
        }
        for (Carrier carrier : values()) {
            for (String prefix : carrier.imsiPrefixes) {
                if (imsi.startsWith(prefix)) {
                    return carrier;
                }
            }
        }
        return NONE;
    }
}
