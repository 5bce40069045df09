package dev.selfreg.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A fake module on a real loopback socket that plays a script in lock-step: for each step it
 * reads one command line (up to {@code <CR>}), records it, and sends the step's reply, if any.
 * After the last step it either stays connected and silent, or closes the connection; the test
 * can {@link #say} more at any time.
 */
final class ScriptedPeer implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> replies = new ArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private boolean closeAtEnd;
    private volatile Socket socket;
    private Thread player;

    ScriptedPeer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** Reads a line, then sends nothing. */
    ScriptedPeer ignore() {
        replies.add(null);
        return this;
    }

    /** Reads a line, then sends {@code lines} framed as the module frames them. */
    ScriptedPeer reply(String... lines) {
        replies.add(framed(lines));
        return this;
    }

    private static String framed(String... lines) {
        StringBuilder framed = new StringBuilder();
        for (String line : lines) {
            framed.append("\r\n").append(line).append("\r\n");
        }
        return framed.toString();
    }

    /** Closes the connection after the last step instead of staying silent. */
    ScriptedPeer thenClose() {
        closeAtEnd = true;
        return this;
    }

    /** Starts accepting one host, which gets the script. */
    ScriptedPeer start() {
        player = new Thread(this::play, "scripted-peer");
        player.setDaemon(true);
        player.start();
        return this;
    }

    String spec() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /**
     * Sends {@code lines} now, framed as the module frames them, whatever the script is doing:
     * for the test to decide when each part of an answer arrives. Call it once the host is
     * connected, e.g. after a step has {@link #received() received} its command.
     */
    void say(String... lines) throws IOException {
        OutputStream out = socket.getOutputStream();
        synchronized (this) {
            out.write(framed(lines).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /**
     * Every command line received, once the script has ended (its last step played, or the host
     * gone: close the channel first), so that a line still in flight is counted too.
     */
    List<String> receivedByTheEnd() throws InterruptedException {
        player.join(TimeUnit.SECONDS.toMillis(5));
        if (player.isAlive()) {
            throw new AssertionError("the script did not end: is the host still connected?");
        }
        return received;
    }

    /** Every command line received so far, in order. */
    List<String> received() {
        return received;
    }

    private void play() {
        try {
            socket = server.accept();
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (String reply : replies) {
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                received.add(line);
                if (reply != null) {
                    synchronized (this) {
                        out.write(reply.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            }
            if (closeAtEnd) {
                socket.close();
            }
        } catch (IOException e) {
            // the host went away: the script is over
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                return null;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (socket != null) {
            socket.close();
        }
    }
}
