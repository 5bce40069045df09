package dev.selfreg.protocol.zzhc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfreg.protocol.DialectTerm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dialect a ZZHC report was written in (ct-zzhc-wire.md, "Dialects real clients send"): which client's field set
 * it carries, and the quirks of that client's writing. The platform records it with every report, so a test engineer
 * sees "REGVER 5.0, Cat.1 fields; SIM1CELLID as hex" next to the values; the certification checks judge from it.
 *
 * <p>A dialect is a value with a stable text form, {@link #code()} (what the platform stores, e.g.
 * {@code v5-cat1+cellid-hex}), read back by {@link #parse}, and a {@link #label()} for people.
 *
 * @param fieldSet the client family the fields belong to
 * @param quirks   the peculiarities seen, in their declaration order; unmodifiable
 */
public record ZzhcDialect(FieldSet fieldSet, Set<Quirk> quirks) {

    private static final String SEPARATOR = "+";
    private static final String LABEL_SEPARATOR = "; ";

    /** The keys every field set may carry (ct-zzhc-wire.md, "Request body"). */
    private static final Set<String> REPORT_KEYS = Set.of(ZzhcReport.REGVER, ZzhcReport.MEID,
            ZzhcReport.ModelKey.MODEL.name(), ZzhcReport.ModelKey.MODELSMS.name(), ZzhcReport.SWVER,
            ZzhcReport.IMEI1, ZzhcReport.SIM1CDMAIMSI, ZzhcReport.SIM1ICCID, ZzhcReport.SIM1LTEIMSI,
            ZzhcReport.SIM1CELLID, ZzhcReport.REGDATE);
    /** The end-device fields of REGVER 7.0 and 8.0 besides those; every {@code SIM2...} key is one too. */
    private static final Set<String> END_DEVICE_KEYS = Set.of("UETYPE", "MACID", "OSVER", "ROM", "RAM", "IMEI2",
            "ACCESSTYPE");
    private static final String SECOND_SIM_PREFIX = "SIM2";

    /** A decimal E-UTRAN cell identity is 28 bits, so 4 characters can only be the hex form of one client copy. */
    private static final int HEX_CELL_ID_LENGTH = 4;
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
    private static final Pattern HEX_LETTER = Pattern.compile(".*[A-Fa-f].*");
    /** {@code yyyy-MM-dd HH:mm:ss}, as the field table writes it. */
    private static final Pattern REGDATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    /** The same with a comma between date and time. */
    private static final Pattern REGDATE_COMMA = Pattern.compile("\\d{4}-\\d{2}-\\d{2},\\d{2}:\\d{2}:\\d{2}");
    /** A two-format date helper printing {@code "20%04d"} of the full year: {@code 202026-11-02 10:00:00}. */
    private static final Pattern REGDATE_BROKEN_YEAR = Pattern.compile("20\\d{4}-\\d{2}-\\d{2}[ ,]\\d{2}:\\d{2}:\\d{2}");

    /** Freezes the quirks, in declaration order. */
    public ZzhcDialect {
        Objects.requireNonNull(fieldSet, "fieldSet");
        EnumSet<Quirk> ordered = EnumSet.noneOf(Quirk.class);
        ordered.addAll(quirks);
        quirks = Collections.unmodifiableSet(ordered);
    }

    /** The dialect with no quirks. */
    public static ZzhcDialect of(FieldSet fieldSet, Quirk... quirks) {
        return new ZzhcDialect(fieldSet, Set.of(quirks));
    }

    /** Whether the report showed {@code quirk}. */
    public boolean has(Quirk quirk) {
        return quirks.contains(quirk);
    }

    /** The stable text form: the field set's code, then each quirk's, joined by {@code +}. */
    public String code() {
        List<String> parts = new ArrayList<>();
        parts.add(fieldSet.code());
        quirks.forEach(quirk -> parts.add(quirk.code()));
        return String.join(SEPARATOR, parts);
    }

    /** For people: the field set's label, then each quirk's, joined by {@code ; }. */
    public String label() {
        List<String> parts = new ArrayList<>();
        parts.add(fieldSet.label());
        quirks.forEach(quirk -> parts.add(quirk.label()));
        return String.join(LABEL_SEPARATOR, parts);
    }

    /**
     * Reads a {@link #code()} back.
     *
     * @return empty when the text is not the code of a dialect
     */
    public static Optional<ZzhcDialect> parse(String code) {
        String[] parts = code.split(Pattern.quote(SEPARATOR), -1);
        Optional<FieldSet> fieldSet = DialectTerm.ofCode(FieldSet.class, parts[0]);
        if (fieldSet.isEmpty()) {
            return Optional.empty();
        }
        Set<Quirk> quirks = EnumSet.noneOf(Quirk.class);
        for (int i = 1; i < parts.length; i++) {
            Optional<Quirk> quirk = DialectTerm.ofCode(Quirk.class, parts[i]);
            if (quirk.isEmpty()) {
                return Optional.empty();
            }
            quirks.add(quirk.get());
        }
        return Optional.of(new ZzhcDialect(fieldSet.get(), quirks));
    }

    /**
     * The dialect of a decoded report, as far as the report shows it: the field set and the quirks of its values. How
     * it was framed on the wire (a trailing NUL) is only known to {@link ZzhcReport#decode}, which classifies with it.
     *
     * @param transport how it arrived
     */
    public static ZzhcDialect of(ZzhcReport report, ZzhcTransport transport) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        report.jsonObject().properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
        return classify(fields, false, transport);
    }

    /** The classifier: the JSON object's fields as received, how it was framed, how it arrived. */
    static ZzhcDialect classify(Map<String, JsonNode> fields, boolean trailingNul, ZzhcTransport transport) {
        FieldSet fieldSet = FieldSet.of(text(fields.get(ZzhcReport.REGVER)), fields.containsKey(ZzhcReport.IMEI1));
        Set<Quirk> quirks = EnumSet.noneOf(Quirk.class);
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                quirks.add(Quirk.NUMBER_VALUES);
            } else if (!value.isTextual()) {
                quirks.add(Quirk.OTHER_VALUE_TYPES);
            }
            if (!fieldSet.knows(field.getKey())) {
                quirks.add(Quirk.UNKNOWN_KEYS);
            }
        }
        if (fieldSet != FieldSet.V1_MODELSMS && fields.containsKey(ZzhcReport.ModelKey.MODELSMS.name())
                && !fields.containsKey(ZzhcReport.ModelKey.MODEL.name())) {
            quirks.add(Quirk.MODELSMS);
        }
        String cellId = text(fields.get(ZzhcReport.SIM1CELLID));
        if (cellId != null && HEX.matcher(cellId).matches()
                && (cellId.length() == HEX_CELL_ID_LENGTH || HEX_LETTER.matcher(cellId).matches())) {
            quirks.add(Quirk.CELL_ID_HEX);
        }
        String regDate = text(fields.get(ZzhcReport.REGDATE));
        if (regDate != null) {
            if (REGDATE_BROKEN_YEAR.matcher(regDate).matches()) {
                quirks.add(Quirk.REGDATE_BROKEN_YEAR);
            }
            if (regDate.contains(",")) {
                quirks.add(Quirk.REGDATE_COMMA);
            }
            if (!REGDATE.matcher(regDate).matches() && !REGDATE_COMMA.matcher(regDate).matches()
                    && !REGDATE_BROKEN_YEAR.matcher(regDate).matches()) {
                quirks.add(Quirk.REGDATE_OTHER);
            }
        }
        if (trailingNul) {
            quirks.add(Quirk.TRAILING_NUL);
        }
        if (transport == ZzhcTransport.HTTP && fieldSet.nbIot()) {
            quirks.add(Quirk.HTTP_FROM_NB_IOT);
        }
        return new ZzhcDialect(fieldSet, quirks);
    }

    /** A string value, or a number's text; {@code null} for anything else. */
    private static String text(JsonNode value) {
        return value != null && (value.isTextual() || value.isNumber()) ? value.asText() : null;
    }

    @Override
    public String toString() {
        return code();
    }

    /** Which client family's fields a report carries, decided by {@code REGVER} (and {@code IMEI1} for 5.0). */
    public enum FieldSet implements DialectTerm {
        /** REGVER 2, the six fields of the spec table: NB-IoT firmware, the BC260Y-CN. */
        V2("v2", "REGVER 2, NB-IoT fields", true),
        /** REGVER 5.0 with only the six v2 fields, {@code MEID} = IMEI: an NB-IoT HTTP build. */
        V5_NB_IOT("v5-nb", "REGVER 5.0, NB-IoT fields", true),
        /** REGVER 5.0 with {@code IMEI1}, {@code SIM1CDMAIMSI}, {@code SIM1CELLID}, {@code REGDATE}: Cat.1 firmware. */
        V5_CAT1("v5-cat1", "REGVER 5.0, Cat.1 fields", false),
        /** REGVER 7.0 or 8.0: end devices, with {@code UETYPE}, {@code MACID}, {@code OSVER}, second-SIM fields. */
        END_DEVICE("end-device", "REGVER 7.0/8.0, end-device fields", false),
        /** REGVER 1 with {@code MODELSMS}: a client that posts China Telecom's report to China Unicom's address. */
        V1_MODELSMS("v1-modelsms", "REGVER 1, MODELSMS", true),
        /** Any other {@code REGVER}, or none. */
        OTHER("other", "other REGVER", false);

        private final String code;
        private final String label;
        private final boolean nbIot;

        FieldSet(String code, String label, boolean nbIot) {
            this.code = code;
            this.label = label;
            this.nbIot = nbIot;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }

        /** Whether NB-IoT firmware writes it, so that it is expected over CoAP. */
        public boolean nbIot() {
            return nbIot;
        }

        /** Whether {@code key} belongs to this field set. */
        boolean knows(String key) {
            return REPORT_KEYS.contains(key) || this == END_DEVICE
                    && (END_DEVICE_KEYS.contains(key) || key.startsWith(SECOND_SIM_PREFIX));
        }

        /**
         * The field set of a report.
         *
         * @param regver the {@code REGVER} text, {@code null} when absent or not text
         * @param imei1  whether the report has {@code IMEI1}
         */
        static FieldSet of(String regver, boolean imei1) {
            if (regver == null) {
                return OTHER;
            }
            return switch (regver) {
                case "1" -> V1_MODELSMS;
                case "2" -> imei1 ? OTHER : V2;
                case "5", "5.0" -> imei1 ? V5_CAT1 : V5_NB_IOT;
                case "7", "7.0", "8", "8.0" -> END_DEVICE;
                default -> OTHER;
            };
        }

    }

    /** A peculiarity of one client's writing, each from the spec's dialect table. */
    public enum Quirk implements DialectTerm {
        /** Some values are JSON numbers, e.g. {@code "UETYPE":23}. */
        NUMBER_VALUES("numbers", "values as JSON numbers"),
        /** Some values are neither strings nor numbers (true, null, an array, an object). */
        OTHER_VALUE_TYPES("other-types", "values neither strings nor numbers"),
        /** Keys outside the field set. */
        UNKNOWN_KEYS("unknown-keys", "unknown keys"),
        /** The model under the older key {@code MODELSMS}. */
        MODELSMS("modelsms", "MODELSMS key"),
        /** {@code SIM1CELLID} as 4 hex digits, or hex with letters. */
        CELL_ID_HEX("cellid-hex", "SIM1CELLID as hex"),
        /** {@code REGDATE} with a comma between date and time. */
        REGDATE_COMMA("regdate-comma", "REGDATE with a comma"),
        /** {@code REGDATE} with a six-digit year such as {@code 202026}, from a two-format date helper. */
        REGDATE_BROKEN_YEAR("regdate-year", "REGDATE with a broken year"),
        /** {@code REGDATE} in none of the forms above. */
        REGDATE_OTHER("regdate-other", "REGDATE in another format"),
        /** The Base64 text, or what it decodes to, ends in a NUL byte (a C string's terminator sent along). */
        TRAILING_NUL("nul", "trailing NUL byte"),
        /** An NB-IoT field set over HTTP (Nordic, XinYi). */
        HTTP_FROM_NB_IOT("http-nb", "HTTP from NB-IoT firmware");

        private final String code;
        private final String label;

        Quirk(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }

    }
}
