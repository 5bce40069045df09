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
    /** Nothing left to do: the idle time before deep sleep, or for ever when sleep is disabled. */
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
