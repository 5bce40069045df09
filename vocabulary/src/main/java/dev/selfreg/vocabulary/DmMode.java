package dev.selfreg.vocabulary;

import java.util.Locale;

/** {@code <DM_Mode>} of {@code AT+QDMPCFG=0}: whether the module may register with CMDMP. */
public enum DmMode {
    FORBIDDEN(0),
    ALLOWED(1);

    private final int code;

    DmMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** {@code forbidden} or {@code allowed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By number ({@code 1}) or by name ({@code allowed}). */
    public static DmMode parse(String text) {
        for (DmMode value : values()) {
            if (value.label().equalsIgnoreCase(text) || Integer.toString(value.code).equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("DM_Mode is 0/forbidden or 1/allowed, not '" + text + "'");
    }

    public static DmMode of(int code) {
        for (DmMode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no DM_Mode " + code);
    }
}
