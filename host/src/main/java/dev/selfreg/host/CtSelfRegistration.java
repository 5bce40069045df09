package dev.selfreg.host;

/**
 * The China Telecom self-registration switch, {@code AT+QSREGENABLE} (seed 3.2.1). The query
 * shows the saved value; it takes effect at the next boot.
 */
public enum CtSelfRegistration {
    DISABLED(0),
    ENABLED(1),
    /**
     * Read after a FOTA from BC260YCNAAR01A03 to A04 or later on a unit that had 1: still
     * enabled (seed 3.2.1 note). Only 0 and 1 can be written.
     */
    ENABLED_AFTER_FOTA(3);

    private final int code;

    CtSelfRegistration(int code) {
        this.code = code;
    }

    /** The {@code <mode>} number of the command. */
    public int code() {
        return code;
    }

    /** {@code disabled}, {@code enabled} or {@code enabled (after FOTA)}. */
    public String label() {
        return switch (this) {
            case DISABLED -> "disabled";
            case ENABLED -> "enabled";
            case ENABLED_AFTER_FOTA -> "enabled (after FOTA)";
        };
    }

    public boolean isEnabled() {
        return this != DISABLED;
    }

    public static CtSelfRegistration of(int code) {
        for (CtSelfRegistration value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no QSREGENABLE mode " + code);
    }
}
