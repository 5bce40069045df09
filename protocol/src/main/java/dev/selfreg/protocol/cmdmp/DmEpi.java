package dev.selfreg.protocol.cmdmp;

import java.util.Objects;

/**
 * The {@code epi} query option of a DM 2.0 Update (cmcc-dm-wire.md, "Update"):
 * {@code Base64(AES(<IMEI>-****-<IMSI>-****))}. A plain LwM2M server ignores it; the lab platform checks it against
 * the registration's IMEI.
 *
 * @param value the encrypted identity, as sent after {@code epi=}
 */
public record DmEpi(String value) {

    /** The query option's key. */
    public static final String QUERY_KEY = "epi";

    /** Requires a value. */
    public DmEpi {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The {@code epi} a module sends with each Update.
     *
     * @param imei the same IMEI as in the endpoint name
     * @param imsi the SIM's IMSI
     * @param cipher the application's password
     */
    public static DmEpi build(String imei, String imsi, DmCipher cipher) {
        return new DmEpi(cipher.encrypt(DmIdentityText.format(imei, imsi, DmIdentityText.EPI_SUFFIX)));
    }

    /** The whole query option, {@code epi=<value>}. */
    public UriQueryOption queryOption() {
        return new UriQueryOption(QUERY_KEY, value);
    }

    /**
     * Decrypts the value and checks that it reads {@code <IMEI>-****-<IMSI>-****} with the expected IMEI.
     *
     * @param cipher the application's password
     * @param expectedImei the IMEI of the registration's endpoint name
     */
    public DmIdentityCheck verify(DmCipher cipher, String expectedImei) {
        return DmIdentityText.verify(value, cipher, DmIdentityText.EPI_SUFFIX, expectedImei);
    }
}
