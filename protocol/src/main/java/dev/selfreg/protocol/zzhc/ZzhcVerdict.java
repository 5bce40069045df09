package dev.selfreg.protocol.zzhc;

import java.util.Objects;

/**
 * The lab platform's verdict on one ZZHC request body: the report it accepted, or why it rejected it
 * (ct-zzhc-wire.md, "Lab platform replies"). Either way {@link #reply()} is the answer to send.
 */
public sealed interface ZzhcVerdict {

    /** What to answer the module. */
    ZzhcReply reply();

    /** The body held a valid China Telecom report. */
    record Accepted(ZzhcReport report) implements ZzhcVerdict {
        /** Requires a report. */
        public Accepted {
            Objects.requireNonNull(report, "report");
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
     */
    record Rejected(Reason reason, String resultDesc, String detail) implements ZzhcVerdict {
        /** Requires every component. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(resultDesc, "resultDesc");
            Objects.requireNonNull(detail, "detail");
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
        /** {@code "1" Malformed}: not Base64, not JSON, or not an object of strings. */
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
