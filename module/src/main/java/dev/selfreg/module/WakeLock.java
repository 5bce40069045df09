package dev.selfreg.module;

/**
 * Pending work that keeps the module out of deep sleep (an open CoAP exchange, a DNS lookup),
 * taken with {@link SleepController#holdAwake}: while one is held the idle timer does not put
 * the module to sleep, and the awake time counts for its reason. Releasing the last one
 * restarts the idle time. A power cut drops them all.
 */
public final class WakeLock {

    private final SleepController sleep;
    private final AwakeReason reason;

    WakeLock(SleepController sleep, AwakeReason reason) {
        this.sleep = sleep;
        this.reason = reason;
    }

    public AwakeReason reason() {
        return reason;
    }

    /** Ends the work; releasing twice, or after a power cut, does nothing. */
    public void release() {
        sleep.release(this);
    }
}
