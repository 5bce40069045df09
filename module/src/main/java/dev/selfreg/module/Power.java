package dev.selfreg.module;

/** The module's power state. */
public enum Power {
    /** No power: nothing runs, the UART is dead, NVRAM keeps what was durably written. */
    OFF("off"),
    /** Powered, not yet ready; host input is lost until {@code RDY}. */
    BOOTING("booting"),
    /** Awake and answering. */
    ACTIVE("active"),
    /** Deep sleep (PSM): only RTC timers and host data on the AT port wake it. */
    DEEP_SLEEP("deep-sleep");

    private final String label;

    Power(String label) {
        this.label = label;
    }

    /** The name used in the control API. */
    public String label() {
        return label;
    }
}
