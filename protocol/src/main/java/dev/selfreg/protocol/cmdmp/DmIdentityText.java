package dev.selfreg.protocol.cmdmp;

/**
 * The plaintext inside the endpoint name ({@code <IMEI>-****-<IMSI>-v2.0}) and the {@code epi}
 * ({@code <IMEI>-****-<IMSI>-****}), cmcc-dm-wire.md "Endpoint name" and "Update".
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

    static String format(String imei, String imsi, String suffix) {
        return imei + SEPARATOR + MASK + SEPARATOR + imsi + SEPARATOR + suffix;
    }

    /** Checks decrypted text against the layout with {@code suffix} and the IMEI it must name. */
    static DmIdentityCheck check(String plaintext, String suffix, String expectedImei) {
        String[] parts = plaintext.split(SEPARATOR, -1);
        if (parts.length != 4
                || !parts[1].equals(MASK)
                || !parts[3].equals(suffix)
                || !isImei(parts[0])
                || !digits(parts[2], IMSI_DIGITS, IMSI_DIGITS)) {
            return new DmIdentityCheck.Mismatch(DmIdentityCheck.Reason.LAYOUT,
                    "decrypted text does not read <IMEI>-****-<IMSI>-" + suffix);
        }
        if (!parts[0].equals(expectedImei)) {
            return new DmIdentityCheck.Mismatch(DmIdentityCheck.Reason.IMEI_MISMATCH,
                    "encrypted IMEI " + parts[0] + " is not " + expectedImei);
        }
        return new DmIdentityCheck.Verified(parts[0], parts[2]);
    }

    /** Decrypts {@code ciphertext}, then {@link #check}s it. */
    static DmIdentityCheck verify(String ciphertext, DmCipher cipher, String suffix, String expectedImei) {
        try {
            return check(cipher.decrypt(ciphertext), suffix, expectedImei);
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
