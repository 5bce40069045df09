package dev.selfreg.nvram;

/**
 * The NVRAM cannot be read or written: an I/O failure, or an image this code must not use (such
 * as one written by a newer layout). A corrupt image is not reported this way; see
 * {@link NvramStore#openReport()}.
 */
public class NvramException extends RuntimeException {

    /** An unusable image, with no underlying cause. */
    public NvramException(String message) {
        super(message);
    }

    /** A failure caused by {@code cause}, usually an {@link java.io.IOException}. */
    public NvramException(String message, Throwable cause) {
        super(message, cause);
    }
}
