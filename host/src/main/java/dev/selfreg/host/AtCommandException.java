package dev.selfreg.host;

import java.util.OptionalInt;

/** The module answered a command with {@code ERROR} or {@code +CME ERROR}. */
public final class AtCommandException extends AtChannelException {

    private final AtResult result;

    public AtCommandException(AtResult result) {
        super(result.command(), result.command() + " answered " + result.result().describe(), null);
        this.result = result;
    }

    /** The whole answer, information lines included. */
    public AtResult result() {
        return result;
    }

    public FinalResult finalResult() {
        return result.result();
    }

    /** The numeric CME error code, when the module gave one ({@code AT+CMEE=1}). */
    public OptionalInt cmeCode() {
        return result.result().cmeCode();
    }
}
