package dev.selfreg.protocol.cmdmp;

import dev.selfreg.protocol.WireBase64;
import dev.selfreg.vocabulary.TerminalType;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code epi} query option of a DM 2.0 Update (cmcc-dm-wire.md, "Update"), in either of its two forms:
 * <ul>
 *   <li>short: {@code Base64(AES(<IMEI>-****-<IMSI>-****))};</li>
 *   <li>full: {@code <T>@#@Base64(AES(<IMEI>-****-<IMSI>-****))@#@<APPkey>@#@<IMEI>@#@v2.0}, the endpoint name's
 *       shape, which the vendor clients send and the emulated module sends too.</li>
 * </ul>
 * A plain LwM2M server ignores it; the lab platform checks it against the registration's IMEI.
 *
 * @param value the option's value, as sent after {@code epi=}
 */
public record DmEpi(String value) {

    /** The query option's key. */
    public static final String QUERY_KEY = "epi";

    /** Requires a value. */
    public DmEpi {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The short form.
     *
     * @param imei the same IMEI as in the endpoint name
     * @param imsi the SIM's IMSI
     * @param cipher the application's password
     */
    public static DmEpi shortForm(String imei, String imsi, DmCipher cipher) {
        return new DmEpi(identity(imei, imsi, cipher));
    }

    /**
     * The full form, shaped like the endpoint name of the same device.
     *
     * @param type from {@code tmlType}
     * @param imei the same IMEI as in the endpoint name
     * @param imsi the SIM's IMSI
     * @param appKey the application key
     * @param cipher the application's password
     */
    public static DmEpi fullForm(TerminalType type, String imei, String imsi, String appKey, DmCipher cipher) {
        return new DmEpi(new DmEndpointName(type, identity(imei, imsi, cipher), appKey, imei).text());
    }

    private static String identity(String imei, String imsi, DmCipher cipher) {
        return cipher.encrypt(DmIdentityText.format(imei, imsi, DmIdentityText.Kind.EPI));
    }

    /** The form: full when the value holds the endpoint name's separator. */
    public Form form() {
        return value.contains(DmEndpointName.SEPARATOR) ? Form.FULL : Form.SHORT;
    }

    /**
     * The fields of the full form, when it is one and is well-formed (the checks of {@link DmEndpointName#parse}).
     */
    public Optional<DmEndpointName> fields() {
        return form() == Form.FULL && DmEndpointName.parse(value) instanceof DmEndpointName.Parsed parsed
                ? Optional.of(parsed.name())
                : Optional.empty();
    }

    /**
     * What is wrong with the shape, before any decryption; empty when it is well-formed. The short form must be
     * standard padded Base64 of whole AES blocks, the full form must pass {@link DmEndpointName#parse}.
     */
    public Optional<String> flaw() {
        if (form() == Form.FULL) {
            return DmEndpointName.parse(value) instanceof DmEndpointName.Malformed malformed
                    ? Optional.of("full-form epi: " + malformed.detail())
                    : Optional.empty();
        }
        boolean wholeBlocks = WireBase64.decode(value)
                .filter(bytes -> bytes.length > 0 && bytes.length % DmCipher.BLOCK_BYTES == 0)
                .isPresent();
        return wholeBlocks ? Optional.empty() : Optional.of("epi is not standard padded Base64 of whole AES blocks");
    }

    /** The whole query option, {@code epi=<value>}. */
    public UriQueryOption queryOption() {
        return new UriQueryOption(QUERY_KEY, value);
    }

    /**
     * Decrypts the identity and checks that it reads {@code <IMEI>-****-<IMSI>-****} with the expected IMEI; the
     * full form's clear IMEI must be that IMEI too. The 3-field identity {@code <IMEI>-****-<IMSI>} is accepted and
     * named in the {@link DmIdentityCheck.Verified#dialect()}, with the form.
     *
     * @param cipher the application's password
     * @param expectedImei the IMEI of the registration's endpoint name
     */
    public DmIdentityCheck verify(DmCipher cipher, String expectedImei) {
        if (form() == Form.SHORT) {
            DmIdentityCheck check = DmIdentityText.verify(value, cipher, DmIdentityText.Kind.EPI, expectedImei);
            return check instanceof DmIdentityCheck.Verified verified
                    ? verified.and(DmDialect.of(DmDialect.Feature.EPI_SHORT))
                    : check;
        }
        Optional<DmEndpointName> fields = fields();
        if (fields.isEmpty()) {
            return new DmIdentityCheck.Mismatch(DmIdentityCheck.Reason.LAYOUT, flaw().orElse("malformed"));
        }
        DmEndpointName name = fields.get();
        if (!name.imei().equals(expectedImei)) {
            return new DmIdentityCheck.Mismatch(DmIdentityCheck.Reason.IMEI_MISMATCH,
                    "full-form epi names IMEI " + name.imei() + ", not " + expectedImei);
        }
        DmIdentityCheck check = name.verified(
                DmIdentityText.verify(name.encryptedIdentity(), cipher, DmIdentityText.Kind.EPI, expectedImei));
        return check instanceof DmIdentityCheck.Verified verified
                ? verified.and(DmDialect.of(DmDialect.Feature.EPI_FULL))
                : check;
    }

    /** The two forms of the spec. */
    public enum Form {
        /** The encrypted identity alone. */
        SHORT,
        /** Shaped like the endpoint name. */
        FULL
    }
}
