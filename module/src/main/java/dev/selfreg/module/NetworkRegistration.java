package dev.selfreg.module;

/** EPS network registration, the {@code <stat>} of {@code +CEREG} (3GPP TS 27.007 §10.1.22). */
public enum NetworkRegistration {
    NOT_REGISTERED(0), REGISTERED(1), SEARCHING(2);

    private final int stat;

    NetworkRegistration(int stat) {
        this.stat = stat;
    }

    public int stat() {
        return stat;
    }
}
