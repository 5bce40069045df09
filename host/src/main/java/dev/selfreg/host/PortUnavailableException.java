package dev.selfreg.host;

/** A port could not be opened: no such device, no permission, busy, connection refused. */
public final class PortUnavailableException extends AtChannelException {

    private final String port;

    public PortUnavailableException(String port, String reason, Throwable cause) {
        super(null, "cannot open " + port + ": " + reason, cause);
        this.port = port;
    }

    /** The port as given to {@link Ports#open}. */
    public String port() {
        return port;
    }
}
