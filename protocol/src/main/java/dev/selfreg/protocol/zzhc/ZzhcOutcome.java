package dev.selfreg.protocol.zzhc;

import java.util.Objects;

/**
 * What a module makes of the platform's reply body (ct-zzhc-wire.md, "Reply"): success only for a JSON object with
 * {@code resultCode} {@code "0"}; anything else is a failure with its cause.
 */
public sealed interface ZzhcOutcome {

    /** Whether the registration succeeded. */
    boolean succeeded();

    /** The platform stored the report. */
    record Success(ZzhcReply reply) implements ZzhcOutcome {
        /** Requires a successful reply. */
        public Success {
            if (!reply.isSuccess()) {
                throw new IllegalArgumentException("not a success: " + reply);
            }
        }

        @Override
        public boolean succeeded() {
            return true;
        }
    }

    /**
     * The registration failed.
     *
     * @param cause the kind of failure
     * @param detail what was received, for logs
     */
    record Failure(Cause cause, String detail) implements ZzhcOutcome {
        /** Requires every component. */
        public Failure {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean succeeded() {
            return false;
        }
    }

    /** Why a reply body is a failure. */
    enum Cause {
        /** Not valid UTF-8, not JSON, or more than one JSON value. */
        NOT_JSON,
        /** Valid JSON but not an object. */
        NOT_AN_OBJECT,
        /** No {@code resultCode}, or one that is not a string. */
        NO_RESULT_CODE,
        /** A {@code resultCode} other than {@code "0"}: the platform refused the report. */
        ERROR_CODE
    }
}
