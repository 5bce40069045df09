package dev.selfreg.host;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Opens a port by the name a person gives it: a serial device ({@code /dev/ttyUSB0},
 * {@code COM3}, a pty path) or {@code tcp://host:port} (the emulator's AT port, a serial server).
 */
public final class Ports {

    private static final String TCP_SCHEME = "tcp://";

    private Ports() {
    }

    /**
     * Opens {@code spec}.
     *
     * @throws PortUnavailableException when it cannot be opened (no such device, refused, ...)
     * @throws IllegalArgumentException when {@code spec} is not a port name
     */
    public static AtTransport open(String spec, PortOptions options) {
        if (spec.isBlank()) {
            throw new IllegalArgumentException("no port given");
        }
        if (spec.regionMatches(true, 0, TCP_SCHEME, 0, TCP_SCHEME.length())) {
            URI uri = tcpUri(spec);
            return TcpTransport.connect(spec, uri.getHost(), uri.getPort(), options);
        }
        return serial(spec, options);
    }

    /**
     * Opens the serial device {@code path} ({@code /dev/ttyUSB0}, {@code COM3}, a pty path), at
     * {@code options}' baud rate and flow control.
     *
     * @throws PortUnavailableException when it cannot be opened (no such device, busy, not a serial device, ...)
     */
    public static AtTransport serial(String path, PortOptions options) {
        return SerialTransport.open(path, options);
    }

    private static URI tcpUri(String spec) {
        URI uri;
        try {
            uri = new URI(spec);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a tcp://host:port address: " + spec, e);
        }
        if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535
                || !(uri.getPath() == null || uri.getPath().isEmpty())) {
            throw new IllegalArgumentException("not a tcp://host:port address: " + spec);
        }
        return uri;
    }
}
