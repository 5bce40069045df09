package dev.selfreg.platform.store;

import java.time.Instant;

/**
 * Something that happened between a CMDMP device and the platform.
 *
 * @param kind    {@code register}, {@code update}, {@code deregister}, {@code expired},
 *                {@code read} (object 666) or {@code rejected}
 * @param outcome {@code ok}, {@code flagged} (accepted with a warning) or {@code failed}
 * @param reason  why it failed or was flagged; empty when it went well
 */
public record DmEvent(long id, Instant time, String endpoint, String imei, String kind, String outcome, String reason) {

    public DmEvent withId(long newId) {
        return new DmEvent(newId, time, endpoint, imei, kind, outcome, reason);
    }
}
