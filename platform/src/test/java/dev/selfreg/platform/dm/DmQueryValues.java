package dev.selfreg.platform.dm;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Values for a Register's or Update's {@code lt} and {@code b}, which Leshan parses on its own before any check:
 * numbers of any size and sign, binding letters mixed with digits and noise, and any text. Shared by the DM fuzz
 * properties and the bad input campaign.
 */
public final class DmQueryValues {

    private DmQueryValues() {
    }

    /** Any value for {@code lt} or {@code b}. */
    public static Arbitrary<String> lifetimesAndBindings() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().withChars("UTSNQ0123456789-+ ?").ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(30));
    }
}
