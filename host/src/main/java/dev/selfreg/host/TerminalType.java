package dev.selfreg.host;

import java.util.Locale;

/** {@code <tmlType>} of {@code AT+QDMPCFG=2}: what kind of terminal the module sits in (seed 3.2.2). */
public enum TerminalType {
    INTERFACE(0),
    LINUX(1),
    ANDROID(2);

    private final int code;

    TerminalType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** {@code interface}, {@code linux} or {@code android}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TerminalType of(int code) {
        for (TerminalType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no tmlType " + code);
    }

    /** By number ({@code 1}) or by name ({@code linux}). */
    public static TerminalType parse(String text) {
        for (TerminalType value : values()) {
            if (value.label().equalsIgnoreCase(text) || Integer.toString(value.code).equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("tmlType is 0/interface, 1/linux or 2/android, not '" + text + "'");
    }
}
