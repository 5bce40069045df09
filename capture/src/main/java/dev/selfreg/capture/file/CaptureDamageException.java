package dev.selfreg.capture.file;

/**
 * A capture file that cannot be read on from some point: cut short, its framing corrupt, or a link type selfreg does
 * not read. The packets before {@link #offset()} were read and stay valid.
 */
public final class CaptureDamageException extends Exception {

    private final long offset;

    /**
     * @param offset the byte offset in the file where reading stopped
     * @param what what is wrong there, without the offset
     */
    public CaptureDamageException(long offset, String what) {
        super("offset " + offset + ": " + what);
        this.offset = offset;
    }

    /** Where reading stopped. */
    public long offset() {
        return offset;
    }
}
