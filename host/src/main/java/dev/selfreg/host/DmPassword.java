package dev.selfreg.host;

import dev.selfreg.vocabulary.QdmpcfgLine;
import java.util.Objects;

/**
 * The CMDMP password of {@code AT+QDMPCFG=2}. Write-only: the module shows only its first four
 * characters and {@code ****} (seed 3.2.2), so a password read from the module is that mask,
 * and no method here returns a password in full; only the driver, writing it, sees it.
 */
public final class DmPassword {

    /** The full password; null when only the module's mask is known. */
    private final String secret;
    private final String masked;

    private DmPassword(String secret, String masked) {
        this.secret = secret;
        this.masked = masked;
    }

    /** A password to write. */
    public static DmPassword of(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the password is empty");
        }
        AtText.quotable("password", secret);
        return new DmPassword(secret, QdmpcfgLine.Credentials.mask(secret));
    }

    /** A password as the module shows it; empty when none is set. */
    public static DmPassword shown(String masked) {
        return new DmPassword(null, masked);
    }

    /** The password as the module shows it. */
    public String masked() {
        return masked;
    }

    /** Whether a password is set (a module with none shows an empty field). */
    public boolean isSet() {
        return !masked.isEmpty();
    }

    /** Whether the full password is known here, i.e. it can be written. */
    public boolean isWritable() {
        return secret != null;
    }

    /** Whether the module showing {@code shown} may hold this password. */
    public boolean matchesShown(DmPassword shown) {
        return masked.equals(shown.masked);
    }

    /** For the driver's write only. */
    String secret() {
        if (secret == null) {
            throw new IllegalStateException("the module never returns the password; only one given with DmPassword.of can be written");
        }
        return secret;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DmPassword that && Objects.equals(secret, that.secret) && masked.equals(that.masked);
    }

    @Override
    public int hashCode() {
        return masked.hashCode();
    }

    /** The mask, never the password. */
    @Override
    public String toString() {
        return masked;
    }
}
