package dev.selfreg.platform.store;

import java.time.Instant;
import java.util.Map;

/**
 * A China Mobile CMDMP device as the platform last saw it, one per endpoint name.
 *
 * @param state        {@code registered}, {@code deregistered} or {@code expired}
 * @param appKeyKnown  whether the APPkey is in the platform's application table (so the
 *                     endpoint and object 666 could be decrypted)
 * @param terminalInfo decrypted object 666 values by resource id (6601-6614); empty until read
 */
public record DmDevice(String endpoint, String imei, String imsi, String appKey, String tmlType, String state,
                       long lifetime, Instant registeredAt, Instant lastUpdate, String registrationId,
                       boolean appKeyKnown, Map<Integer, String> terminalInfo) {

    public DmDevice {
        terminalInfo = Map.copyOf(terminalInfo);
    }
}
