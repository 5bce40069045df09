package dev.selfreg.protocol.cmdmp;

import java.util.Objects;

/** A value that {@link DmCipher} cannot decrypt; {@link #reason()} says at which step it failed. */
public final class DmDecryptException extends Exception {
    /** The failed step. */
    private final Reason reason;

    /**
     * @param reason the failed step
     * @param message what was wrong, without the key or the password
     */
    public DmDecryptException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The failed step. */
    public Reason reason() {
        return reason;
    }

    /** The steps of decryption, in order. */
    public enum Reason {
        /** Not canonical standard padded Base64. */
        NOT_BASE64,
        /** The ciphertext is empty or not a whole number of 16-byte AES blocks. */
        NOT_WHOLE_BLOCKS,
        /** The padding is wrong: almost always the wrong password, otherwise a corrupted value. */
        BAD_PADDING,
        /** The plaintext is not UTF-8: a wrong password that happened to leave valid padding. */
        NOT_UTF8
    }
}
