package dev.selfreg.platform.store;

import dev.selfreg.protocol.cmdmp.DmDialect;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened between a CMDMP device and the platform.
 *
 * @param kind    {@code register}, {@code update}, {@code deregister}, {@code expired},
 *                {@code read} (object 666) or {@code rejected}
 * @param outcome {@code ok}, {@code flagged} (accepted with a warning) or {@code failed}
 * @param reason  why it failed or was flagged; empty when it went well
 * @param dialect the dialect of the Register or Update (accepted or rejected) as far as it could be read; none for
 *                the other kinds and for events stored before dialects were recorded
 */
public record DmEvent(long id, Instant time, String endpoint, String imei, String kind, String outcome, String reason,
                      Optional<DmDialect> dialect) {

    /** Requires a dialect, present or not. */
    public DmEvent {
        Objects.requireNonNull(dialect, "dialect");
    }

    /** An event without a dialect. */
    public DmEvent(long id, Instant time, String endpoint, String imei, String kind, String outcome, String reason) {
        this(id, time, endpoint, imei, kind, outcome, reason, Optional.empty());
    }

    public DmEvent withId(long newId) {
        return new DmEvent(newId, time, endpoint, imei, kind, outcome, reason, dialect);
    }
}
