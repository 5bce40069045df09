package dev.selfreg.vocabulary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code <tmlType>} of {@code AT+QDMPCFG=2}: what kind of terminal the module sits in (seed
 * 3.2.2), with how CMDMP shows it: the letter that opens the DM 2.0 endpoint name (spec
 * cmcc-dm-wire.md, "Endpoint name") and the name object 666 carries in {@link #RESOURCE_ID}
 * (cmcc-dm-wire.md, "Object 666", Interpretation).
 */
public enum TerminalType {
    /** tmlType 0, interface. */
    INTERFACE(0, "I", "interface"),
    /** tmlType 1. */
    LINUX(1, "L", "Linux"),
    /** tmlType 2. */
    ANDROID(2, "A", "Android");

    /** The object 666 resource that carries {@link #infoName()} (cmcc-dm-wire.md, "Object 666"). */
    public static final int RESOURCE_ID = 6601;

    private final int code;
    private final String letter;
    private final String infoName;

    TerminalType(int code, String letter, String infoName) {
        this.code = code;
        this.letter = letter;
        this.infoName = infoName;
    }

    /** The {@code <tmlType>} number. */
    public int code() {
        return code;
    }

    /** The endpoint name's first field: {@code I}, {@code L} or {@code A}. */
    public String letter() {
        return letter;
    }

    /** The name object 666 carries: {@code interface}, {@code Linux} or {@code Android}. */
    public String infoName() {
        return infoName;
    }

    /** {@code interface}, {@code linux} or {@code android}: how a person names it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this {@code <tmlType>}, if it is one. */
    public static Optional<TerminalType> of(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }

    /** The type whose endpoint letter is exactly {@code letter}, if any. */
    public static Optional<TerminalType> ofLetter(String letter) {
        return Arrays.stream(values()).filter(type -> type.letter.equals(letter)).findFirst();
    }

    /**
     * By number ({@code 1}) or by label ({@code linux}, any case).
     *
     * @throws IllegalArgumentException naming the choices when it is neither
     */
    public static TerminalType parse(String text) {
        for (TerminalType type : values()) {
            if (type.label().equalsIgnoreCase(text) || Integer.toString(type.code).equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("tmlType is 0/interface, 1/linux or 2/android, not '" + text + "'");
    }
}
