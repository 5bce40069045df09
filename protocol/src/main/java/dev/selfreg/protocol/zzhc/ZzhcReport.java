package dev.selfreg.protocol.zzhc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selfreg.protocol.Carrier;
import dev.selfreg.protocol.WireBase64;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One China Telecom self-registration report (ct-zzhc-wire.md, "Request body"): the fields a module sends, in
 * wire order.
 *
 * <p>A component is one JSON field; {@code null} means the field is absent. Construction checks no formats, so a
 * lab test can send a wrong report on purpose; {@link #decode} applies the lab platform's checks.
 *
 * <p>Wire order is {@code REGVER, MEID, MODEL, SWVER, IMEI1, SIM1CDMAIMSI, SIM1ICCID, SIM1LTEIMSI, SIM1CELLID,
 * REGDATE}, then {@link #extras} in the order received. The v2 fields keep the spec table's order (its test vector
 * matches byte for byte); the v5.0 fields sit where public Cat.1 firmware puts them, so both layouts re-encode to the
 * bytes the module sent. Extra fields interleaved elsewhere by a sender move to the end.
 *
 * @param regver registration version: {@code "2"} for the NB-IoT report, {@code "5.0"} for Cat.1
 * @param meid the IMEI in a v2 report (the key name is historical); usually empty in v5.0, which uses
 *     {@code IMEI1}
 * @param modelKey which key carries the model: {@code MODEL}, or {@code MODELSMS} from older firmware
 * @param model {@code <vendor>-<model>}, at most 20 characters
 * @param swver firmware version
 * @param imei1 v5.0: the IMEI
 * @param sim1CdmaImsi v5.0: the CDMA IMSI, {@code ""} on LTE-only devices
 * @param sim1Iccid the card's ICCID, 19–20 characters
 * @param sim1LteImsi the card's IMSI, 15 digits with a China Telecom prefix
 * @param sim1CellId v5.0: the serving cell
 * @param regDate v5.0: {@code yyyy-MM-dd HH:mm:ss}
 * @param extras any other fields, in wire order; never {@code null} after construction, unmodifiable
 */
public record ZzhcReport(
        String regver,
        String meid,
        ModelKey modelKey,
        String model,
        String swver,
        String imei1,
        String sim1CdmaImsi,
        String sim1Iccid,
        String sim1LteImsi,
        String sim1CellId,
        String regDate,
        Map<String, String> extras) {

    /** {@code REGVER} of the NB-IoT report, the one the BC260Y-CN sends. */
    public static final String REGVER_NB_IOT = "2";

    private static final String REGVER = "REGVER";
    private static final String MEID = "MEID";
    private static final String SWVER = "SWVER";
    private static final String IMEI1 = "IMEI1";
    private static final String SIM1CDMAIMSI = "SIM1CDMAIMSI";
    private static final String SIM1ICCID = "SIM1ICCID";
    private static final String SIM1LTEIMSI = "SIM1LTEIMSI";
    private static final String SIM1CELLID = "SIM1CELLID";
    private static final String REGDATE = "REGDATE";
    private static final Set<String> KNOWN_KEYS = Set.of(REGVER, MEID, ModelKey.MODEL.name(),
            ModelKey.MODELSMS.name(), SWVER, IMEI1, SIM1CDMAIMSI, SIM1ICCID, SIM1LTEIMSI, SIM1CELLID, REGDATE);

    // Formats from ct-zzhc-wire.md, "Request body" table and "Lab platform replies" code 2.
    private static final int IMEI_DIGITS = 15;
    private static final int IMSI_DIGITS = 15;
    private static final int ICCID_MIN_LENGTH = 19;
    private static final int ICCID_MAX_LENGTH = 20;
    private static final int MODEL_MAX_LENGTH = 20;

    /** Longest field value quoted back in a rejection's detail. */
    private static final int QUOTE_LIMIT = 40;

    /** The key that carries the model; the constant's name is the wire key. */
    public enum ModelKey {
        /** Current firmware. */
        MODEL,
        /** Older firmware. */
        MODELSMS
    }

    /**
     * Checks that the report can be written as UTF-8 JSON and freezes {@code extras}.
     *
     * @throws IllegalArgumentException when a value is not well-formed UTF-16 (it would have no UTF-8 form), or an
     *     extra field reuses a key that a component carries
     */
    public ZzhcReport {
        Objects.requireNonNull(modelKey, "modelKey");
        ModelKey otherModelKey = modelKey == ModelKey.MODEL ? ModelKey.MODELSMS : ModelKey.MODEL;
        LinkedHashMap<String, String> frozen = new LinkedHashMap<>();
        if (extras != null) {
            extras.forEach((key, value) -> {
                Objects.requireNonNull(key, "extra key");
                Objects.requireNonNull(value, "extra value of " + key);
                if (KNOWN_KEYS.contains(key) && !key.equals(otherModelKey.name())) {
                    throw new IllegalArgumentException(key + " is a report field, not an extra");
                }
                requireUtf8(key);
                requireUtf8(value);
                frozen.put(key, value);
            });
        }
        extras = Collections.unmodifiableMap(frozen);
        Stream.of(regver, meid, model, swver, imei1, sim1CdmaImsi, sim1Iccid, sim1LteImsi, sim1CellId, regDate)
                .filter(Objects::nonNull)
                .forEach(ZzhcReport::requireUtf8);
    }

    /**
     * The NB-IoT (registration version 2) report, as the BC260Y-CN sends it.
     *
     * @param imei the module IMEI, sent as {@code MEID}
     * @param model {@code <vendor>-<model>}, e.g. {@code Quectel-BC260Y-CN}
     * @param swver firmware version
     * @param iccid the card's ICCID
     * @param imsi the card's IMSI
     */
    public static ZzhcReport v2(String imei, String model, String swver, String iccid, String imsi) {
        return new ZzhcReport(REGVER_NB_IOT, imei, ModelKey.MODEL, model, swver,
                null, null, iccid, imsi, null, null, Map.of());
    }

    /** The module's IMEI: {@code IMEI1} when present (v5.0), otherwise {@code MEID} (v2). */
    public String imei() {
        return imei1 != null ? imei1 : meid;
    }

    /** The report as compact UTF-8 JSON text, before Base64. */
    public String json() {
        return new String(jsonBytes(), StandardCharsets.UTF_8);
    }

    /** The request body: standard padded Base64 of {@link #json()}, as ASCII bytes. */
    public byte[] encode() {
        return WireBase64.encode(jsonBytes()).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] jsonBytes() {
        ObjectNode node = StrictJson.MAPPER.createObjectNode();
        putPresent(node, REGVER, regver);
        putPresent(node, MEID, meid);
        putPresent(node, modelKey.name(), model);
        putPresent(node, SWVER, swver);
        putPresent(node, IMEI1, imei1);
        putPresent(node, SIM1CDMAIMSI, sim1CdmaImsi);
        putPresent(node, SIM1ICCID, sim1Iccid);
        putPresent(node, SIM1LTEIMSI, sim1LteImsi);
        putPresent(node, SIM1CELLID, sim1CellId);
        putPresent(node, REGDATE, regDate);
        extras.forEach(node::put);
        return StrictJson.write(node);
    }

    /**
     * Decodes and checks a request body the way the lab platform does (ct-zzhc-wire.md, "Lab platform replies").
     * Never throws on bad input.
     *
     * <p>Checks, in this order; the first that fails decides the verdict:
     * <ol>
     *   <li>{@code "1" Malformed}: after dropping leading and trailing spaces, tabs, CRs and LFs (a newline appended
     *       by a test tool carries no meaning), the body is not non-empty canonical standard padded Base64; the
     *       decoded bytes are not UTF-8; not exactly one JSON value; a key repeats; not an object; a value is not a
     *       string.</li>
     *   <li>{@code "2" Invalid <FIELD>}: the first field in wire order that is missing or out of format:
     *       {@code REGVER} not empty; {@code MEID} 15 digits (v2) or merely present when {@code IMEI1} is (v5.0
     *       firmware sends it empty); {@code MODEL} (or {@code MODELSMS} when only that is sent) 1–20 characters;
     *       {@code SWVER} not empty; {@code IMEI1}, when present, 15 digits; {@code SIM1ICCID} 19–20 ASCII letters
     *       or digits (Chinese ICCIDs may hold letters); {@code SIM1LTEIMSI} 15 digits. Other v5.0 fields and extras
     *       are kept unchecked. Digits are ASCII {@code 0-9}.</li>
     *   <li>{@code "3" Not a China Telecom IMSI}: the IMSI prefix is not {@link Carrier#CHINA_TELECOM}'s.</li>
     * </ol>
     * When both {@code MODEL} and {@code MODELSMS} are sent, {@code MODEL} is the model and {@code MODELSMS} an
     * extra.
     *
     * @param body the raw CoAP payload or HTTP request body
     */
    public static ZzhcVerdict decode(byte[] body) {
        // ISO-8859-1 maps each byte to one char, so no byte is lost before the Base64 check rejects non-ASCII.
        String text = stripWireWhitespace(new String(body, StandardCharsets.ISO_8859_1));
        if (text.isEmpty()) {
            return malformed("empty body");
        }
        Optional<byte[]> json = WireBase64.decode(text);
        if (json.isEmpty()) {
            return malformed("body is not standard padded Base64");
        }
        JsonNode node;
        try {
            node = StrictJson.read(json.get());
        } catch (StrictJson.NotJsonException e) {
            return malformed("decoded body is " + e.getMessage());
        }
        if (!node.isObject()) {
            return malformed("decoded JSON is not an object");
        }
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                return malformed("value of " + field.getKey() + " is not a string");
            }
            fields.put(field.getKey(), field.getValue().textValue());
        }
        return check(fields);
    }

    private static ZzhcVerdict check(LinkedHashMap<String, String> fields) {
        boolean v5 = fields.containsKey(IMEI1);
        ModelKey modelKey = !fields.containsKey(ModelKey.MODEL.name()) && fields.containsKey(ModelKey.MODELSMS.name())
                ? ModelKey.MODELSMS
                : ModelKey.MODEL;
        List<FieldRule> rules = List.of(
                new FieldRule(REGVER, ZzhcReport::notEmpty, "not empty"),
                v5 ? new FieldRule(MEID, Objects::nonNull, "present")
                        : new FieldRule(MEID, v -> digits(v, IMEI_DIGITS), "15 digits"),
                new FieldRule(modelKey.name(), ZzhcReport::modelLength, "1 to 20 characters"),
                new FieldRule(SWVER, ZzhcReport::notEmpty, "not empty"),
                new FieldRule(IMEI1, v -> v == null || digits(v, IMEI_DIGITS), "15 digits"),
                new FieldRule(SIM1ICCID, ZzhcReport::iccid, "19 to 20 letters or digits"),
                new FieldRule(SIM1LTEIMSI, v -> digits(v, IMSI_DIGITS), "15 digits"));
        for (FieldRule rule : rules) {
            String value = fields.get(rule.key());
            if (!rule.accepts().test(value)) {
                return new ZzhcVerdict.Rejected(ZzhcVerdict.Reason.INVALID_FIELD, "Invalid " + rule.key(),
                        rule.key() + " must be " + rule.requirement() + ", got " + quote(value));
            }
        }
        String imsi = fields.get(SIM1LTEIMSI);
        if (Carrier.ofImsi(imsi) != Carrier.CHINA_TELECOM) {
            return new ZzhcVerdict.Rejected(ZzhcVerdict.Reason.NOT_CHINA_TELECOM_IMSI, "Not a China Telecom IMSI",
                    "IMSI " + imsi + " starts with none of " + Carrier.CHINA_TELECOM.imsiPrefixes());
        }
        LinkedHashMap<String, String> extras = new LinkedHashMap<>(fields);
        extras.keySet().removeAll(List.of(REGVER, MEID, modelKey.name(), SWVER, IMEI1, SIM1CDMAIMSI, SIM1ICCID,
                SIM1LTEIMSI, SIM1CELLID, REGDATE));
        return new ZzhcVerdict.Accepted(new ZzhcReport(fields.get(REGVER), fields.get(MEID), modelKey,
                fields.get(modelKey.name()), fields.get(SWVER), fields.get(IMEI1), fields.get(SIM1CDMAIMSI),
                fields.get(SIM1ICCID), imsi, fields.get(SIM1CELLID), fields.get(REGDATE), extras));
    }

    /** One lab check of a field; {@code accepts} sees {@code null} for a missing field. */
    private record FieldRule(String key, Predicate<String> accepts, String requirement) {
    }

    private static ZzhcVerdict malformed(String detail) {
        return new ZzhcVerdict.Rejected(ZzhcVerdict.Reason.MALFORMED, "Malformed", detail);
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    private static boolean modelLength(String value) {
        return notEmpty(value) && value.codePointCount(0, value.length()) <= MODEL_MAX_LENGTH;
    }

    private static boolean digits(String value, int count) {
        return value != null && value.length() == count && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean iccid(String value) {
        return value != null
                && value.length() >= ICCID_MIN_LENGTH
                && value.length() <= ICCID_MAX_LENGTH
                && value.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z');
    }

    private static String quote(String value) {
        if (value == null) {
            return "nothing";
        }
        return value.length() <= QUOTE_LIMIT
                ? '"' + value + '"'
                : '"' + value.substring(0, QUOTE_LIMIT) + "\"... (" + value.length() + " characters)";
    }

    private static String stripWireWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWireWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWireWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isWireWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static void putPresent(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    /** Every surrogate in a pair, so the text has a UTF-8 form (checked by hand: an encoder per field is costly). */
    private static void requireUtf8(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("not well-formed UTF-16, has no UTF-8 form: " + quote(value));
            }
        }
    }
}
