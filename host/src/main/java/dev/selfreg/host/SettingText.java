package dev.selfreg.host;

import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.DmState;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.util.Optional;

/**
 * Settings as text, the way the module shows them, with the meaning of a number beside it:
 * {@code 1 (enabled)}, {@code 1 (linux)}; unset terminal information as {@code NULL}.
 */
public final class SettingText {

    private SettingText() {
    }

    public static String ct(CtSelfRegistration value) {
        return value.code() + " (" + value.label() + ")";
    }

    public static String mode(DmMode value) {
        return value.code() + " (" + value.label() + ")";
    }

    public static String terminalType(TerminalType value) {
        return value.code() + " (" + value.label() + ")";
    }

    public static String state(DmState value) {
        return value.code() + " (" + value.meaning() + ")";
    }

    public static String info(Optional<String> value) {
        return value.orElse(TerminalInfoField.UNSET);
    }
}
