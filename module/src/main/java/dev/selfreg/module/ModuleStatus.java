package dev.selfreg.module;

/**
 * What {@code GET /module} answers: identity, power, module time and the DM state. A null
 * IMSI/ICCID means no SIM was read at the last boot.
 */
public record ModuleStatus(String imei, String imsi, String iccid, String firmware, String power,
                           double clock, int dmState, double awakeSeconds) {
}
