package dev.selfreg.host;

/** The port ended (peer closed, device unplugged) or the channel was closed. */
public final class ChannelClosedException extends AtChannelException {

    public ChannelClosedException(String command, String message, Throwable cause) {
        super(command, message, cause);
    }
}
