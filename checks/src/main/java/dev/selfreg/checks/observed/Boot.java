package dev.selfreg.checks.observed;

import java.time.Instant;
import java.util.Objects;

/**
 * A boot of the device known from outside its traffic, at the moment it attached (the self-registration trigger,
 * seed 2.1, 2.2): an emulated module tells it, a person may mark a power-on. Whatever is not known is {@code null}.
 *
 * @param ref how records name it, e.g. {@code boot 2}
 * @param attachedAt when the module attached to the network after this boot
 * @param iccid the card it booted with
 * @param imsi that card's IMSI
 * @param firmware the firmware version it booted
 */
public record Boot(String ref, Instant attachedAt, String iccid, String imsi, String firmware) {

    /** Requires the reference and the time. */
    public Boot {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(attachedAt, "attachedAt");
    }

    /** One line for a person. */
    public String summary() {
        return "attached" + (iccid == null ? "" : " with ICCID " + iccid) + (imsi == null ? "" : ", IMSI " + imsi)
                + (firmware == null ? "" : ", firmware " + firmware);
    }
}
