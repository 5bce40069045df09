package dev.selfreg.module.dm;

/**
 * The CMDMP access state, the {@code <DMstate>} of {@code AT+QDMPCFG=6} (seed 3.2.2), with
 * when each is entered (self-registration.md §3).
 */
public enum DmState {
    /** After boot; with DM_Mode 0 or a SIM that is not China Mobile's it stays so. */
    INITIAL(0),
    /** The server address resolved and the UDP socket is open. */
    CONNECTED(4),
    /** DNS failure, or the socket could not be opened or failed. */
    CONNECT_FAILED(5),
    /** The Register was answered 2.01 Created. */
    REGISTERED(6),
    /** The Register was answered with an error code (4.xx/5.xx) or a Reset. */
    REGISTER_FAILED(7),
    /** No answer to the Register after its 6 sends, declared 128 s after the first. */
    REGISTER_TIMEOUT(8),
    /** The registration lifetime passed without a successful Update; a fresh Register follows. */
    LIFETIME_TIMEOUT(9),
    /** The Update was answered 2.04 Changed. */
    UPDATED(11),
    /** The Update was answered with an error code or a Reset. */
    UPDATE_FAILED(12),
    /** No answer to the Update after its 6 sends, declared 128 s after the first. */
    UPDATE_TIMEOUT(13);

    private final int code;

    DmState(int code) {
        this.code = code;
    }

    /** The number {@code AT+QDMPCFG=6} and {@code GET /module} show. */
    public int code() {
        return code;
    }
}
