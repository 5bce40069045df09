package dev.selfreg.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A host on the module's TCP AT port: sends a line, reads until the final result code. */
final class AtSocket implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 5000;

    private final Socket socket;
    private final InputStream in;

    AtSocket(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = socket.getInputStream();
    }

    /** Sends {@code line<CR>} and returns every byte up to and including the final result code. */
    String command(String line) throws IOException {
        socket.getOutputStream().write((line + "\r").getBytes(StandardCharsets.UTF_8));
        return readUntilFinalResult(in);
    }

    /** Reads whatever arrives until the peer closes the connection. */
    String readToEnd() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static String readUntilFinalResult(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection ended after: " + got.toString(StandardCharsets.UTF_8));
            }
            got.write(b);
            String text = got.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r\nOK\r\n") || text.endsWith("\r\nERROR\r\n") || text.matches("(?s).*\r\n\\+CME ERROR: [^\r]*\r\n")) {
                return text;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
