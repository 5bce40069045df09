package dev.selfreg.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;

/** An AT interface on a TCP port: the emulated module's {@code --at-port}, or a serial server. */
final class TcpTransport implements AtTransport {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String description;
    private volatile boolean closed;

    private TcpTransport(Socket socket, String description) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.description = description;
    }

    static TcpTransport connect(String spec, String host, int port, PortOptions options) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(options.connectTimeout().toMillis()));
            return new TcpTransport(socket, spec);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connect failure is what the caller needs to hear about
            }
            throw new PortUnavailableException(spec, reason(e), e);
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.toLowerCase(Locale.ROOT);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            if (closed) {
                return -1;
            }
            throw e;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to tell anyone
        }
    }
}
