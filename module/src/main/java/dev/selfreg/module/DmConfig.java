package dev.selfreg.module;

import dev.selfreg.vocabulary.CarrierServers;
import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.QdmpcfgLine;
import dev.selfreg.vocabulary.TerminalType;

/**
 * The CMDMP access configuration of {@code AT+QDMPCFG} types 0-2. An unset APPkey, password
 * or tmlIMEI is the empty string.
 */
public record DmConfig(int mode, String server, int port, long updatePeriod,
                       String appKey, String password, TerminalType tmlType, String tmlImei) {

    /** Factory defaults (seed 3.2.2). */
    public static final DmConfig DEFAULTS = new DmConfig(Bc260yFacts.DM_MODE_DEFAULT.code(), CarrierServers.DM_SERVER_DEFAULT,
            CarrierServers.DM_PORT_DEFAULT, CarrierServers.DM_PERIOD_DEFAULT, "", "", Bc260yFacts.TML_TYPE_DEFAULT, "");

    /** Whether {@code DM_Mode} allows CMDMP access (seed 3.2.2). */
    public boolean accessAllowed() {
        return mode == DmMode.ALLOWED.code();
    }

    /** The password as the module shows it: masked (seed 3.2.2 password). */
    public String maskedPassword() {
        return QdmpcfgLine.Credentials.mask(password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DmConfig[mode=" + mode + ", server=" + server + ", port=" + port + ", updatePeriod=" + updatePeriod
                + ", appKey=" + appKey + ", password=" + maskedPassword() + ", tmlType=" + tmlType
                + ", tmlImei=" + tmlImei + "]";
    }
}
