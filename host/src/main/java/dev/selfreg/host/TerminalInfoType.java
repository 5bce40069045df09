package dev.selfreg.host;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The six {@code <type>}s of {@code AT+QDMPCFGEX} (seed 3.2.3), each with its value class. */
public enum TerminalInfoType {
    APP_INFO(0, AppInfo.class, values -> new AppInfo(values.get(0))),
    MAC(1, MacInfo.class, values -> new MacInfo(values.get(0))),
    HARDWARE(2, HardwareInfo.class, values -> new HardwareInfo(values.get(0), values.get(1), values.get(2), values.get(3))),
    SOFTWARE(3, SoftwareInfo.class, values -> new SoftwareInfo(values.get(0), values.get(1))),
    NETWORK(4, NetworkInfo.class, values -> new NetworkInfo(values.get(0), values.get(1), values.get(2), values.get(3))),
    LOCATION(5, LocationInfo.class, values -> new LocationInfo(values.get(0)));

    private final int code;
    private final Class<? extends TerminalInfo> kind;
    private final Function<List<Optional<String>>, TerminalInfo> factory;

    TerminalInfoType(int code, Class<? extends TerminalInfo> kind, Function<List<Optional<String>>, TerminalInfo> factory) {
        this.code = code;
        this.kind = kind;
        this.factory = factory;
    }

    /** The {@code <type>} number. */
    public int code() {
        return code;
    }

    /** The fields, in the order of the command's parameters. */
    public List<TerminalInfoField> fields() {
        return Arrays.stream(TerminalInfoField.values()).filter(field -> field.type() == this).toList();
    }

    /** The value object for these values (empty for {@code NULL}), in field order. */
    public TerminalInfo create(List<Optional<String>> values) {
        if (values.size() != fields().size()) {
            throw new IllegalArgumentException(this + " has " + fields().size() + " fields, not " + values.size());
        }
        return factory.apply(values);
    }

    /** Every field unset ({@code NULL}). */
    public TerminalInfo unset() {
        return create(fields().stream().map(field -> Optional.<String>empty()).toList());
    }

    public static TerminalInfoType of(Class<? extends TerminalInfo> kind) {
        for (TerminalInfoType type : values()) {
            if (type.kind == kind) {
                return type;
            }
        }
        throw new IllegalArgumentException("no QDMPCFGEX type for " + kind.getSimpleName());
    }
}
