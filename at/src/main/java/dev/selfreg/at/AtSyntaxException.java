package dev.selfreg.at;

/** A command line that cannot be parsed; the host gets a plain {@code ERROR}. */
public final class AtSyntaxException extends RuntimeException {
    public AtSyntaxException(String message) {
        super(message, null, false, false);
    }
}
