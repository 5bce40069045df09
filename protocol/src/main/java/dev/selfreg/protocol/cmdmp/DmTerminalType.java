package dev.selfreg.protocol.cmdmp;

import java.util.Optional;

/**
 * The {@code tmlType} of {@code AT+QDMPCFG}: the letter that opens the endpoint name (cmcc-dm-wire.md, "Endpoint
 * name") and the type name that object 666 resource 6601 carries (the spec's Interpretation).
 */
public enum DmTerminalType {
    /** tmlType 0. */
    INTERFACE(0, "I", "interface"),
    /** tmlType 1. */
    LINUX(1, "L", "Linux"),
    /** tmlType 2. */
    ANDROID(2, "A", "Android");

    private final int tmlType;
    private final String letter;
    private final String typeName;

    DmTerminalType(int tmlType, String letter, String typeName) {
        this.tmlType = tmlType;
        this.letter = letter;
        this.typeName = typeName;
    }

    /** The configuration number, 0–2. */
    public int tmlType() {
        return tmlType;
    }

    /** The endpoint name's first field: {@code I}, {@code L} or {@code A}. */
    public String letter() {
        return letter;
    }

    /** The name sent in resource 6601: {@code interface}, {@code Linux} or {@code Android}. */
    public String typeName() {
        return typeName;
    }

    /** The type with this configuration number, if any. */
    public static Optional<DmTerminalType> ofTmlType(int tmlType) {
        for (DmTerminalType type : values()) {
            if (type.tmlType == tmlType) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type whose endpoint letter is exactly {@code letter}, if any. */
    public static Optional<DmTerminalType> ofLetter(String letter) {
        for (DmTerminalType type : values()) {
            if (type.letter.equals(letter)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
