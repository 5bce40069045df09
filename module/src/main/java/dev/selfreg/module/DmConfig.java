package dev.selfreg.module;

/**
 * The CMDMP access configuration of {@code AT+QDMPCFG} types 0-2. An unset APPkey, password
 * or tmlIMEI is the empty string.
 */
public record DmConfig(int mode, String server, int port, long updatePeriod,
                       String appKey, String password, int tmlType, String tmlImei) {

    /** Factory defaults (seed 3.2.2). */
    public static final DmConfig DEFAULTS = new DmConfig(Bc260yFacts.DM_MODE_DEFAULT, Bc260yFacts.DM_SERVER_DEFAULT,
            Bc260yFacts.DM_PORT_DEFAULT, Bc260yFacts.DM_PERIOD_DEFAULT, "", "", Bc260yFacts.TML_TYPE_DEFAULT, "");

    /** Whether {@code DM_Mode} allows CMDMP access (seed 3.2.2). */
    public boolean accessAllowed() {
        return mode == Bc260yFacts.DM_MODE_ALLOWED;
    }

    /** The password as the module shows it: its first four characters, then {@code ****}. */
    public String maskedPassword() {
        return mask(password);
    }

    /**
     * Masks a secret the module's way (seed: "私钥仅显示前四位字符"); empty stays empty. Counts
     * characters (code points), so no half of a character is ever shown.
     */
    public static String mask(String secret) {
        if (secret.isEmpty()) {
            return "";
        }
        if (secret.codePointCount(0, secret.length()) <= Bc260yFacts.PASSWORD_SHOWN_CHARS) {
            return "****";
        }
        return secret.substring(0, secret.offsetByCodePoints(0, Bc260yFacts.PASSWORD_SHOWN_CHARS)) + "****";
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DmConfig[mode=" + mode + ", server=" + server + ", port=" + port + ", updatePeriod=" + updatePeriod
                + ", appKey=" + appKey + ", password=" + maskedPassword() + ", tmlType=" + tmlType
                + ", tmlImei=" + tmlImei + "]";
    }
}
