package dev.selfreg.at;

/** The four forms of an extended command (seed table 1). */
public enum AtForm {
    /** {@code AT+<cmd>=?}: the supported parameter values. */
    TEST,
    /** {@code AT+<cmd>?}: the current setting. */
    QUERY,
    /** {@code AT+<cmd>=<p1>[,<p2>...]}: change a setting. */
    SET,
    /** {@code AT+<cmd>}: run an action. */
    EXECUTE
}
