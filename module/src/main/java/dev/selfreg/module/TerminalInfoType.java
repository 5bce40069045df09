package dev.selfreg.module;

import java.util.List;

/**
 * The six groups of terminal information that {@code AT+QDMPCFGEX} stores for CMDMP v2.0,
 * with each field's name and maximum length in bytes (seed 3.2.3).
 */
public enum TerminalInfoType {
    APP_INFO(0, field("APPInfo", 255)),
    MAC(1, field("MAC", 19)),
    HARDWARE(2, field("ROM", 19), field("RAM", 19), field("CPU", 19), field("osSysVer", 47)),
    SOFTWARE(3, field("swVer", 47), field("swName", 47)),
    NETWORK(4, field("VoLTE", 7), field("netType", 19), field("account", 47), field("phoneNum", 19)),
    LOCATION(5, field("location", 255));

    /** What the seed tells hosts to write, and what an unset field reads as (spec §5). */
    public static final String NULL = "NULL";

    /** One field: its seed name and maximum length in bytes. */
    public record Field(String name, int maxBytes) {
    }

    private final int code;
    private final List<Field> fields;

    TerminalInfoType(int code, Field... fields) {
        this.code = code;
        this.fields = List.of(fields);
    }

    private static Field field(String name, int maxBytes) {
        return new Field(name, maxBytes);
    }

    /** The {@code <type>} number of AT+QDMPCFGEX. */
    public int code() {
        return code;
    }

    public List<Field> fields() {
        return fields;
    }

    public static TerminalInfoType of(int code) {
        for (TerminalInfoType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("no terminal information type " + code);
    }
}
