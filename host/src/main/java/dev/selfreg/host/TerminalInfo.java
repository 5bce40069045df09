package dev.selfreg.host;

import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * CMDMP v2.0 extended terminal information, one value object per {@code AT+QDMPCFGEX} type.
 * An empty field is {@link TerminalInfoField#UNSET} ({@code NULL}) on the wire: what the seed
 * tells hosts to write when they have no information, and what the module reads back for an
 * erased or never-set value.
 */
public sealed interface TerminalInfo permits AppInfo, MacInfo, HardwareInfo, SoftwareInfo, NetworkInfo, LocationInfo {

    TerminalInfoType type();

    /** The fields in the order of the command's parameters; empty is {@code NULL}. */
    List<Optional<String>> values();

    default Optional<String> get(TerminalInfoField field) {
        requireOwn(field);
        return values().get(field.index());
    }

    /** A copy with one field replaced. */
    default TerminalInfo with(TerminalInfoField field, Optional<String> value) {
        requireOwn(field);
        List<Optional<String>> values = new ArrayList<>(values());
        values.set(field.index(), value);
        return create(type(), values);
    }

    private void requireOwn(TerminalInfoField field) {
        if (field.type() != type()) {
            throw new IllegalArgumentException(field + " is not a field of " + type());
        }
    }

    /** The value object of {@code type} for these values (empty for {@code NULL}), in field order. */
    static TerminalInfo create(TerminalInfoType type, List<Optional<String>> values) {
        if (values.size() != type.fields().size()) {
            throw new IllegalArgumentException(type + " has " + type.fields().size() + " fields, not " + values.size());
        }
        return switch (type) {
            case APP_INFO -> new AppInfo(values.get(0));
            case MAC -> new MacInfo(values.get(0));
            case HARDWARE -> new HardwareInfo(values.get(0), values.get(1), values.get(2), values.get(3));
            case SOFTWARE -> new SoftwareInfo(values.get(0), values.get(1));
            case NETWORK -> new NetworkInfo(values.get(0), values.get(1), values.get(2), values.get(3));
            case LOCATION -> new LocationInfo(values.get(0));
        };
    }

    /** Every field of {@code type} unset ({@code NULL}). */
    static TerminalInfo unset(TerminalInfoType type) {
        return create(type, type.fields().stream().map(field -> Optional.<String>empty()).toList());
    }

    /** The type whose value objects are of class {@code kind}. */
    static TerminalInfoType typeOf(Class<? extends TerminalInfo> kind) {
        return Arrays.stream(TerminalInfoType.values()).filter(type -> unset(type).getClass() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no QDMPCFGEX type for " + kind.getSimpleName()));
    }

    /** A field's value from text: null, empty or {@code NULL} mean no information. */
    static Optional<String> value(String text) {
        return text == null || text.isEmpty() || text.equals(TerminalInfoField.UNSET) ? Optional.empty() : Optional.of(text);
    }

    /** The same normalisation for a value already wrapped. */
    static Optional<String> value(Optional<String> value) {
        return value.flatMap(text -> value(text));
    }
}
