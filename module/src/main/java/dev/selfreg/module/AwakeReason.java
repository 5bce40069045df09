package dev.selfreg.module;

/**
 * Why the module is awake at a given moment (self-registration.md §1: the emulator records how
 * long it stayed awake and why). Each awake instant counts for exactly one reason: a held
 * {@link WakeLock}'s (the latest taken), otherwise the last event that kept the module up.
 */
public enum AwakeReason {
    /** From power-on until the network search after boot ends. */
    BOOT("boot"),
    /** Host traffic on the UART and the idle time it restarted. */
    HOST("host"),
    /** An open CoAP exchange: waiting for an answer, retransmissions included. */
    COAP("coap"),
    /** A DNS lookup. */
    DNS("dns"),
    /** An RTC timer woke the module from deep sleep, and the idle time after its work. */
    TIMER("timer"),
    /** A periodic TAU woke the module from deep sleep (T3412), and the active time after it. */
    TAU("tau"),
    /** An eDRX paging time window woke the module from deep sleep. */
    PAGING("paging"),
    /**
     * Nothing left to do: the active time T3324 before PSM, or for ever when the module may not
     * deep sleep ({@code AT+QSCLK=0} or 2, the BC26's {@code AT+SM=LOCK}, or neither PSM nor eDRX in use).
     */
    IDLE("idle");

    private final String label;

    AwakeReason(String label) {
        this.label = label;
    }

    /** The name used in the control API's breakdown. */
    public String label() {
        return label;
    }
}
