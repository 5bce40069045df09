package dev.selfreg.protocol.cmdmp;

import dev.selfreg.protocol.WireBase64;
import dev.selfreg.vocabulary.TerminalType;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The DM 2.0 endpoint name (cmcc-dm-wire.md, "Endpoint name"):
 * {@code <T>@#@<Base64(AES(<IMEI>-****-<IMSI>-v2.0))>@#@<APPkey>@#@<IMEI>@#@v2.0}. The full form of an Update's
 * {@code epi} has the same shape ({@link DmEpi}).
 *
 * <p>Construction checks nothing beyond non-null components, so a lab test can send a wrong name on purpose;
 * {@link #parse} checks the shape and {@link #verify} the encrypted identity.
 *
 * @param type the terminal type, the first field
 * @param encryptedIdentity the second field, Base64 of the encrypted {@code <IMEI>-****-<IMSI>-v2.0}
 * @param appKey the application key (APPkey), the third field
 * @param imei the fourth field, the IMEI in clear
 * @param version the last field: {@code v2.0}, or {@code V2.0} as a OneNET CIS copy writes it
 */
public record DmEndpointName(TerminalType type, String encryptedIdentity, String appKey, String imei,
        String version) {

    /** Separates the fields; it cannot occur inside Base64, so splitting on it is unambiguous. */
    public static final String SEPARATOR = "@#@";
    /** The last field. */
    public static final String VERSION = "v2.0";
    /** The last field in the upper-case dialect. */
    public static final String VERSION_UPPER_CASE = "V2.0";
    private static final int FIELD_COUNT = 5;
    private static final Pattern SPLITTER = Pattern.compile(Pattern.quote(SEPARATOR));

    /** Requires every component. */
    public DmEndpointName {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(encryptedIdentity, "encryptedIdentity");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(imei, "imei");
        Objects.requireNonNull(version, "version");
    }

    /** A name with the version {@code v2.0}. */
    public DmEndpointName(TerminalType type, String encryptedIdentity, String appKey, String imei) {
        this(type, encryptedIdentity, appKey, imei, VERSION);
    }

    /**
     * The endpoint name a module registers with.
     *
     * @param type from {@code tmlType}
     * @param imei the configured tmlIMEI when set, otherwise the module IMEI
     * @param imsi the SIM's IMSI
     * @param appKey the application key
     * @param cipher the application's password
     */
    public static DmEndpointName build(TerminalType type, String imei, String imsi, String appKey,
            DmCipher cipher) {
        String identity = cipher.encrypt(DmIdentityText.format(imei, imsi, DmIdentityText.Kind.ENDPOINT));
        return new DmEndpointName(type, identity, appKey, imei);
    }

    /** The endpoint name as sent in the {@code ep} query option. */
    public String text() {
        return String.join(SEPARATOR, type.letter(), encryptedIdentity, appKey, imei, version);
    }

    /** How the clear fields are written: {@link DmDialect.Feature#VERSION_UPPER_CASE} for {@code V2.0}. */
    public DmDialect dialect() {
        return version.equals(VERSION_UPPER_CASE) ? DmDialect.of(DmDialect.Feature.VERSION_UPPER_CASE)
                : DmDialect.REFERENCE;
    }

    /**
     * Parses an endpoint name and checks its shape, never throwing on bad input. A malformed name is answered
     * 4.00 Bad Request.
     *
     * <p>The name is split on every literal {@code @#@}; the fields are then checked in order, the first failure
     * deciding the {@link Flaw}: five fields; {@code T} one of {@code I}/{@code L}/{@code A}; the identity canonical
     * standard padded Base64 of whole AES blocks; a non-empty APPkey; the IMEI 15 to 17 ASCII digits; the last field
     * exactly {@code v2.0} or {@code V2.0}.
     *
     * @param text the raw {@code ep} value, never URL-decoded
     */
    public static Parse parse(String text) {
        String[] fields = SPLITTER.split(text, -1);
        if (fields.length != FIELD_COUNT) {
            return new Malformed(Flaw.FIELD_COUNT,
                    fields.length + " fields separated by " + SEPARATOR + ", expected " + FIELD_COUNT);
        }
        Optional<TerminalType> type = TerminalType.ofLetter(fields[0]);
        if (type.isEmpty()) {
            return new Malformed(Flaw.TERMINAL_TYPE, "terminal type \"" + fields[0] + "\" is not I, L or A");
        }
        if (!isWholeBlocks(fields[1])) {
            return new Malformed(Flaw.ENCRYPTED_IDENTITY,
                    "second field is not standard padded Base64 of whole AES blocks");
        }
        if (fields[2].isEmpty()) {
            return new Malformed(Flaw.APP_KEY, "APPkey is empty");
        }
        if (!DmIdentityText.isImei(fields[3])) {
            return new Malformed(Flaw.IMEI, "IMEI \"" + fields[3] + "\" is not 15 to 17 digits");
        }
        if (!fields[4].equals(VERSION) && !fields[4].equals(VERSION_UPPER_CASE)) {
            return new Malformed(Flaw.VERSION, "last field \"" + fields[4] + "\" is not " + VERSION);
        }
        return new Parsed(new DmEndpointName(type.get(), fields[1], fields[2], fields[3], fields[4]));
    }

    /**
     * Decrypts the identity with the application's password and checks that it reads
     * {@code <IMEI>-****-<IMSI>-v2.0} with this name's IMEI. A mismatch is answered 4.03 Forbidden. The dialects of
     * the spec are accepted and named in the {@link DmIdentityCheck.Verified#dialect()}: {@code V2.0}, inside or in
     * the last field, and a second IMEI for {@code ****}.
     */
    public DmIdentityCheck verify(DmCipher cipher) {
        return verified(DmIdentityText.verify(encryptedIdentity, cipher, DmIdentityText.Kind.ENDPOINT, imei));
    }

    /** A check of this name's identity, showing the dialect of its clear fields too. */
    DmIdentityCheck verified(DmIdentityCheck check) {
        return check instanceof DmIdentityCheck.Verified verified ? verified.and(dialect()) : check;
    }

    private static boolean isWholeBlocks(String base64) {
        return WireBase64.decode(base64)
                .filter(bytes -> bytes.length > 0 && bytes.length % DmCipher.BLOCK_BYTES == 0)
                .isPresent();
    }

    /** The result of {@link #parse}. */
    public sealed interface Parse {
    }

    /** A well-formed endpoint name. */
    public record Parsed(DmEndpointName name) implements Parse {
        /** Requires a name. */
        public Parsed {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A malformed endpoint name.
     *
     * @param flaw the first field found wrong
     * @param detail what was found, for the platform's records
     */
    public record Malformed(Flaw flaw, String detail) implements Parse {
        /** Requires every component. */
        public Malformed {
            Objects.requireNonNull(flaw, "flaw");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** What makes an endpoint name malformed, in the order {@link #parse} checks. */
    public enum Flaw {
        /** Not exactly five {@code @#@}-separated fields. */
        FIELD_COUNT,
        /** The first field is not {@code I}, {@code L} or {@code A}. */
        TERMINAL_TYPE,
        /** The second field is not canonical Base64 of a non-empty whole number of AES blocks. */
        ENCRYPTED_IDENTITY,
        /** The third field (APPkey) is empty. */
        APP_KEY,
        /** The fourth field is not 15 to 17 ASCII digits. */
        IMEI,
        /** The last field is neither {@code v2.0} nor {@code V2.0}. */
        VERSION
    }
}
