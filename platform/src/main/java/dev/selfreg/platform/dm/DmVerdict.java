package dev.selfreg.platform.dm;

import dev.selfreg.protocol.cmdmp.DmDialect;
import java.util.Objects;
import java.util.Optional;

/**
 * The lab platform's decision on one Register, Update or Deregister, made by {@link DmEndpointAuthorizer} and
 * carried out by {@link DmRegistrationReceiver}.
 */
sealed interface DmVerdict {

    /** The metrics outcome: {@code accepted}, {@code flagged} or {@code rejected}. */
    String outcome();

    /** The metrics reason: empty, or the finding's label. */
    String reason();

    /** The dialect of this message, as far as it could be read (none for a Deregister or a plain client). */
    Optional<DmDialect> dialect();

    /** Everything checks out. */
    record Accepted(DmIdentity identity, Optional<DmDialect> dialect) implements DmVerdict {
        public Accepted {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(dialect, "dialect");
        }

        /** Accepted, with no dialect to name. */
        Accepted(DmIdentity identity) {
            this(identity, Optional.empty());
        }

        @Override
        public String outcome() {
            return "accepted";
        }

        @Override
        public String reason() {
            return "";
        }
    }

    /**
     * Accepted with a warning, in lab mode.
     *
     * @param detail what exactly, for the records
     * @param dialect the dialect of the message
     */
    record Flagged(DmIdentity identity, DmFinding finding, String detail, Optional<DmDialect> dialect)
            implements DmVerdict {
        public Flagged {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(dialect, "dialect");
        }

        /** Flagged, with no dialect to name. */
        Flagged(DmIdentity identity, DmFinding finding, String detail) {
            this(identity, finding, detail, Optional.empty());
        }

        @Override
        public String outcome() {
            return "flagged";
        }

        @Override
        public String reason() {
            return finding.label();
        }
    }

    /**
     * Refused with the finding's response code.
     *
     * @param endpoint the endpoint name, as far as known and safe to show
     * @param imei the IMEI it claims, null when unknown
     * @param detail what exactly, for the records and the response's diagnostic payload
     * @param dialect the dialect of the message, as far as it could be read
     */
    record Rejected(String endpoint, String imei, DmFinding finding, String detail, Optional<DmDialect> dialect)
            implements DmVerdict {
        public Rejected {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(dialect, "dialect");
        }

        /** Rejected before any dialect could be read. */
        Rejected(String endpoint, String imei, DmFinding finding, String detail) {
            this(endpoint, imei, finding, detail, Optional.empty());
        }

        @Override
        public String outcome() {
            return "rejected";
        }

        @Override
        public String reason() {
            return finding.label();
        }

        /** The finding and the detail, as one line. */
        String explanation() {
            return finding.label() + ": " + detail;
        }
    }
}
