package dev.selfreg.host;

import dev.selfreg.vocabulary.TerminalInfoField;
import java.util.Optional;

/**
 * Checks on text the driver puts into a command line, so that a value can never end the
 * command, close its quotes early, or make the module's answer ambiguous to read back.
 */
final class AtText {

    private AtText() {
    }

    /** A value sent in double quotes: no quote and no control character. */
    static String quotable(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " must not contain double quotes or control characters: " + printable(value));
            }
        }
        return value;
    }

    /**
     * A value the module prints back between commas, unquoted: additionally no comma, so the
     * answer splits into the fields it was written from.
     */
    static String field(String what, String value) {
        quotable(what, value);
        if (value.indexOf(',') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a comma (the module's answer separates fields with commas): " + value);
        }
        return value;
    }

    /** A value sent unquoted: additionally no space. */
    static String bare(String what, String value) {
        field(what, value);
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be non-empty without spaces: '" + value + "'");
        }
        return value;
    }

    /**
     * A terminal information value, {@code NULL} when empty: within the field's maximum length,
     * quotable, and without a comma unless it is its type's last field (the module's read-back
     * line separates values with commas).
     */
    static void terminalInfo(TerminalInfoField field, Optional<String> value) {
        String text = value.orElse(TerminalInfoField.UNSET);
        if (!field.fits(text)) {
            throw new IllegalArgumentException(field.seedName() + " is at most " + field.maxBytes() + " bytes: " + text);
        }
        if (field.isLast()) {
            quotable(field.seedName(), text);
        } else {
            field(field.seedName(), text);
        }
    }

    private static String printable(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n");
    }
}
