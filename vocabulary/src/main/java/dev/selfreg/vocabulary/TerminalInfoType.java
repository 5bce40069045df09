package dev.selfreg.vocabulary;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The six {@code <type>}s of {@code AT+QDMPCFGEX}, each a group of terminal information (seed 3.2.3). */
public enum TerminalInfoType {
    APP_INFO(0),
    MAC(1),
    HARDWARE(2),
    SOFTWARE(3),
    NETWORK(4),
    LOCATION(5);

    private final int code;

    TerminalInfoType(int code) {
        this.code = code;
    }

    /** The {@code <type>} number. */
    public int code() {
        return code;
    }

    /** Its fields, in the order of the command's parameters. */
    public List<TerminalInfoField> fields() {
        return Fields.BY_TYPE.get(this);
    }

    /** The type with this number, if it is one. */
    public static Optional<TerminalInfoType> of(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }

    /** Built on first use, once both enums exist: each field names its type, not the other way round. */
    private static final class Fields {
        static final Map<TerminalInfoType, List<TerminalInfoField>> BY_TYPE = byType();

        private static Map<TerminalInfoType, List<TerminalInfoField>> byType() {
            Map<TerminalInfoType, List<TerminalInfoField>> byType = new EnumMap<>(TerminalInfoType.class);
            for (TerminalInfoType type : values()) {
                byType.put(type, Arrays.stream(TerminalInfoField.values()).filter(field -> field.type() == type).toList());
            }
            return byType;
        }
    }
}
