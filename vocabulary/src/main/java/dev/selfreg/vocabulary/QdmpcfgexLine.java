package dev.selfreg.vocabulary;

import java.util.List;
import java.util.Optional;

/**
 * The information line of {@code AT+QDMPCFGEX=<type>,1}: {@code +QDMPCFGEX: <type>,<values>},
 * the type's saved values unquoted, an unset one as {@link TerminalInfoField#UNSET} (seed 3.2.3;
 * spec at-commands.md §5). The module {@link #format()}s it and a host {@link #parse}s it. Values
 * are separated by commas, so only the last one may hold a comma (a location does).
 *
 * @param type   the {@code <type>}
 * @param values one per field of the type, in its order
 */
public record QdmpcfgexLine(TerminalInfoType type, List<String> values) {

    /** What the line starts with, before a space. */
    public static final String PREFIX = "+QDMPCFGEX:";

    public QdmpcfgexLine {
        values = List.copyOf(values);
        if (values.size() != type.fields().size()) {
            throw new IllegalArgumentException(type + " has " + type.fields().size() + " fields, not " + values.size());
        }
    }

    /** The value of one of the type's fields. */
    public String value(TerminalInfoField field) {
        if (field.type() != type) {
            throw new IllegalArgumentException(field + " is not a field of " + type);
        }
        return values.get(field.index());
    }

    /** The line as the module sends it: {@code +QDMPCFGEX: 3,BC260YCNAAR01A03,Quectel}. */
    public String format() {
        return PREFIX + " " + type.code() + "," + String.join(",", values);
    }

    /**
     * The only {@code +QDMPCFGEX:} line among {@code lines}, if there is one.
     *
     * @throws IllegalArgumentException when it is malformed or there are two (the message says how)
     */
    public static Optional<QdmpcfgexLine> find(List<String> lines) {
        List<String> found = lines.stream().filter(line -> line.startsWith(PREFIX)).toList();
        if (found.size() > 1) {
            throw new IllegalArgumentException("more than one " + PREFIX + " line: " + found);
        }
        return found.stream().findFirst().map(QdmpcfgexLine::parse);
    }

    /**
     * Reads a line the module sent; the last value takes the rest of the line.
     *
     * @throws IllegalArgumentException when it is not a {@code +QDMPCFGEX:} line of a type 0-5
     *                                  with that type's number of values (the message says how)
     */
    public static QdmpcfgexLine parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " line: " + line);
        }
        String text = line.substring(PREFIX.length()).stripLeading();
        int comma = text.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("expected <type>,<values>: " + line);
        }
        String number = text.substring(0, comma).strip();
        TerminalInfoType type = (number.matches("[0-9]{1,9}") ? TerminalInfoType.of(Integer.parseInt(number))
                : Optional.<TerminalInfoType>empty())
                .orElseThrow(() -> new IllegalArgumentException("no AT+QDMPCFGEX type " + number + ": " + line));
        int count = type.fields().size();
        String[] values = text.substring(comma + 1).split(",", count);
        if (values.length != count) {
            throw new IllegalArgumentException("expected " + count + " values of type " + type.code() + ": " + line);
        }
        return new QdmpcfgexLine(type, List.of(values));
    }
}
