package dev.selfreg.module.host;

import dev.selfreg.module.emulator.Bc260yModule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's AT interface on a TCP port: one host at a time, as on a UART. A second
 * connection gets one line saying the port is busy and is closed; the first keeps working.
 */
public final class TcpAtPort implements AutoCloseable {

    /** What a second host is told before its connection is closed. */
    public static final String BUSY_LINE = "selfreg: AT port busy, another host is connected (one host at a time, like a UART)\r\n";

    private static final Logger log = LoggerFactory.getLogger(TcpAtPort.class);

    private final Bc260yModule module;
    private final ServerSocket server;
    private final Optional<LineRate> pace;
    private Socket current;

    private TcpAtPort(Bc260yModule module, ServerSocket server, Optional<LineRate> pace) {
        this.module = module;
        this.server = server;
        this.pace = pace;
    }

    /** Listens on {@code bind}:{@code port} ({@code 0} picks a free port); output as fast as the host takes it. */
    public static TcpAtPort start(Bc260yModule module, InetAddress bind, int port) throws IOException {
        return start(module, bind, port, Optional.empty());
    }

    /**
     * Listens on {@code bind}:{@code port} ({@code 0} picks a free port).
     *
     * @param pace the line rate output is sent at, as over the serial line a TCP serial server stands for
     */
    public static TcpAtPort start(Bc260yModule module, InetAddress bind, int port, Optional<LineRate> pace) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bind, port));
        TcpAtPort atPort = new TcpAtPort(module, server, pace);
        Thread acceptor = new Thread(atPort::acceptLoop, "at-port-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return atPort;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                if (!claim(socket)) {
                    refuse(socket);
                    continue;
                }
                log.info("host connected from {}", socket.getRemoteSocketAddress());
                new HostLink(module, socket.getInputStream(), socket.getOutputStream(), false, pace,
                        "at-host", () -> release(socket)).start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("AT port accept failed: {}", e.toString());
                }
            }
        }
    }

    private synchronized boolean claim(Socket socket) {
        if (current != null) {
            return false;
        }
        current = socket;
        return true;
    }

    private synchronized void release(Socket socket) {
        if (current == socket) {
            current = null;
        }
        closeQuietly(socket);
        log.info("host disconnected");
    }

    private static void refuse(Socket socket) {
        try (socket; OutputStream out = socket.getOutputStream()) {
            out.write(BUSY_LINE.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            log.debug("refusing a second host failed: {}", e.toString());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing host socket: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
        if (current != null) {
            closeQuietly(current);
        }
    }
}
