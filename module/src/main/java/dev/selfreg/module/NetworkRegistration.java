package dev.selfreg.module;

/** EPS network registration, the {@code <stat>} of {@code +CEREG} (3GPP TS 27.007 §10.1.22). */
public enum NetworkRegistration {
    /** Not registered and not searching: radio off, detached ({@code AT+CGATT=0}), no SIM, or no network in sight. */
    NOT_REGISTERED(0),
    /** Registered on the home network. */
    REGISTERED(1),
    /** Not registered, searching for a network to register on. */
    SEARCHING(2),
    /** The network refused the registration (the reject cause says why). */
    DENIED(3);

    private final int stat;

    NetworkRegistration(int stat) {
        this.stat = stat;
    }

    public int stat() {
        return stat;
    }
}
