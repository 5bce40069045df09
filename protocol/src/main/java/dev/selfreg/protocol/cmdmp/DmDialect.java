package dev.selfreg.protocol.cmdmp;

import dev.selfreg.protocol.DialectTerm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dialect a DM 2.0 Register or Update was written in (cmcc-dm-wire.md, "Endpoint name" and "Update"): the ways in
 * which real clients depart from the spec's reference form. The platform records it with every registration and
 * event; the certification checks judge from it.
 *
 * <p>A dialect is a set of {@link Feature}s; none is the reference form ({@link #REFERENCE}). It has a stable text
 * form, {@link #code()} (what the platform stores, e.g. {@code v2.0-upper+epi-full}), read back by {@link #parse},
 * and a {@link #label()} for people.
 *
 * @param features the departures seen, in their declaration order; unmodifiable
 */
public record DmDialect(Set<Feature> features) {

    /** The spec's reference form: {@code v2.0}, {@code ****} for IMEI2, the password's own key. */
    public static final DmDialect REFERENCE = new DmDialect(Set.of());

    private static final String SEPARATOR = "+";
    private static final String REFERENCE_CODE = "reference";
    private static final String REFERENCE_LABEL = "DM 2.0 reference form";

    /** Freezes the features, in declaration order. */
    public DmDialect {
        EnumSet<Feature> ordered = EnumSet.noneOf(Feature.class);
        ordered.addAll(features);
        features = Collections.unmodifiableSet(ordered);
    }

    /** The dialect with exactly these features. */
    public static DmDialect of(Feature... features) {
        return new DmDialect(Set.of(features));
    }

    /** Whether the message showed {@code feature}. */
    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    /** This dialect and {@code feature}. */
    public DmDialect with(Feature feature) {
        EnumSet<Feature> more = EnumSet.of(feature);
        more.addAll(features);
        return new DmDialect(more);
    }

    /** This dialect's features and {@code other}'s. */
    public DmDialect and(DmDialect other) {
        EnumSet<Feature> both = EnumSet.noneOf(Feature.class);
        both.addAll(features);
        both.addAll(other.features);
        return new DmDialect(both);
    }

    /** The stable text form: each feature's code joined by {@code +}, {@code reference} for none. */
    public String code() {
        if (features.isEmpty()) {
            return REFERENCE_CODE;
        }
        List<String> codes = new ArrayList<>();
        features.forEach(feature -> codes.add(feature.code()));
        return String.join(SEPARATOR, codes);
    }

    /** For people: each feature's label joined by {@code ; }, "DM 2.0 reference form" for none. */
    public String label() {
        if (features.isEmpty()) {
            return REFERENCE_LABEL;
        }
        List<String> labels = new ArrayList<>();
        features.forEach(feature -> labels.add(feature.label()));
        return String.join("; ", labels);
    }

    /**
     * Reads a {@link #code()} back.
     *
     * @return empty when the text is not the code of a dialect
     */
    public static Optional<DmDialect> parse(String code) {
        if (code.equals(REFERENCE_CODE)) {
            return Optional.of(REFERENCE);
        }
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        for (String part : code.split(Pattern.quote(SEPARATOR), -1)) {
            Optional<Feature> feature = DialectTerm.ofCode(Feature.class, part);
            if (feature.isEmpty()) {
                return Optional.empty();
            }
            features.add(feature.get());
        }
        return Optional.of(new DmDialect(features));
    }

    @Override
    public String toString() {
        return code();
    }

    /** One departure from the reference form, each from the spec's dialect list. */
    public enum Feature implements DialectTerm {
        /** The version written {@code V2.0} (a OneNET CIS copy), in the endpoint name or inside the encryption. */
        VERSION_UPPER_CASE("v2.0-upper", "V2.0 upper case"),
        /** Encrypted with the key of 32 × {@code 0}, which one client hashes for an empty password. */
        EMPTY_PASSWORD_KEY("empty-password-key", "empty-password key"),
        /** A second IMEI in the IMEI2 slot instead of {@code ****}. */
        SECOND_IMEI("imei2", "IMEI2 as a second IMEI"),
        /** An Update's {@code epi} as the encrypted identity alone. */
        EPI_SHORT("epi-short", "epi short form"),
        /** An Update's {@code epi} shaped like the endpoint name, as both vendor clients found send it. */
        EPI_FULL("epi-full", "epi full form"),
        /** An Update's identity without its last field, {@code <IMEI>-****-<IMSI>}: accepted and flagged. */
        EPI_THREE_FIELDS("epi-3-field", "3-field epi");

        private final String code;
        private final String label;

        Feature(String code, String label) {
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
