package dev.selfreg.checks.observed;

/**
 * What became of the encrypted identity in a CMDMP endpoint name or {@code epi} (cmcc-dm-wire.md, "Lab platform
 * checks").
 */
public enum IdentityCheck {
    /** It decrypts with the application's password and names the endpoint's IMEI. */
    VERIFIED("verified"),
    /** The APPkey is not one the observer knows the password of: not decrypted. */
    NOT_CHECKED("not decrypted (unknown APPkey)"),
    /** The endpoint name has no DM 2.0 shape at all: a plain LwM2M client. */
    PLAIN("not a DM 2.0 endpoint"),
    /** It claims DM 2.0 but does not have its shape (or {@code epi} is missing or not Base64 of AES blocks). */
    MALFORMED("malformed"),
    /** It decrypts to something else than the identity it should carry. */
    MISMATCH("mismatch");

    private final String label;

    IdentityCheck(String label) {
        this.label = label;
    }

    /** A few words for a person. */
    public String label() {
        return label;
    }
}
