package dev.selfreg.host;

/**
 * Where CMDMP lives and how often the module updates its registration: {@code AT+QDMPCFG=1}
 * (seed 3.2.2).
 *
 * @param address             IP address or domain name
 * @param port                1-65535
 * @param updatePeriodSeconds 300-4294966
 */
public record DmServer(String address, int port, long updatePeriodSeconds) {

    /** Factory defaults (seed 3.2.2). */
    public static final DmServer DEFAULT = new DmServer("117.161.2.41", 5683, 86400);
    public static final long MIN_UPDATE_PERIOD = 300;
    public static final long MAX_UPDATE_PERIOD = 4294966;

    public DmServer {
        AtText.bare("server address", address);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port must be 1-65535: " + port);
        }
        if (updatePeriodSeconds < MIN_UPDATE_PERIOD || updatePeriodSeconds > MAX_UPDATE_PERIOD) {
            throw new IllegalArgumentException("update period must be " + MIN_UPDATE_PERIOD + "-" + MAX_UPDATE_PERIOD
                    + " s: " + updatePeriodSeconds);
        }
    }
}
