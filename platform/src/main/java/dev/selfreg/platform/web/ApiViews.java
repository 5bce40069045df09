package dev.selfreg.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.selfreg.platform.core.PlatformChange;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.protocol.cmdmp.DmDialect;
import dev.selfreg.protocol.zzhc.ZzhcDialect;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON shapes of the platform REST API and of the live stream (interfaces.md names the
 * fields): one view per stored record, times as ISO-8601 UTC strings.
 */
final class ApiViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiViews() {
    }

    /**
     * An accepted China Telecom report; {@code report} is the decoded JSON object the module sent, {@code dialect} and
     * {@code dialectLabel} the dialect it was written in (ct-zzhc-wire.md), null when none was recorded.
     */
    record CtRegistrationView(long id, String time, String transport, String peer, String imei, String imsi,
                              String iccid, String model, String swver, String regver, JsonNode report,
                              String dialect, String dialectLabel) {
    }

    /** A rejected China Telecom report with the reply the platform sent, and its dialect when it was read. */
    record CtRejectionView(long id, String time, String transport, String peer, String resultCode, String reason,
                           String detail, String body, String dialect, String dialectLabel) {
    }

    /**
     * A CMDMP device; {@code terminalInfo} holds the decrypted object 666 values by resource id, {@code dialect} and
     * {@code dialectLabel} those of its Register and last Update (cmcc-dm-wire.md).
     */
    record DmDeviceView(String endpoint, String imei, String imsi, String appkey, boolean appkeyKnown, String tmlType,
                        String state, long lifetime, String registeredAt, String lastUpdate, String registrationId,
                        SortedMap<Integer, String> terminalInfo, String dialect, String dialectLabel) {
    }

    /** A CMDMP register, update, deregister, expiry, read or rejection; a Register's or Update's dialect. */
    record DmEventView(long id, String time, String endpoint, String imei, String kind, String outcome, String reason,
                       String dialect, String dialectLabel) {
    }

    static CtRegistrationView of(CtRegistration r) {
        return new CtRegistrationView(r.id(), time(r.receivedAt()), r.transport(), r.peer(), r.imei(), r.imsi(),
                r.iccid(), r.model(), r.swver(), r.regver(), report(r.reportJson()),
                r.dialect().map(ZzhcDialect::code).orElse(null), r.dialect().map(ZzhcDialect::label).orElse(null));
    }

    static CtRejectionView of(CtRejection r) {
        return new CtRejectionView(r.id(), time(r.receivedAt()), r.transport(), r.peer(), r.resultCode(), r.reason(),
                r.detail(), r.body(), r.dialect().map(ZzhcDialect::code).orElse(null),
                r.dialect().map(ZzhcDialect::label).orElse(null));
    }

    static DmDeviceView of(DmDevice d) {
        return new DmDeviceView(d.endpoint(), d.imei(), d.imsi(), d.appKey(), d.appKeyKnown(), d.tmlType(), d.state(),
                d.lifetime(), time(d.registeredAt()), time(d.lastUpdate()), d.registrationId(),
                new TreeMap<>(d.terminalInfo()), d.dialect().map(DmDialect::code).orElse(null),
                d.dialect().map(DmDialect::label).orElse(null));
    }

    static DmEventView of(DmEvent e) {
        return new DmEventView(e.id(), time(e.time()), e.endpoint(), e.imei(), e.kind(), e.outcome(), e.reason(),
                e.dialect().map(DmDialect::code).orElse(null), e.dialect().map(DmDialect::label).orElse(null));
    }

    /** The view of whatever record a change carries. */
    static Object of(PlatformChange change) {
        if (change instanceof PlatformChange.CtAccepted accepted) {
            return of(accepted.record());
        } else if (change instanceof PlatformChange.CtRejected rejected) {
            return of(rejected.record());
        } else if (change instanceof PlatformChange.DeviceChanged device) {
            return of(device.record());
        } else if (change instanceof PlatformChange.DmEventAdded event) {
            return of(event.record());
        }
        throw new IllegalArgumentException("unknown change " + change.kind());
    }

    /** The view as JSON text. */
    static String json(Object view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view record is always serialisable", e);
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The stored report as JSON; kept as text if it somehow is not JSON, so one bad row cannot break a list. */
    private static JsonNode report(String reportJson) {
        if (reportJson == null) {
            return null;
        }
        try {
            return JSON.readTree(reportJson);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(reportJson);
        }
    }
}
