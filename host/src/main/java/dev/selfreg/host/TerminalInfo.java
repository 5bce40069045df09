package dev.selfreg.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CMDMP v2.0 extended terminal information, one value object per {@code AT+QDMPCFGEX} type.
 * An empty field is {@code NULL} on the wire: what the seed tells hosts to write when they have
 * no information, and what the module reads back for an erased or never-set value.
 */
public sealed interface TerminalInfo permits AppInfo, MacInfo, HardwareInfo, SoftwareInfo, NetworkInfo, LocationInfo {

    /** The wire's "no information". */
    String NULL = "NULL";

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
        return type().create(values);
    }

    private void requireOwn(TerminalInfoField field) {
        if (field.type() != type()) {
            throw new IllegalArgumentException(field + " is not a field of " + type());
        }
    }

    /** A field's value from text: null, empty or {@code NULL} mean no information. */
    static Optional<String> value(String text) {
        return text == null || text.isEmpty() || text.equals(NULL) ? Optional.empty() : Optional.of(text);
    }

    /** The same normalisation for a value already wrapped. */
    static Optional<String> value(Optional<String> value) {
        return value.flatMap(text -> value(text));
    }
}
