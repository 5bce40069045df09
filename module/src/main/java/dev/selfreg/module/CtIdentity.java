package dev.selfreg.module;

import java.util.Objects;

/**
 * What a China Telecom self-registration reported and what decides whether to report again
 * (seed 2.1.1: firmware version, and the pairing of module and card): stored in NVRAM after a
 * success only.
 */
public record CtIdentity(String firmware, String imei, String iccid) {

    /** Requires every component. */
    public CtIdentity {
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(imei, "imei");
        Objects.requireNonNull(iccid, "iccid");
    }
}
