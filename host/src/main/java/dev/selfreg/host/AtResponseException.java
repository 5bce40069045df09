package dev.selfreg.host;

/** The module answered {@code OK}, but not with the lines the command answers. */
public final class AtResponseException extends AtChannelException {

    public AtResponseException(String command, String problem) {
        super(command, "unexpected answer to " + command + ": " + problem, null);
    }
}
