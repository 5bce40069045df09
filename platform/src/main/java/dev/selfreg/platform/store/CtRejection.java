package dev.selfreg.platform.store;

import dev.selfreg.protocol.zzhc.ZzhcDialect;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A China Telecom report the platform rejected, with the reply it sent and why.
 *
 * @param resultCode the lab reply's code ({@code 1} malformed, {@code 2} invalid field,
 *                   {@code 3} not a China Telecom IMSI)
 * @param reason     the reply's {@code resultDesc}
 * @param detail     a precise explanation for the engineer
 * @param body       the start of the request body as received, printable (for diagnosis)
 * @param dialect    the dialect of the report, when the body got as far as a JSON object (and was stored after
 *                   dialects were recorded)
 */
public record CtRejection(long id, Instant receivedAt, String transport, String peer, String resultCode,
                          String reason, String detail, String body, Optional<ZzhcDialect> dialect) {

    /** Requires a dialect, present or not. */
    public CtRejection {
        Objects.requireNonNull(dialect, "dialect");
    }

    /** A rejection without a dialect. */
    public CtRejection(long id, Instant receivedAt, String transport, String peer, String resultCode, String reason,
                       String detail, String body) {
        this(id, receivedAt, transport, peer, resultCode, reason, detail, body, Optional.empty());
    }

    public CtRejection withId(long newId) {
        return new CtRejection(newId, receivedAt, transport, peer, resultCode, reason, detail, body, dialect);
    }
}
