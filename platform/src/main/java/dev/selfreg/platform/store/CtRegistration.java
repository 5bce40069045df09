package dev.selfreg.platform.store;

import java.time.Instant;

/**
 * A China Telecom self-registration report the platform accepted and stored.
 *
 * @param id         assigned by the store; 0 before it is stored
 * @param transport  {@code coap} or {@code http}
 * @param peer       the sender's address, {@code host:port}
 * @param reportJson the decoded report as the module sent it (its JSON object)
 */
public record CtRegistration(long id, Instant receivedAt, String transport, String peer, String imei, String imsi,
                             String iccid, String model, String swver, String regver, String reportJson) {

    /** The same registration with the id the store gave it. */
    public CtRegistration withId(long newId) {
        return new CtRegistration(newId, receivedAt, transport, peer, imei, imsi, iccid, model, swver, regver, reportJson);
    }
}
