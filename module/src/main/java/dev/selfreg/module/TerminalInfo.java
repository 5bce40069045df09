package dev.selfreg.module;

import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The terminal information of {@code AT+QDMPCFGEX}: per type, its field values or nothing. */
public final class TerminalInfo {

    private final Map<TerminalInfoType, List<String>> values;

    TerminalInfo(Map<TerminalInfoType, List<String>> values) {
        EnumMap<TerminalInfoType, List<String>> copy = new EnumMap<>(TerminalInfoType.class);
        values.forEach((type, fields) -> copy.put(type, List.copyOf(fields)));
        this.values = Collections.unmodifiableMap(copy);
    }

    /** The type's field values; {@code NULL} for each field of a type never set or erased. */
    public List<String> values(TerminalInfoType type) {
        List<String> set = values.get(type);
        return set != null ? set : Collections.nCopies(type.fields().size(), TerminalInfoField.UNSET);
    }

    /** One field's value; {@code NULL} when its type was never set or erased. */
    public String value(TerminalInfoField field) {
        return values(field.type()).get(field.index());
    }

    public boolean isSet(TerminalInfoType type) {
        return values.containsKey(type);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TerminalInfo that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "TerminalInfo" + values;
    }
}
