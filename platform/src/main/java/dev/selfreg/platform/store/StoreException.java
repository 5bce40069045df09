package dev.selfreg.platform.store;

/**
 * The platform store could not do what was asked. A write that fails with it was not acknowledged: its
 * caller must not tell the device it was stored (the device tries again). {@link StoreUnavailableException}
 * says the store cannot commit anything at the moment; this class alone says the write or query itself
 * failed (a record the database refused).
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
