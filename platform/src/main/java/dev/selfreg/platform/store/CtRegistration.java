package dev.selfreg.platform.store;

import dev.selfreg.protocol.zzhc.ZzhcDialect;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A China Telecom self-registration report the platform accepted and stored.
 *
 * @param id         assigned by the store; 0 before it is stored
 * @param transport  {@code coap} or {@code http}
 * @param peer       the sender's address, {@code host:port}
 * @param reportJson the decoded report as the module sent it (its JSON object)
 * @param dialect    the dialect it was written in (ct-zzhc-wire.md); none for reports stored before dialects were
 *                   recorded
 */
public record CtRegistration(long id, Instant receivedAt, String transport, String peer, String imei, String imsi,
                             String iccid, String model, String swver, String regver, String reportJson,
                             Optional<ZzhcDialect> dialect) {

    /** Requires a dialect, present or not. */
    public CtRegistration {
        Objects.requireNonNull(dialect, "dialect");
    }

    /** A registration without a recorded dialect. */
    public CtRegistration(long id, Instant receivedAt, String transport, String peer, String imei, String imsi,
                          String iccid, String model, String swver, String regver, String reportJson) {
        this(id, receivedAt, transport, peer, imei, imsi, iccid, model, swver, regver, reportJson, Optional.empty());
    }

    /** The same registration with the id the store gave it. */
    public CtRegistration withId(long newId) {
        return new CtRegistration(newId, receivedAt, transport, peer, imei, imsi, iccid, model, swver, regver, reportJson,
                dialect);
    }
}
