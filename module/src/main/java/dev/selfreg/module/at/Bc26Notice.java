package dev.selfreg.module.at;

import dev.selfreg.module.ModuleLog;

/**
 * Tells the module's log, the first time only, that the BC26-compat dialect answered something
 * a real BC260Y-CN would not: the engineer learns which of the firmware's commands will fail on
 * the real module, without a line per call. One notice per command (or format) and module.
 */
final class Bc26Notice {

    private final String message;
    private boolean told;

    private Bc26Notice(String message) {
        this.message = message;
    }

    /** For a command the BC260Y-CN does not have, e.g. {@code AT+GSN}. */
    static Bc26Notice ofCommand(String command) {
        return new Bc26Notice(command + " is a BC26 command; a real BC260Y-CN answers ERROR");
    }

    /** For a BC26 form or format of a command both modules have; {@code message} says what differs. */
    static Bc26Notice ofFormat(String message) {
        return new Bc26Notice(message);
    }

    void tell(AtContext module) {
        if (!told) {
            told = true;
            ModuleLog.LOG.warn("{}: {}", module.profile().imei(), message);
        }
    }
}
