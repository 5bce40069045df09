package dev.selfreg.module;

import java.util.Map;

/**
 * What {@code GET /module} answers: identity, power, module time, the CT self-registration, the
 * DM state, the awake time with its breakdown by {@link AwakeReason} (seconds per label), and
 * the network registration with the conditions around it ({@link NetworkStatus}). A
 * null IMSI/ICCID means no SIM was read at the last boot.
 */
public record ModuleStatus(String imei, String imsi, String iccid, String firmware, String power,
                           double clock, CtStatus ct, int dmState, double awakeSeconds,
                           Map<String, Double> awakeBreakdown, NetworkStatus network) {
}
