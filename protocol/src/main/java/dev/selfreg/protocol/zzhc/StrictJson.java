package dev.selfreg.protocol.zzhc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads and writes the ZZHC JSON: UTF-8 only, exactly one value, no duplicate keys; writes compact. */
final class StrictJson {
    /** Thread-safe once configured; shared by every report and reply. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            // Two values for one key would make the report ambiguous: which one did the module mean?
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A number keeps the digits it was sent with (1.50 stays 1.50), so its text is what the client wrote.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private StrictJson() {
    }

    /**
     * Parses exactly one JSON value from UTF-8 bytes.
     *
     * @throws NotJsonException when the bytes are not valid UTF-8, empty, not JSON, hold more than one value or
     *     repeat a key
     */
    static JsonNode read(byte[] utf8) throws NotJsonException {
        String text;
        try {
            // Decoded here rather than by Jackson, which would also guess UTF-16 and UTF-32.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new NotJsonException("not valid UTF-8");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException notJson) {
            throw new NotJsonException("not JSON: " + notJson.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new NotJsonException("empty");
        }
        return node;
    }

    /**
     * Whether every key and string in {@code node} has a UTF-8 form: JSON's {@code \\u} escapes can spell a lone
     * surrogate, which no UTF-8 text can hold.
     */
    static boolean hasUtf8Form(JsonNode node) {
        if (node.isTextual()) {
            return hasUtf8Form(node.textValue());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!hasUtf8Form(field.getKey()) || !hasUtf8Form(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!hasUtf8Form(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every surrogate in a pair, so the text has a UTF-8 form (checked by hand: an encoder per field is costly). */
    static boolean hasUtf8Form(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Writes a node as compact UTF-8 JSON. */
    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JacksonException impossible) {
            // A tree with UTF-8 text always serialises; reaching this is a bug, not bad input.
            throw new IllegalStateException("cannot write JSON", impossible);
        }
    }

    /** Why some bytes are not one JSON value; the message is meant for a person reading the lab's records. */
    static final class NotJsonException extends Exception {
        NotJsonException(String reason) {
            super(reason);
        }
    }
}
