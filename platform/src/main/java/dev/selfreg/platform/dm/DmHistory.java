package dev.selfreg.platform.dm;

import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.IdentityCheck;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A device's CMDMP exchanges as the certification checks see them, read back from the platform's records: each
 * stored event becomes a {@link DmMessage}, its finding read from the reason {@link DmRecorder} wrote.
 *
 * <p>The store keeps one record per endpoint with what its last Register, Update and read set: so the lifetime is
 * known for the endpoint's last accepted Register only, and the object 666 values for its last decrypted read only.
 * The APPkey and the IMSI are the endpoint's own (both are part of the name). A request Leshan's CoAP layer refused
 * before any check names no message kind and is left out.
 */
public final class DmHistory {

    private static final String REF = "dm-event ";

    private DmHistory() {
    }

    /**
     * The messages of these events, oldest first.
     *
     * @param events the device's events, oldest first
     * @param devices the device records of their endpoints, by endpoint name
     */
    public static List<DmMessage> of(List<DmEvent> events, Map<String, DmDevice> devices) {
        Map<String, Long> lastRegister = new HashMap<>();
        Map<String, Long> lastRead = new HashMap<>();
        for (DmEvent event : events) {
            if (event.kind().equals("register")) {
                lastRegister.put(event.endpoint(), event.id());
            } else if (event.kind().equals("read") && event.outcome().equals("ok")) {
                lastRead.put(event.endpoint(), event.id());
            }
        }
        List<DmMessage> messages = new ArrayList<>();
        for (DmEvent event : events) {
            Long id = event.id();
            message(event, devices.get(event.endpoint()), id.equals(lastRegister.get(event.endpoint())),
                    id.equals(lastRead.get(event.endpoint()))).ifPresent(messages::add);
        }
        return messages;
    }

    /** The IMEI an event belongs to: its own, or the fourth field of a DM 2.0 endpoint name it could not parse. */
    public static String imeiOf(DmEvent event) {
        if (event.imei() != null) {
            return event.imei();
        }
        String[] fields = event.endpoint().split(DmEndpointName.SEPARATOR, -1);
        return fields.length >= 4 && fields[3].matches("\\d{15,17}") ? fields[3] : null;
    }

    private static Optional<DmMessage> message(DmEvent e, DmDevice device, boolean lastRegister, boolean lastRead) {
        String ref = REF + e.id();
        Optional<DmFinding> finding = DmFinding.namedIn(e.reason());
        boolean appKeyKnown = device != null && device.appKeyKnown();
        String appKey = device != null ? device.appKey() : appKeyOf(e.endpoint());
        String imsi = device != null ? device.imsi() : null;
        return switch (e.kind()) {
            case "register" -> Optional.of(new DmMessage.Register(ref, e.time(), e.endpoint(), appKey, appKeyKnown,
                    identity(finding), imsi, lastRegister && device != null ? OptionalLong.of(device.lifetime())
                    : OptionalLong.empty(), true, e.reason()));
            case "update" -> Optional.of(new DmMessage.Update(ref, e.time(), e.endpoint(), identity(finding), true,
                    e.reason()));
            case "read" -> Optional.of(new DmMessage.Read(ref, e.time(), e.endpoint(), readOutcome(e.outcome()),
                    lastRead && device != null && !device.terminalInfo().isEmpty() ? device.terminalInfo() : null,
                    e.reason()));
            case "deregister" -> Optional.of(new DmMessage.Deregister(ref, e.time(), e.endpoint()));
            case "expired" -> Optional.of(new DmMessage.Expiry(ref, e.time(), e.endpoint()));
            case "rejected" -> rejected(ref, e, finding, appKey);
            default -> Optional.empty();
        };
    }

    private static Optional<DmMessage> rejected(String ref, DmEvent e, Optional<DmFinding> finding, String appKey) {
        if (finding.isEmpty()) {
            return Optional.empty();
        }
        IdentityCheck identity = identity(finding);
        if (e.reason().startsWith("register ")) {
            return Optional.of(new DmMessage.Register(ref, e.time(), e.endpoint(), appKey,
                    finding.get() != DmFinding.UNKNOWN_APP_KEY, identity, null, OptionalLong.empty(), false, e.reason()));
        }
        if (e.reason().startsWith("update ")) {
            return Optional.of(new DmMessage.Update(ref, e.time(), e.endpoint(), identity, false, e.reason()));
        }
        return Optional.empty();
    }

    /** What a finding says of the encrypted identity; none means it was verified. */
    private static IdentityCheck identity(Optional<DmFinding> finding) {
        return finding.map(f -> switch (f) {
            case NOT_DM_ENDPOINT -> IdentityCheck.PLAIN;
            case UNKNOWN_APP_KEY -> IdentityCheck.NOT_CHECKED;
            case ENDPOINT_MISMATCH, EPI_MISMATCH -> IdentityCheck.MISMATCH;
            case MALFORMED_ENDPOINT, MISSING_EPI, MALFORMED_EPI, THREE_FIELD_EPI -> IdentityCheck.MALFORMED;
            // refused before its identity was read, for a query that is no Register's or Update's
            case INVALID_LIFETIME, INVALID_BINDING -> IdentityCheck.MALFORMED;
        }).orElse(IdentityCheck.VERIFIED);
    }

    private static DmMessage.ReadOutcome readOutcome(String outcome) {
        return switch (outcome) {
            case "ok" -> DmMessage.ReadOutcome.DECRYPTED;
            case "flagged" -> DmMessage.ReadOutcome.NOT_DECRYPTED;
            default -> DmMessage.ReadOutcome.FAILED;
        };
    }

    private static String appKeyOf(String endpoint) {
        String[] fields = endpoint.split(DmEndpointName.SEPARATOR, -1);
        return fields.length >= 3 ? fields[2] : null;
    }
}
