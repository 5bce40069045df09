package dev.selfreg.platform.store;

import dev.selfreg.protocol.cmdmp.DmDialect;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A China Mobile CMDMP device as the platform last saw it, one per endpoint name.
 *
 * @param state        {@code registered}, {@code deregistered} or {@code expired}
 * @param appKeyKnown  whether the APPkey is in the platform's application table (so the
 *                     endpoint and object 666 could be decrypted)
 * @param terminalInfo decrypted object 666 values by resource id (6601-6614); empty until read
 * @param dialect      the dialect of its Register and its last Update together (cmcc-dm-wire.md); none for a
 *                     plain LwM2M client, an identity that could not be read, or a device stored before dialects
 *                     were recorded
 */
public record DmDevice(String endpoint, String imei, String imsi, String appKey, String tmlType, String state,
                       long lifetime, Instant registeredAt, Instant lastUpdate, String registrationId,
                       boolean appKeyKnown, Map<Integer, String> terminalInfo, Optional<DmDialect> dialect) {

    public DmDevice {
        terminalInfo = Map.copyOf(terminalInfo);
        Objects.requireNonNull(dialect, "dialect");
    }

    /** A device without a recorded dialect. */
    public DmDevice(String endpoint, String imei, String imsi, String appKey, String tmlType, String state,
                    long lifetime, Instant registeredAt, Instant lastUpdate, String registrationId,
                    boolean appKeyKnown, Map<Integer, String> terminalInfo) {
        this(endpoint, imei, imsi, appKey, tmlType, state, lifetime, registeredAt, lastUpdate, registrationId,
                appKeyKnown, terminalInfo, Optional.empty());
    }
}
