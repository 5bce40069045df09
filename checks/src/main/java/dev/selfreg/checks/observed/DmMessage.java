package dev.selfreg.checks.observed;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/** One China Mobile CMDMP exchange as observed: a Register, an Update, an object 666 read, or a registration's end. */
public sealed interface DmMessage {

    /** How records name it, e.g. {@code dm-event 40}. */
    String ref();

    /** When it was observed. */
    Instant time();

    /** The endpoint name of the registration it belongs to. */
    String endpoint();

    /** One line for a person. */
    String summary();

    /**
     * A Register.
     *
     * @param appKey the endpoint's APPkey; {@code null} when the name has no DM 2.0 shape
     * @param appKeyKnown whether the observer knows the application's password
     * @param identity what became of the encrypted identity
     * @param imsi the decrypted IMSI; {@code null} when not decrypted
     * @param lifetime the {@code lt} asked for, when known
     * @param accepted whether the platform answered 2.01 Created
     * @param detail the platform's reason, empty when there was nothing to say
     */
    record Register(String ref, Instant time, String endpoint, String appKey, boolean appKeyKnown,
                    IdentityCheck identity, String imsi, OptionalLong lifetime, boolean accepted, String detail)
            implements DmMessage {
        /** Requires the reference, time, endpoint, identity check, lifetime and detail. */
        public Register {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(lifetime, "lifetime");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String summary() {
            return "Register" + (lifetime.isPresent() ? " lt " + lifetime.getAsLong() + " s" : "")
                    + (appKey == null ? "" : ", APPkey " + appKey) + ", identity " + identity.label()
                    + (accepted ? ", accepted" : ", refused") + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /**
     * An Update.
     *
     * @param epi what became of its {@code epi}
     * @param accepted whether the platform answered 2.04 Changed
     * @param detail the platform's reason, empty when there was nothing to say
     */
    record Update(String ref, Instant time, String endpoint, IdentityCheck epi, boolean accepted, String detail)
            implements DmMessage {
        /** Requires every component. */
        public Update {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(epi, "epi");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String summary() {
            return "Update, epi " + epi.label() + (accepted ? ", accepted" : ", refused")
                    + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /**
     * The platform's read of object 666 after a Register or an Update.
     *
     * @param outcome how it went
     * @param values the decrypted values by resource id; {@code null} when not known (not decrypted, or the
     *     observer kept only a later read's values)
     * @param detail why it failed, empty when it did not
     */
    record Read(String ref, Instant time, String endpoint, ReadOutcome outcome, Map<Integer, String> values,
                String detail) implements DmMessage {
        /** Requires all but the values; freezes them. */
        public Read {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
            values = values == null ? null : Map.copyOf(values);
        }

        @Override
        public String summary() {
            return "read of object 666: " + outcome.label() + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /** A Deregister the platform accepted. */
    record Deregister(String ref, Instant time, String endpoint) implements DmMessage {
        /** Requires every component. */
        public Deregister {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public String summary() {
            return "Deregister";
        }
    }

    /** The platform found the registration's lifetime over without an Update. */
    record Expiry(String ref, Instant time, String endpoint) implements DmMessage {
        /** Requires every component. */
        public Expiry {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public String summary() {
            return "lifetime expired without an Update";
        }
    }

    /** How a read of object 666 went. */
    enum ReadOutcome {
        /** Answered, and every value decrypted. */
        DECRYPTED("answered and decrypted"),
        /** Answered, but the observer does not know the application's password. */
        NOT_DECRYPTED("answered, not decrypted (unknown APPkey)"),
        /** Not answered, answered with an error, or the values do not decrypt. */
        FAILED("failed");

        private final String label;

        ReadOutcome(String label) {
            this.label = label;
        }

        /** A few words for a person. */
        public String label() {
            return label;
        }
    }
}
