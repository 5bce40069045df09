package dev.selfreg.protocol.zzhc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The platform's answer to a report (ct-zzhc-wire.md, "Reply"): plain JSON, not Base64, e.g.
 * {@code {"resultCode":"0","resultDesc":"Success"}}.
 *
 * @param resultCode {@code "0"} is the only success
 * @param resultDesc a human-readable description; {@code null} when the platform sent none
 */
public record ZzhcReply(String resultCode, String resultDesc) {

    private static final String RESULT_CODE = "resultCode";
    private static final String RESULT_DESC = "resultDesc";
    private static final String SUCCESS_CODE = "0";

    /** The reply to a stored report. */
    public static final ZzhcReply SUCCESS = new ZzhcReply(SUCCESS_CODE, "Success");

    /** Requires a result code. */
    public ZzhcReply {
        Objects.requireNonNull(resultCode, "resultCode");
    }

    /** Whether this reply means the registration succeeded. */
    public boolean isSuccess() {
        return SUCCESS_CODE.equals(resultCode);
    }

    /** Compact UTF-8 JSON, {@code resultCode} first, {@code resultDesc} omitted when {@code null}. */
    public byte[] encode() {
        ObjectNode node = StrictJson.MAPPER.createObjectNode();
        node.put(RESULT_CODE, resultCode);
        if (resultDesc != null) {
            node.put(RESULT_DESC, resultDesc);
        }
        return StrictJson.write(node);
    }

    /**
     * Reads a reply body on the module side. Success needs a JSON object whose {@code resultCode} is the string
     * {@code "0"}; {@code resultDesc} and any other member are not required and not judged, because modules only
     * look at the code. Never throws on bad input.
     *
     * @param body the CoAP 2.05 or HTTP 200 payload
     */
    public static ZzhcOutcome parse(byte[] body) {
        JsonNode node;
        try {
            node = StrictJson.read(body);
        } catch (StrictJson.NotJsonException e) {
            return new ZzhcOutcome.Failure(ZzhcOutcome.Cause.NOT_JSON, "reply is " + e.getMessage());
        }
        if (!node.isObject()) {
            return new ZzhcOutcome.Failure(ZzhcOutcome.Cause.NOT_AN_OBJECT, "reply is JSON but not an object");
        }
        JsonNode code = node.get(RESULT_CODE);
        if (code == null || !code.isTextual()) {
            return new ZzhcOutcome.Failure(ZzhcOutcome.Cause.NO_RESULT_CODE,
                    code == null ? "reply has no resultCode" : "resultCode is not a string: " + code);
        }
        JsonNode desc = node.get(RESULT_DESC);
        ZzhcReply reply = new ZzhcReply(code.textValue(), desc != null && desc.isTextual() ? desc.textValue() : null);
        if (!reply.isSuccess()) {
            return new ZzhcOutcome.Failure(ZzhcOutcome.Cause.ERROR_CODE,
                    "resultCode \"" + reply.resultCode() + "\"" + (reply.resultDesc() == null ? "" : ": "
                            + reply.resultDesc()));
        }
        return new ZzhcOutcome.Success(reply);
    }
}
