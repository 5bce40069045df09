package dev.selfreg.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.IdentityCheck;
import dev.selfreg.protocol.WireBase64;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Observations of one device built by hand, as the platform or a capture would give them: times are offsets from
 * {@link #T0}, identities those of the wire specs' test vectors.
 */
public final class Observations {

    public static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    public static final String IMEI = "869999000000001";
    public static final String CT_IMSI = "460111234567890";
    public static final String CT_ICCID = "89860321000000000001";
    public static final String CM_IMSI = "460041234567890";
    public static final String FIRMWARE = "BC260YCNAAR01A04";
    public static final String APP_KEY = "M100000000";
    public static final String ENDPOINT =
            "I@#@8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx@#@M100000000@#@869999000000001@#@v2.0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<CtReport> reports = new ArrayList<>();
    private final List<DmMessage> dm = new ArrayList<>();
    private final List<Boot> boots = new ArrayList<>();
    private Duration until = Duration.ZERO;

    public static Observations device() {
        return new Observations();
    }

    public static Instant at(Duration offset) {
        return T0.plus(offset);
    }

    /** A v2 report as the BC260Y-CN sends it, answered {@code resultCode}. */
    public Observations report(Duration at, String iccid, String swver, String resultCode) {
        byte[] body = ZzhcReport.v2(IMEI, "SRL-M1", swver, iccid, CT_IMSI).encode();
        return reportBody(at, new String(body, StandardCharsets.ISO_8859_1), resultCode);
    }

    /** A successful v2 report with the default card and firmware. */
    public Observations report(Duration at) {
        return report(at, CT_ICCID, FIRMWARE, "0");
    }

    /** A report whose JSON object has exactly these fields (values may be any JSON: numbers too). */
    public Observations reportJson(Duration at, Map<String, ?> fields, String resultCode) {
        try {
            return reportBody(at, WireBase64.encode(JSON.writeValueAsBytes(new LinkedHashMap<>(fields))), resultCode);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Observations reportBody(Duration at, String body, String resultCode) {
        reports.add(new CtReport("ct-report " + (reports.size() + 1), at(at), "coap", body, resultCode));
        return extend(at);
    }

    /** The v2 fields of a report from this device, to vary. */
    public static Map<String, Object> v2Fields(String model, String swver, String iccid, String imsi) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("REGVER", "2");
        fields.put("MEID", IMEI);
        fields.put("MODEL", model);
        fields.put("SWVER", swver);
        fields.put("SIM1ICCID", iccid);
        fields.put("SIM1LTEIMSI", imsi);
        return fields;
    }

    public Observations boot(Duration at, String iccid, String imsi, String firmware) {
        boots.add(new Boot("boot " + (boots.size() + 1), at(at), iccid, imsi, firmware));
        return extend(at);
    }

    /** A China Telecom boot with the default card and firmware. */
    public Observations ctBoot(Duration at) {
        return boot(at, CT_ICCID, CT_IMSI, FIRMWARE);
    }

    public Observations register(Duration at, IdentityCheck identity, boolean appKeyKnown, long lifetime,
            boolean accepted) {
        return dm(new DmMessage.Register(ref(), at(at), ENDPOINT, identity == IdentityCheck.PLAIN ? null : APP_KEY,
                appKeyKnown, identity, identity == IdentityCheck.VERIFIED ? CM_IMSI : null, OptionalLong.of(lifetime),
                accepted, accepted ? "" : "register answered 4.03"), at);
    }

    /** An accepted, verified Register asking for {@code lifetime}. */
    public Observations register(Duration at, long lifetime) {
        return register(at, IdentityCheck.VERIFIED, true, lifetime, true);
    }

    public Observations update(Duration at, IdentityCheck epi, boolean accepted) {
        return dm(new DmMessage.Update(ref(), at(at), ENDPOINT, epi, accepted, accepted ? "" : "epi mismatch"), at);
    }

    public Observations update(Duration at) {
        return update(at, IdentityCheck.VERIFIED, true);
    }

    public Observations read(Duration at, DmMessage.ReadOutcome outcome, Map<Integer, String> values) {
        return dm(new DmMessage.Read(ref(), at(at), ENDPOINT, outcome, values,
                outcome == DmMessage.ReadOutcome.FAILED ? "read of /666/0 failed: no answer" : ""), at);
    }

    public Observations expiry(Duration at) {
        return dm(new DmMessage.Expiry(ref(), at(at), ENDPOINT), at);
    }

    public Observations deregister(Duration at) {
        return dm(new DmMessage.Deregister(ref(), at(at), ENDPOINT), at);
    }

    /** The observation ends at this offset (at least at the last record). */
    public Observations until(Duration at) {
        return extend(at);
    }

    public DeviceObservation build() {
        return new DeviceObservation(IMEI, reports, dm, boots, at(until));
    }

    private String ref() {
        return "dm-event " + (dm.size() + 1);
    }

    private Observations dm(DmMessage message, Duration at) {
        dm.add(message);
        return extend(at);
    }

    private Observations extend(Duration at) {
        if (at.compareTo(until) > 0) {
            until = at;
        }
        return this;
    }

    public static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    public static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    public static Duration h(long hours) {
        return Duration.ofHours(hours);
    }
}
