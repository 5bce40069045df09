package dev.selfreg.protocol;

import java.util.Optional;

/**
 * One named part of a wire dialect (a ZZHC field set or quirk, a DM 2.0 feature): a stable code, which the platform
 * stores, and a label for people.
 */
public interface DialectTerm {

    /** The stable text form. */
    String code();

    /** For people. */
    String label();

    /** The constant of {@code type} whose {@link #code()} is {@code code}, if there is one. */
    static <E extends Enum<E> & DialectTerm> Optional<E> ofCode(Class<E> type, String code) {
        for (E term : type.getEnumConstants()) {
            if (term.code().equals(code)) {
                return Optional.of(term);
            }
        }
        return Optional.empty();
    }
}
