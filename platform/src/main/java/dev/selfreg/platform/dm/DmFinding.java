package dev.selfreg.platform.dm;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.leshan.core.ResponseCode;

/**
 * What the lab platform's checks found wrong with a Register or Update (cmcc-dm-wire.md, "Lab platform checks"),
 * with the response code that rejects it. The label is a metrics reason, so the set is fixed and small.
 */
enum DmFinding {
    /** The endpoint name has no {@code @#@}: a plain LwM2M client. Flagged in lab mode, rejected when strict. */
    NOT_DM_ENDPOINT("not a DM 2.0 endpoint", ResponseCode.FORBIDDEN),
    /** The APPkey is not in the application table. Flagged in lab mode, rejected when strict. */
    UNKNOWN_APP_KEY("unknown APPkey", ResponseCode.FORBIDDEN),
    /** The endpoint name claims DM 2.0 ({@code @#@}) but does not have its shape. */
    MALFORMED_ENDPOINT("malformed endpoint", ResponseCode.BAD_REQUEST),
    /** The encrypted identity does not decrypt to {@code <IMEI>-****-<IMSI>-v2.0} with the endpoint's IMEI. */
    ENDPOINT_MISMATCH("endpoint identity mismatch", ResponseCode.FORBIDDEN),
    /** A DM 2.0 Update without {@code epi}. */
    MISSING_EPI("missing epi", ResponseCode.BAD_REQUEST),
    /** The {@code epi} is given twice or is not Base64 of whole AES blocks. */
    MALFORMED_EPI("malformed epi", ResponseCode.BAD_REQUEST),
    /** The {@code epi} does not decrypt to {@code <IMEI>-****-<IMSI>-****} with the registration's IMEI. */
    EPI_MISMATCH("epi mismatch", ResponseCode.FORBIDDEN),
    /**
     * The {@code epi} identity lacks its last field, {@code <IMEI>-****-<IMSI>} (cmcc-dm-wire.md, "Update"): accepted
     * and flagged, never rejected (the code is the one a refusal would take).
     */
    THREE_FIELD_EPI("3-field epi", ResponseCode.BAD_REQUEST),
    /** The {@code lt} of a Register or Update is no lifetime ({@link DmQueryCheck}). */
    INVALID_LIFETIME("invalid lifetime", ResponseCode.BAD_REQUEST),
    /** The {@code b} of a Register or Update has a letter that is no binding ({@link DmQueryCheck}). */
    INVALID_BINDING("invalid binding", ResponseCode.BAD_REQUEST);

    /** How {@link DmRecorder#rejected} opens a reason: {@code register answered 4.03: }. */
    private static final Pattern ANSWERED = Pattern.compile("^\\w+ answered \\d\\.\\d\\d: ");

    private final String label;
    private final ResponseCode code;

    DmFinding(String label, ResponseCode code) {
        this.label = label;
        this.code = code;
    }

    /** A few words for records and the metrics reason label. */
    String label() {
        return label;
    }

    /**
     * The finding a recorded reason names: a flagged message's reason starts with the label, a rejected one's with
     * {@code <message> answered <code>: } and the label ({@link DmRecorder}).
     */
    static Optional<DmFinding> namedIn(String reason) {
        String named = ANSWERED.matcher(reason).replaceFirst("");
        return Arrays.stream(values()).filter(finding -> named.startsWith(finding.label + ":")).findFirst();
    }

    /** The answer when the finding rejects the message. */
    ResponseCode code() {
        return code;
    }

    /** {@link #code()} as CoAP writes it, {@code 4.03}. */
    String answer() {
        return code.getCode() / 100 + "." + String.format("%02d", code.getCode() % 100);
    }
}
