package dev.selfreg.host;

import java.util.Optional;

/**
 * Who the module is: IMEI ({@code AT+CGSN=1}), the card's IMSI ({@code AT+CIMI}) and ICCID
 * ({@code AT+QCCID}), empty without a readable SIM, and the firmware ({@code AT+CGMR}).
 */
public record ModuleIdentity(String imei, Optional<String> imsi, Optional<String> iccid, String firmware) {
}
