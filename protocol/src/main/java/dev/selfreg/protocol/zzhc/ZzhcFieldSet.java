package dev.selfreg.protocol.zzhc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sets of fields a ZZHC report carries, by {@code REGVER} (ct-zzhc-wire.md, "Request body" and "Dialects real
 * clients send"): which layout a report's keys follow, or why they follow none. A report may carry its model under
 * {@code MODEL} or, from older firmware, {@code MODELSMS}; every set takes either.
 */
public enum ZzhcFieldSet {
    /** REGVER {@code "2"}: the six NB-IoT fields, the BC260Y-CN's report. */
    V2("REGVER 2, NB-IoT fields", Fields.V2, Set.of()),
    /** REGVER {@code "5.0"} with only the six v2 fields, {@code MEID} the IMEI (Unisoc/Fibocom NB-IoT HTTP build). */
    V5_NB_IOT("REGVER 5.0, NB-IoT fields", Fields.V2, Set.of()),
    /** REGVER {@code "5.0"} Cat.1: {@code MEID} empty, {@code IMEI1}, {@code SIM1CDMAIMSI}, cell and date. */
    V5_CAT1("REGVER 5.0, Cat.1 fields", Fields.V5_CAT1, Set.of()),
    /** REGVER {@code "7.0"} or {@code "8.0"}: an end device's report, the IMEI under {@code MEID} or {@code IMEI1}. */
    END_DEVICE("REGVER 7.0/8.0, end-device fields", Fields.END_DEVICE, Fields.END_DEVICE_MORE);

    private final String label;
    private final Set<String> required;
    private final Set<String> optional;

    ZzhcFieldSet(String label, Set<String> required, Set<String> optional) {
        this.label = label;
        this.required = required;
        this.optional = optional;
    }

    /** How a person names the layout, e.g. {@code REGVER 5.0, Cat.1 fields}. */
    public String label() {
        return label;
    }

    /**
     * Which layout the keys of a report follow, given its {@code REGVER}. A {@code "5.0"} report with {@code IMEI1} is
     * read as the Cat.1 layout, without it as the NB-IoT one.
     *
     * @param regver the report's {@code REGVER} text, {@code null} when absent or not a string
     * @param keys every key of the report's JSON object
     */
    public static Match classify(String regver, Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        if (regver == null) {
            return new Match.Unmatched(null, "no REGVER string, so no field set applies");
        }
        if (regver.equals("1")) {
            return new Match.Unmatched(null, "REGVER 1 (with MODELSMS) is China Unicom's report, not China Telecom's");
        }
        ZzhcFieldSet set = switch (regver) {
            case "2" -> V2;
            case "5.0" -> keys.contains(Fields.IMEI1) ? V5_CAT1 : V5_NB_IOT;
            case "7.0", "8.0" -> END_DEVICE;
            default -> null;
        };
        if (set == null) {
            return new Match.Unmatched(null, "REGVER \"" + regver + "\" is none of 2, 5.0, 7.0, 8.0");
        }
        Set<String> present = withModelAsMODEL(keys);
        List<String> missing = new ArrayList<>(new TreeSet<>(set.required));
        missing.removeAll(present);
        if (set == END_DEVICE && !present.contains(Fields.MEID) && !present.contains(Fields.IMEI1)) {
            missing.add(Fields.MEID + " or " + Fields.IMEI1);
        }
        List<String> unexpected = new ArrayList<>();
        for (String key : new TreeSet<>(present)) {
            if (!set.required.contains(key) && !set.optional.contains(key)
                    && !(set == END_DEVICE && key.startsWith(Fields.SIM2_PREFIX))) {
                unexpected.add(key);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return new Match.Matched(set);
        }
        return new Match.Unmatched(set, (missing.isEmpty() ? "" : "missing " + String.join(", ", missing))
                + (missing.isEmpty() || unexpected.isEmpty() ? "" : "; ")
                + (unexpected.isEmpty() ? "" : "not of " + set.label + ": " + String.join(", ", unexpected)));
    }

    /** The keys with {@code MODELSMS} counted as {@code MODEL} when {@code MODEL} itself is absent. */
    private static Set<String> withModelAsMODEL(Collection<String> keys) {
        Set<String> present = new TreeSet<>(keys);
        String model = ZzhcReport.ModelKey.MODEL.name();
        if (!present.contains(model) && present.remove(ZzhcReport.ModelKey.MODELSMS.name())) {
            present.add(model);
        }
        return present;
    }

    /** Whether a report's keys follow a field set of its {@code REGVER}. */
    public sealed interface Match {

        /**
         * The keys are exactly those of {@code set}.
         *
         * @param set the layout they follow
         */
        record Matched(ZzhcFieldSet set) implements Match {
            /** Requires the set. */
            public Matched {
                Objects.requireNonNull(set, "set");
            }
        }

        /**
         * The keys follow no layout of the report's {@code REGVER}.
         *
         * @param nearest the layout of that {@code REGVER} they were compared with; {@code null} when none applies
         * @param reason what is missing or extra, for a person
         */
        record Unmatched(ZzhcFieldSet nearest, String reason) implements Match {
            /** Requires a reason. */
            public Unmatched {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** The wire keys of each layout (ct-zzhc-wire.md). */
    private static final class Fields {
        static final String MEID = "MEID";
        static final String IMEI1 = "IMEI1";
        static final String SIM2_PREFIX = "SIM2";
        static final Set<String> V2 = Set.of("REGVER", MEID, "MODEL", "SWVER", "SIM1ICCID", "SIM1LTEIMSI");
        static final Set<String> V5_CAT1 = Set.of("REGVER", MEID, "MODEL", "SWVER", IMEI1, "SIM1CDMAIMSI", "SIM1ICCID",
                "SIM1LTEIMSI", "SIM1CELLID", "REGDATE");
        static final Set<String> END_DEVICE = Set.of("REGVER", "MODEL", "SWVER", "SIM1ICCID", "SIM1LTEIMSI");
        static final Set<String> END_DEVICE_MORE = Set.of(MEID, IMEI1, "IMEI2", "UETYPE", "MACID", "OSVER",
                "ACCESSTYPE", "SIM1CDMAIMSI", "SIM1CELLID", "REGDATE");

        private Fields() {
        }
    }
}
