package dev.selfreg.capture.exchange;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The {@code resultCode} of a ZZHC reply body as it went over the wire (ct-zzhc-wire.md, "Reply"). */
final class ReplyText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplyText() {
    }

    /** The {@code resultCode} text; empty when the body is no JSON object with one. */
    static Optional<String> resultCode(byte[] body) {
        try {
            JsonNode reply = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            JsonNode code = reply == null ? null : reply.get("resultCode");
            return code != null && code.isValueNode() && !code.isNull() ? Optional.of(code.asText()) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }
}
