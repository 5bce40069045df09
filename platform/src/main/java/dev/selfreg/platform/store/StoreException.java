package dev.selfreg.platform.store;

/** The platform store could not do what was asked; nothing was committed. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
