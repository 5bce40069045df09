package dev.selfreg.protocol.cmdmp;

import java.util.EnumSet;
import java.util.Set;

/**
 * The plaintext inside the endpoint name ({@code <IMEI>-****-<IMSI>-v2.0}) and the {@code epi}
 * ({@code <IMEI>-****-<IMSI>-****}), cmcc-dm-wire.md "Endpoint name" and "Update", and the dialects real clients
 * write it in: {@code V2.0} in upper case, a second IMEI in the IMEI2 slot, an Update's identity without its last
 * field.
 */
final class DmIdentityText {
    static final String ENDPOINT_SUFFIX = DmEndpointName.VERSION;
    static final String EPI_SUFFIX = "****";
    private static final String MASK = "****";
    private static final String SEPARATOR = "-";

    /** IMEI (15 digits) or IMEISV-like tmlIMEI up to 17 digits; the spec lets tmlIMEI replace the IMEI. */
    static final int IMEI_MIN_DIGITS = 15;
    static final int IMEI_MAX_DIGITS = 17;
    /** IMSI: 15 digits, as every Chinese SIM has (3GPP TS 23.003 allows at most 15). */
    static final int IMSI_DIGITS = 15;

    private DmIdentityText() {
    }

    /** Which text it is: the endpoint name's or the Update's. */
    enum Kind {
        ENDPOINT(ENDPOINT_SUFFIX),
        EPI(EPI_SUFFIX);

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    static String format(String imei, String imsi, Kind kind) {
        return imei + SEPARATOR + MASK + SEPARATOR + imsi + SEPARATOR + kind.suffix;
    }

    /** Checks decrypted text against the layout of {@code kind} and the IMEI it must name. */
    static DmIdentityCheck check(String plaintext, Kind kind, String expectedImei) {
        String[] parts = plaintext.split(SEPARATOR, -1);
        boolean threeFields = kind == Kind.EPI && parts.length == 3;
        if (parts.length != 4 && !threeFields) {
            return layout(kind);
        }
        String imei = parts[0];
        String imei2Slot = parts[1];
        String imsi = parts[2];
        Set<DmDialect.Feature> dialect = EnumSet.noneOf(DmDialect.Feature.class);
        if (threeFields) {
            dialect.add(DmDialect.Feature.EPI_THREE_FIELDS);
        } else if (!parts[3].equals(kind.suffix)) {
            if (kind != Kind.ENDPOINT || !parts[3].equals(DmEndpointName.VERSION_UPPER_CASE)) {
                return layout(kind);
            }
            dialect.add(DmDialect.Feature.VERSION_UPPER_CASE);
        }
        if (!imei2Slot.equals(MASK)) {
            if (!isImei(imei2Slot)) {
                return layout(kind);
            }
            dialect.add(DmDialect.Feature.SECOND_IMEI);
        }
        if (!isImei(imei) || !digits(imsi, IMSI_DIGITS, IMSI_DIGITS)) {
            return layout(kind);
        }
        if (!imei.equals(expectedImei)) {
            return new DmIdentityCheck.Mismatch(DmIdentityCheck.Reason.IMEI_MISMATCH,
                    "encrypted IMEI " + imei + " is not " + expectedImei);
        }
        return new DmIdentityCheck.Verified(imei, imsi, new DmDialect(dialect));
    }

    private static DmIdentityCheck layout(Kind kind) {
        return new DmIdentityCheck.Mismatch(DmIdentityCheck.Reason.LAYOUT,
                "decrypted text does not read <IMEI>-****-<IMSI>-" + kind.suffix);
    }

    /** Decrypts {@code ciphertext}, then {@link #check}s it. */
    static DmIdentityCheck verify(String ciphertext, DmCipher cipher, Kind kind, String expectedImei) {
        try {
            return check(cipher.decrypt(ciphertext), kind, expectedImei);
        } catch (DmDecryptException e) {
            return new DmIdentityCheck.Mismatch(DmIdentityCheck.Reason.UNDECRYPTABLE,
                    e.reason() + ": " + e.getMessage());
        }
    }

    static boolean isImei(String text) {
        return digits(text, IMEI_MIN_DIGITS, IMEI_MAX_DIGITS);
    }

    private static boolean digits(String text, int min, int max) {
        return text.length() >= min && text.length() <= max && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
