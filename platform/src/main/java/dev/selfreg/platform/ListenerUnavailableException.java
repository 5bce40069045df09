package dev.selfreg.platform;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A listener of the platform could not bind its address: the message names the listener, the
 * address and what to do, in one line.
 */
public final class ListenerUnavailableException extends RuntimeException {

    private final String listener;
    private final int port;

    ListenerUnavailableException(String listener, String bind, int port, Throwable cause) {
        super("cannot listen for " + listener + " on " + bind + ":" + port + ": the port is in use"
                + " (another selfreg platform or demo?); stop that process or choose another port with --" + listener
                + "-port", cause);
        this.listener = listener;
        this.port = port;
    }

    /** The listener's name as the {@code listening} lines give it: ct-coap, ct-http, dm, web. */
    public String listener() {
        return listener;
    }

    public int port() {
        return port;
    }

    /** Whether binding {@code bind:port} fails because the port is taken (0, any free port, never is). */
    static boolean isTaken(String bind, int port, boolean udp) {
        if (port == 0) {
            return false;
        }
        InetSocketAddress address = new InetSocketAddress(bind, port);
        try (Closeable probe = udp ? new DatagramSocket(address) : bound(address)) {
            return false;
        } catch (BindException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ServerSocket bound(InetSocketAddress address) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(address);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Whether {@code failure} (or a cause of it) says the address is taken: the JDK's BindException, or Javalin's wording. */
    public static boolean isAddressInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof BindException || message.contains("Address already in use") || message.contains("Port already in use")) {
                return true;
            }
        }
        return false;
    }
}
