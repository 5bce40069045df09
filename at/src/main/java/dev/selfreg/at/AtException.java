package dev.selfreg.at;

import dev.selfreg.vocabulary.CmeError;

/**
 * A command that cannot be carried out; the host gets {@code ERROR} or {@code +CME ERROR: <n>}
 * depending on {@code AT+CMEE}. The message is for logs, never sent to the host.
 */
public final class AtException extends RuntimeException {

    private final CmeError error;

    public AtException(CmeError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public static AtException incorrectParameters(String message) {
        return new AtException(CmeError.INCORRECT_PARAMETERS, message);
    }

    public static AtException notSupported(String message) {
        return new AtException(CmeError.OPERATION_NOT_SUPPORTED, message);
    }

    public CmeError error() {
        return error;
    }
}
