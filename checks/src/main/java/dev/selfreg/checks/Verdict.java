package dev.selfreg.checks;

import java.util.Arrays;
import java.util.Optional;

/** What a rule says of one device (certification-checks.md, the verdict table). */
public enum Verdict {
    /** Observed, and it meets the rule. */
    PASS("pass"),
    /** Observed, and it breaks a rule whose source is the seed or the wire format. */
    FAIL("fail"),
    /** Observed, and it breaks a rule whose source is a vendor note. */
    WARN("warn"),
    /** The platform has not seen what the rule needs (yet). */
    NOT_OBSERVED("not-observed");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    /** How files and the API write it: {@code pass}, {@code fail}, {@code warn}, {@code not-observed}. */
    public String code() {
        return code;
    }

    /** How a person reads it: {@code not observed} with a space. */
    public String label() {
        return code.replace('-', ' ');
    }

    /** The verdict written {@code code} ({@code not observed} with a space is taken too). */
    public static Optional<Verdict> ofCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code) || v.label().equals(code)).findFirst();
    }
}
