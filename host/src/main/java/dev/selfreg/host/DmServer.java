package dev.selfreg.host;

import dev.selfreg.vocabulary.CarrierServers;

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
    public static final DmServer DEFAULT = new DmServer(CarrierServers.DM_SERVER_DEFAULT, CarrierServers.DM_PORT_DEFAULT,
            CarrierServers.DM_PERIOD_DEFAULT);

    public DmServer {
        AtText.bare("server address", address);
        if (port < CarrierServers.DM_PORT_MIN || port > CarrierServers.DM_PORT_MAX) {
            throw new IllegalArgumentException("server port must be " + CarrierServers.DM_PORT_MIN + "-"
                    + CarrierServers.DM_PORT_MAX + ": " + port);
        }
        if (updatePeriodSeconds < CarrierServers.DM_PERIOD_MIN || updatePeriodSeconds > CarrierServers.DM_PERIOD_MAX) {
            throw new IllegalArgumentException("update period must be " + CarrierServers.DM_PERIOD_MIN + "-"
                    + CarrierServers.DM_PERIOD_MAX + " s: " + updatePeriodSeconds);
        }
    }
}
