package dev.selfreg.protocol.cmdmp;

import java.util.Objects;

/**
 * The lab platform's check of an encrypted identity, in an endpoint name or an {@code epi} (cmcc-dm-wire.md, "Lab
 * platform checks"): it decrypts with the application's password and must read the expected IMEI.
 */
public sealed interface DmIdentityCheck {

    /**
     * The identity decrypted and names the expected IMEI.
     *
     * @param imei the IMEI found, equal to the expected one
     * @param imsi the IMSI found
     * @param dialect how the identity was written: {@link DmDialect#REFERENCE} when as the spec writes it
     */
    record Verified(String imei, String imsi, DmDialect dialect) implements DmIdentityCheck {
        /** Requires every value. */
        public Verified {
            Objects.requireNonNull(imei, "imei");
            Objects.requireNonNull(imsi, "imsi");
            Objects.requireNonNull(dialect, "dialect");
        }

        /** An identity written in the reference form. */
        public Verified(String imei, String imsi) {
            this(imei, imsi, DmDialect.REFERENCE);
        }

        /** The same identity, also showing {@code more}. */
        Verified and(DmDialect more) {
            return new Verified(imei, imsi, dialect.and(more));
        }
    }

    /**
     * The identity does not hold: the platform answers 4.03 Forbidden.
     *
     * @param reason the kind of mismatch
     * @param detail what exactly was found, for the platform's records (never the password)
     */
    record Mismatch(Reason reason, String detail) implements DmIdentityCheck {
        /** Requires every component. */
        public Mismatch {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why an identity does not hold, in the order they are checked. */
    enum Reason {
        /** The value does not decrypt with this password (see {@link DmDecryptException.Reason}). */
        UNDECRYPTABLE,
        /** It decrypts but does not read {@code <IMEI>-****-<IMSI>-<suffix>} with digit IMEI and IMSI. */
        LAYOUT,
        /** It reads well but names another IMEI than expected. */
        IMEI_MISMATCH
    }
}
