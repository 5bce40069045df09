package dev.selfreg.vocabulary;

/**
 * Where the carriers' self-registration platforms live, and the ranges of the CMDMP server
 * settings of {@code AT+QDMPCFG=1}: the one home of these facts for the module, the host side
 * and the lab's simulated network.
 */
public final class CarrierServers {

    /** Domain name of the China Telecom self-registration platform (spec ct-zzhc-wire.md, Transport). */
    public static final String CT_DOMAIN = "zzhc.vnet.cn";
    /** The platform IP some firmware uses instead of the name (spec ct-zzhc-wire.md, Transport). */
    public static final String CT_SERVER_IP = "42.99.2.15";

    /** Default CMDMP server IP (seed 3.2.2 serverIP); the query shows it until one is set. */
    public static final String DM_SERVER_DEFAULT = "117.161.2.41";
    /** CMDMP test server IP (seed 3.2.2, example of AT+QDMPCFG=1). */
    public static final String DM_TEST_SERVER = "117.161.2.7";
    /** CMDMP default domain name (seed 3.2.2 serverIP: 默认域名为 m.fxlttsbl.com). */
    public static final String DM_SERVER_DOMAIN = "m.fxlttsbl.com";
    /**
     * The same domain as every vendor source spells it; the seed's spelling is taken as a typo and the lab resolves
     * both (spec cmcc-dm-wire.md, Transport).
     */
    public static final String DM_SERVER_DOMAIN_VENDOR_SPELLING = "m.fxltsbl.com";
    /** Default CMDMP server port, and its range (seed 3.2.2 server_Port). */
    public static final int DM_PORT_DEFAULT = 5683;
    public static final int DM_PORT_MIN = 1;
    public static final int DM_PORT_MAX = 65535;
    /** Update period default and range in seconds (seed 3.2.2 update_Period; 2.2.2: 24 h). */
    public static final long DM_PERIOD_DEFAULT = 86400;
    public static final long DM_PERIOD_MIN = 300;
    public static final long DM_PERIOD_MAX = 4294966;

    private CarrierServers() {
    }
}
