package dev.selfreg.host;

/** What {@code AT+QDMPCFG=5,<eraseOpt>} erases; erased items fall back to defaults at the next boot. */
public enum DmGroup {
    MODE(0),
    SERVER(1),
    CREDENTIALS(2),
    ALL(4);

    private final int code;

    DmGroup(int code) {
        this.code = code;
    }

    /** The {@code <eraseOpt>} number. */
    public int code() {
        return code;
    }
}
