package dev.selfreg.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code <eraseOpt>} of {@code AT+QDMPCFG=5}: which saved settings it erases (seed 3.2.2;
 * 3 is reserved). Erased settings fall back to their defaults at the next boot.
 */
public enum DmGroup {
    /** {@code DM_Mode}. */
    MODE(0),
    /** Server address, port and update period. */
    SERVER(1),
    /** APPkey, password, terminal type and terminal IMEI. */
    CREDENTIALS(2),
    /** All of them. */
    ALL(4);

    private final int code;

    DmGroup(int code) {
        this.code = code;
    }

    /** The {@code <eraseOpt>} number. */
    public int code() {
        return code;
    }

    /** The group with this {@code <eraseOpt>}, if it is one. */
    public static Optional<DmGroup> of(int code) {
        return Arrays.stream(values()).filter(group -> group.code == code).findFirst();
    }
}
