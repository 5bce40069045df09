package dev.selfreg.platform.store;

import java.time.Instant;

/**
 * A China Telecom report the platform rejected, with the reply it sent and why.
 *
 * @param resultCode the lab reply's code ({@code 1} malformed, {@code 2} invalid field,
 *                   {@code 3} not a China Telecom IMSI)
 * @param reason     the reply's {@code resultDesc}
 * @param detail     a precise explanation for the engineer
 * @param body       the start of the request body as received, printable (for diagnosis)
 */
public record CtRejection(long id, Instant receivedAt, String transport, String peer, String resultCode,
                          String reason, String detail, String body) {

    public CtRejection withId(long newId) {
        return new CtRejection(newId, receivedAt, transport, peer, resultCode, reason, detail, body);
    }
}
