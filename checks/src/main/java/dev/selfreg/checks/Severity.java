package dev.selfreg.checks;

/**
 * What breaking a rule means (certification-checks.md): a rule that follows from the seed or the wire format fails
 * the device, one whose source is a vendor note only warns.
 */
public enum Severity {
    /** Broken, it is a {@link Verdict#FAIL}. */
    FAILURE(Verdict.FAIL),
    /** Broken, it is a {@link Verdict#WARN}. */
    WARNING(Verdict.WARN);

    private final Verdict whenBroken;

    Severity(Verdict whenBroken) {
        this.whenBroken = whenBroken;
    }

    /** The verdict of a rule of this severity that the device breaks. */
    public Verdict whenBroken() {
        return whenBroken;
    }
}
