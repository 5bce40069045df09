package dev.selfreg.module.drivers;

/** How a driver's init sequence ended: completed, or failed with what the driver reports. */
record Outcome(boolean completed, String message) {

    static Outcome completed(String message) {
        return new Outcome(true, message);
    }

    static Outcome failed(String message) {
        return new Outcome(false, message);
    }
}
