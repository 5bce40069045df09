package dev.selfreg.host;

import java.util.Optional;

/**
 * Talking to the module failed. Subclasses say how: the port could not be opened
 * ({@link PortUnavailableException}), the module answered an error ({@link AtCommandException}),
 * did not answer ({@link AtTimeoutException}), answered something unexpected
 * ({@link AtResponseException}), or the port went away ({@link ChannelClosedException}).
 */
public class AtChannelException extends RuntimeException {

    private final String command;

    public AtChannelException(String command, String message, Throwable cause) {
        super(message, cause);
        this.command = command;
    }

    /** The command that failed, as shown in reports; empty when the failure is not about one. */
    public Optional<String> command() {
        return Optional.ofNullable(command);
    }
}
