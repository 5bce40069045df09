package dev.selfreg.host;

import dev.selfreg.vocabulary.TerminalType;
import java.util.Objects;

/**
 * The application and terminal of {@code AT+QDMPCFG=2} (seed 3.2.2). Read from the module, the
 * password is the module's mask and the strings are empty when never set.
 *
 * @param appKey       CMDMP application key
 * @param password     write-only password ({@link DmPassword})
 * @param terminalType interface, Linux or Android
 * @param terminalImei IMEI of the terminal, 15-17 digits; empty to leave it as saved on a write
 */
public record DmCredentials(String appKey, DmPassword password, TerminalType terminalType, String terminalImei) {

    public DmCredentials {
        AtText.field("APPkey", appKey);
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(terminalType, "terminalType");
        AtText.field("terminal IMEI", terminalImei);
    }

    /** Never prints the password: its mask. */
    @Override
    public String toString() {
        return "DmCredentials[appKey=" + appKey + ", password=" + password.masked() + ", terminalType=" + terminalType
                + ", terminalImei=" + terminalImei + "]";
    }
}
