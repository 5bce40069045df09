package dev.selfreg.platform.dm;

import java.util.Objects;

/**
 * The lab platform's decision on one Register, Update or Deregister, made by {@link DmEndpointAuthorizer} and
 * carried out by {@link DmRegistrationReceiver}.
 */
sealed interface DmVerdict {

    /** The metrics outcome: {@code accepted}, {@code flagged} or {@code rejected}. */
    String outcome();

    /** The metrics reason: empty, or the finding's label. */
    String reason();

    /** Everything checks out. */
    record Accepted(DmIdentity identity) implements DmVerdict {
        public Accepted {
            Objects.requireNonNull(identity, "identity");
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
     */
    record Flagged(DmIdentity identity, DmFinding finding, String detail) implements DmVerdict {
        public Flagged {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(detail, "detail");
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
     */
    record Rejected(String endpoint, String imei, DmFinding finding, String detail) implements DmVerdict {
        public Rejected {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(detail, "detail");
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
