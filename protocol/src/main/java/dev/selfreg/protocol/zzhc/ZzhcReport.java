package dev.selfreg.protocol.zzhc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selfreg.protocol.Carrier;
import dev.selfreg.protocol.WireBase64;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * bytes the module sent. Extra fields interleaved elsewhere by a sender move to the end, and an optional field sent
 * as a number is re-encoded as a string: {@link ZzhcVerdict.Accepted#json()} keeps the JSON exactly as received.
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
 * @param extras any other fields, in wire order, with their JSON values (end-device clients send numbers); never
 *     {@code null} after construction, unmodifiable, each value a private copy
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
        Map<String, JsonNode> extras) {

    /** {@code REGVER} of the NB-IoT report, the one the BC260Y-CN sends. */
    public static final String REGVER_NB_IOT = "2";

    static final String REGVER = "REGVER";
    static final String MEID = "MEID";
    static final String SWVER = "SWVER";
    static final String IMEI1 = "IMEI1";
    static final String SIM1CDMAIMSI = "SIM1CDMAIMSI";
    static final String SIM1ICCID = "SIM1ICCID";
    static final String SIM1LTEIMSI = "SIM1LTEIMSI";
    static final String SIM1CELLID = "SIM1CELLID";
    static final String REGDATE = "REGDATE";
    /** What C firmware ends a string with; some clients send it along. */
    private static final char NUL = '\0';
    private static final Set<String> KNOWN_KEYS = Set.of(REGVER, MEID, ModelKey.MODEL.name(),
            ModelKey.MODELSMS.name(), SWVER, IMEI1, SIM1CDMAIMSI, SIM1ICCID, SIM1LTEIMSI, SIM1CELLID, REGDATE);

    // Formats from ct-zzhc-wire.md, "Request body" table and "Lab platform replies" code 2.
    private static final int IMEI_DIGITS = 15;
    private static final int IMSI_DIGITS = 15;
    private static final int ICCID_MIN_LENGTH = 19;
    private static final int ICCID_MAX_LENGTH = 20;
    private static final int MODEL_MAX_LENGTH = 20;
    /**
     * The longest {@code REGVER} and {@code SWVER} a report may carry, in characters: what the platform's records
     * hold (Interpretation, ct-zzhc-wire.md: the clients send "2" to "8.0" and versions such as BC260YCNAAR01A04;
     * no limit is known from a carrier).
     */
    private static final int REGVER_MAX_LENGTH = 16;
    private static final int SWVER_MAX_LENGTH = 64;

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
        LinkedHashMap<String, JsonNode> frozen = new LinkedHashMap<>();
        if (extras != null) {
            extras.forEach((key, value) -> {
                Objects.requireNonNull(key, "extra key");
                Objects.requireNonNull(value, "extra value of " + key);
                if (KNOWN_KEYS.contains(key) && !key.equals(otherModelKey.name())) {
                    throw new IllegalArgumentException(key + " is a report field, not an extra");
                }
                requireUtf8(key);
                if (!StrictJson.hasUtf8Form(value)) {
                    throw new IllegalArgumentException("extra " + key + " is not well-formed UTF-16, has no UTF-8 form");
                }
                frozen.put(key, value.deepCopy());
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

    /** The extra fields, each value a copy of its own: changing one changes nothing here. */
    @Override
    public Map<String, JsonNode> extras() {
        LinkedHashMap<String, JsonNode> copies = new LinkedHashMap<>();
        extras.forEach((key, value) -> copies.put(key, value.deepCopy()));
        return Collections.unmodifiableMap(copies);
    }

    /** The report as compact UTF-8 JSON text, before Base64. */
    public String json() {
        return new String(StrictJson.write(jsonObject()), StandardCharsets.UTF_8);
    }

    /** The request body: standard padded Base64 of {@link #json()}, as ASCII bytes. */
    public byte[] encode() {
        return WireBase64.encode(StrictJson.write(jsonObject())).getBytes(StandardCharsets.US_ASCII);
    }

    /** The report as a JSON object, in wire order. */
    ObjectNode jsonObject() {
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
        extras.forEach((key, value) -> node.set(key, value.deepCopy()));
        return node;
    }

    /**
     * Decodes and checks a request body received over CoAP, the BC260Y-CN's transport; see
     * {@link #decode(byte[], ZzhcTransport)}.
     */
    public static ZzhcVerdict decode(byte[] body) {
        return decode(body, ZzhcTransport.COAP);
    }

    /**
     * Decodes and checks a request body the way the lab platform does (ct-zzhc-wire.md, "Lab platform replies"), and
     * classifies its {@link ZzhcDialect}. Never throws on bad input.
     *
     * <p>Checks, in this order; the first that fails decides the verdict:
     * <ol>
     *   <li>{@code "1" Malformed}: after dropping leading and trailing spaces, tabs, CRs, LFs and NUL bytes (a newline
     *       appended by a test tool, a C string's terminator sent along), the body is not non-empty canonical
     *       standard padded Base64; the decoded bytes, without trailing NULs, are not UTF-8; not exactly one JSON
     *       value; a key repeats; not an object; a string holds a lone surrogate escape (it has no UTF-8 form).</li>
     *   <li>{@code "2" Invalid <FIELD>}: the first field in wire order that is missing or out of format:
     *       {@code REGVER} 1–16 characters; {@code MEID} 15 digits (v2), merely a string when {@code IMEI1} is
     *       there (v5.0 firmware sends it empty), not needed at all next to {@code IMEI1} in an end-device report
     *       (REGVER 7.0/8.0); {@code MODEL} (or {@code MODELSMS} when only that is sent) 1–20 characters;
     *       {@code SWVER} 1–64 characters; {@code IMEI1}, when present, 15 digits; {@code SIM1CDMAIMSI},
     *       {@code SIM1CELLID}, {@code REGDATE}, when present, a string or a number (taken as its text);
     *       {@code SIM1ICCID} 19–20 ASCII letters or digits (Chinese ICCIDs may hold letters); {@code SIM1LTEIMSI}
     *       15 digits. Digits are ASCII {@code 0-9}; a required field given as a number is out of format.</li>
     *   <li>{@code "3" Not a China Telecom IMSI}: the IMSI prefix is not {@link Carrier#CHINA_TELECOM}'s.</li>
     * </ol>
     * Every other field is kept unchecked as an extra, whatever its JSON type. When both {@code MODEL} and
     * {@code MODELSMS} are sent, {@code MODEL} is the model and {@code MODELSMS} an extra.
     *
     * @param body      the raw CoAP payload or HTTP request body
     * @param transport how it arrived, for the dialect
     */
    public static ZzhcVerdict decode(byte[] body, ZzhcTransport transport) {
        // ISO-8859-1 maps each byte to one char, so no byte is lost before the Base64 check rejects non-ASCII.
        String sent = new String(body, StandardCharsets.ISO_8859_1);
        int start = 0;
        int end = sent.length();
        boolean trailingNul = false;
        while (end > start && (isWireWhitespace(sent.charAt(end - 1)) || sent.charAt(end - 1) == NUL)) {
            trailingNul |= sent.charAt(end - 1) == NUL;
            end--;
        }
        while (start < end && isWireWhitespace(sent.charAt(start))) {
            start++;
        }
        String text = sent.substring(start, end);
        if (text.isEmpty()) {
            return malformed("empty body");
        }
        Optional<byte[]> decoded = WireBase64.decode(text);
        if (decoded.isEmpty()) {
            return malformed("body is not standard padded Base64");
        }
        byte[] json = decoded.get();
        int length = json.length;
        while (length > 0 && json[length - 1] == 0) {
            length--;
        }
        trailingNul |= length < json.length;
        JsonNode node;
        try {
            node = StrictJson.read(Arrays.copyOf(json, length));
        } catch (StrictJson.NotJsonException e) {
            return malformed("decoded body is " + e.getMessage());
        }
        if (!node.isObject()) {
            return malformed("decoded JSON is not an object");
        }
        if (!StrictJson.hasUtf8Form(node)) {
            return malformed("a key or string value holds a lone surrogate, which has no UTF-8 form");
        }
        LinkedHashMap<String, JsonNode> fields = new LinkedHashMap<>();
        node.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
        ZzhcDialect dialect = ZzhcDialect.classify(fields, trailingNul, transport);
        return check(fields, dialect, new String(json, 0, length, StandardCharsets.UTF_8));
    }

    private static ZzhcVerdict check(LinkedHashMap<String, JsonNode> fields, ZzhcDialect dialect, String json) {
        boolean v5 = fields.containsKey(IMEI1);
        ModelKey modelKey = !fields.containsKey(ModelKey.MODEL.name()) && fields.containsKey(ModelKey.MODELSMS.name())
                ? ModelKey.MODELSMS
                : ModelKey.MODEL;
        FieldRule meid;
        if (v5 && dialect.fieldSet() == ZzhcDialect.FieldSet.END_DEVICE) {
            meid = new FieldRule(MEID, v -> true, "a string");
        } else if (v5) {
            meid = new FieldRule(MEID, Objects::nonNull, "a string");
        } else {
            meid = new FieldRule(MEID, v -> digits(v, IMEI_DIGITS), "15 digits");
        }
        List<FieldRule> rules = List.of(
                new FieldRule(REGVER, v -> notEmptyUpTo(v, REGVER_MAX_LENGTH), "1 to 16 characters"),
                meid,
                new FieldRule(modelKey.name(), ZzhcReport::modelLength, "1 to 20 characters"),
                new FieldRule(SWVER, v -> notEmptyUpTo(v, SWVER_MAX_LENGTH), "1 to 64 characters"),
                new FieldRule(IMEI1, v -> v == null || digits(v, IMEI_DIGITS), "15 digits"),
                new FieldRule(SIM1ICCID, ZzhcReport::iccid, "19 to 20 letters or digits"),
                new FieldRule(SIM1LTEIMSI, v -> digits(v, IMSI_DIGITS), "15 digits"));
        Map<String, String> texts = new LinkedHashMap<>();
        for (FieldRule rule : rules) {
            JsonNode value = fields.get(rule.key());
            String text = value != null && value.isTextual() ? value.textValue() : null;
            boolean present = value == null || value.isTextual();
            if (!present || !rule.accepts().test(text)) {
                return invalid(rule.key(), rule.requirement(), value, dialect);
            }
            texts.put(rule.key(), text);
        }
        for (String optional : List.of(SIM1CDMAIMSI, SIM1CELLID, REGDATE)) {
            JsonNode value = fields.get(optional);
            if (value != null && !value.isTextual() && !value.isNumber()) {
                return invalid(optional, "a string", value, dialect);
            }
            texts.put(optional, value == null ? null : value.asText());
        }
        String imsi = texts.get(SIM1LTEIMSI);
        if (Carrier.ofImsi(imsi) != Carrier.CHINA_TELECOM) {
            return new ZzhcVerdict.Rejected(ZzhcVerdict.Reason.NOT_CHINA_TELECOM_IMSI, "Not a China Telecom IMSI",
                    "IMSI " + imsi + " starts with none of " + Carrier.CHINA_TELECOM.imsiPrefixes(),
                    Optional.of(dialect));
        }
        LinkedHashMap<String, JsonNode> extras = new LinkedHashMap<>(fields);
        extras.keySet().removeAll(List.of(REGVER, MEID, modelKey.name(), SWVER, IMEI1, SIM1CDMAIMSI, SIM1ICCID,
                SIM1LTEIMSI, SIM1CELLID, REGDATE));
        ZzhcReport report = new ZzhcReport(texts.get(REGVER), texts.get(MEID), modelKey, texts.get(modelKey.name()),
                texts.get(SWVER), texts.get(IMEI1), texts.get(SIM1CDMAIMSI), texts.get(SIM1ICCID), imsi,
                texts.get(SIM1CELLID), texts.get(REGDATE), extras);
        return new ZzhcVerdict.Accepted(report, dialect, json);
    }

    /** One lab check of a field; {@code accepts} sees {@code null} for a missing field. */
    private record FieldRule(String key, Predicate<String> accepts, String requirement) {
    }

    private static ZzhcVerdict malformed(String detail) {
        return new ZzhcVerdict.Rejected(ZzhcVerdict.Reason.MALFORMED, "Malformed", detail, Optional.empty());
    }

    private static ZzhcVerdict invalid(String key, String requirement, JsonNode value, ZzhcDialect dialect) {
        return new ZzhcVerdict.Rejected(ZzhcVerdict.Reason.INVALID_FIELD, "Invalid " + key,
                key + " must be " + requirement + ", got " + quote(value), Optional.of(dialect));
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    private static boolean notEmptyUpTo(String value, int maxLength) {
        return notEmpty(value) && value.length() <= maxLength;
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

    private static String quote(JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        return value.isTextual() ? quote(value.textValue()) : "a JSON " + value.getNodeType().name().toLowerCase(
                Locale.ROOT) + " " + cut(value.toString());
    }

    private static String cut(String text) {
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...";
    }

    private static String quote(String value) {
        return value.length() <= QUOTE_LIMIT
                ? '"' + value + '"'
                : '"' + value.substring(0, QUOTE_LIMIT) + "\"... (" + value.length() + " characters)";
    }

    private static boolean isWireWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static void putPresent(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static void requireUtf8(String value) {
        if (!StrictJson.hasUtf8Form(value)) {
            throw new IllegalArgumentException("not well-formed UTF-16, has no UTF-8 form: " + quote(value));
        }
    }
}
