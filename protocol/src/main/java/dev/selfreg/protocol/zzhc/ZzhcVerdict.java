package dev.selfreg.protocol.zzhc;

import java.util.Objects;
import java.util.Optional;

/**
 * The lab platform's verdict on one ZZHC request body: the report it accepted, or why it rejected it
 * (ct-zzhc-wire.md, "Lab platform replies"). Either way {@link #reply()} is the answer to send.
 */
public sealed interface ZzhcVerdict {

    /** What to answer the module. */
    ZzhcReply reply();

    /**
     * The body held a valid China Telecom report.
     *
     * @param report  the report
     * @param dialect the dialect it was written in
     * @param json    the JSON text as received, after Base64 and without a trailing NUL: what the platform keeps
     */
    record Accepted(ZzhcReport report, ZzhcDialect dialect, String json) implements ZzhcVerdict {
        /** Requires every component. */
        public Accepted {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(json, "json");
        }

        @Override
        public ZzhcReply reply() {
            return ZzhcReply.SUCCESS;
        }
    }

    /**
     * The body was refused.
     *
     * @param reason which row of the spec table applies
     * @param resultDesc the {@code resultDesc} to answer, exactly as the spec table writes it
     * @param detail what exactly was wrong, for the platform's records (not sent to the module)
     * @param dialect the dialect of the report, when the body got as far as a JSON object
     */
    record Rejected(Reason reason, String resultDesc, String detail, Optional<ZzhcDialect> dialect)
            implements ZzhcVerdict {
        /** Requires every component. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(resultDesc, "resultDesc");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(dialect, "dialect");
        }

        /** The {@code resultCode} to answer. */
        public String resultCode() {
            return reason.resultCode();
        }

        @Override
        public ZzhcReply reply() {
            return new ZzhcReply(resultCode(), resultDesc);
        }
    }

    /** The rejection rows of the lab platform's table, with their result codes. */
    enum Reason {
        /** {@code "1" Malformed}: not Base64, not JSON, or not an object. */
        MALFORMED("1"),
        /** {@code "2" Invalid <FIELD>}: a required field missing or out of format. */
        INVALID_FIELD("2"),
        /** {@code "3" Not a China Telecom IMSI}. */
        NOT_CHINA_TELECOM_IMSI("3");

        private final String resultCode;

        Reason(String resultCode) {
            this.resultCode = resultCode;
        }

        /** The wire {@code resultCode}. */
        public String resultCode() {
            return resultCode;
        }
    }
}
