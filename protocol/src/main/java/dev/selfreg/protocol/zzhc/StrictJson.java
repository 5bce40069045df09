package dev.selfreg.protocol.zzhc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads and writes the ZZHC JSON: UTF-8 only, exactly one value, no duplicate keys; writes compact. */
final class StrictJson {
    /** Thread-safe once configured; shared by every report and reply. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            // Two values for one key would make the report ambiguous: which one did the module mean?
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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

    /** Writes a node as compact UTF-8 JSON. */
    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JacksonException impossible) {
            // A tree of strings always serialises; reaching this is a bug, not bad input.
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
