package dev.selfreg.module.ct;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * libcoap's {@code coap-server} (Debian {@code libcoap3-bin}), an independent CoAP server, on 127.0.0.1 with its
 * protocol log: at verbosity 7 it prints every PDU it receives and sends, as libcoap parsed it, e.g.
 * {@code v:1 t:CON c:POST i:2a0d {01} [ Uri-Path:nb, Content-Format:application/json ] :: 'eyJ...'}. With dynamic
 * resources allowed, a POST to a path it does not have creates it and is answered 2.01 Created, without a body.
 */
final class LibcoapServer implements AutoCloseable {

    private static final List<String> NAMES = List.of("coap-server", "coap-server-notls", "coap-server-openssl",
            "coap-server-gnutls");
    private static final Duration START_BOUND = Duration.ofSeconds(10);

    private final Process process;
    private final Path log;
    private final int port;

    private LibcoapServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts coap-server on a free loopback port and waits until it listens. (The port is found free a moment before
     * coap-server binds it; another process taking it in between fails the start, loudly.)
     */
    static LibcoapServer start(Path logDir) throws IOException, InterruptedException {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = logDir.resolve("coap-server.log");
        // line-buffered: coap-server's PDU dumps go to a file, which stdio would otherwise hold back in blocks
        Process process = new ProcessBuilder("stdbuf", "-oL", "-eL", binary().toString(), "-A", "127.0.0.1",
                "-p", String.valueOf(port), "-v", "7", "-d", "4")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LibcoapServer server = new LibcoapServer(process, log, port);
        Pattern listening = Pattern.compile("created UDP\\s+endpoint 127\\.0\\.0\\.1:" + port + "\\b");
        try {
            await().atMost(START_BOUND).until(() -> !process.isAlive() || listening.matcher(server.log()).find());
        } catch (ConditionTimeoutException e) {
            server.close();
            throw new AssertionError("coap-server did not start: " + server.log(), e);
        }
        if (!process.isAlive()) {
            throw new AssertionError("coap-server ended: " + server.log());
        }
        return server;
    }

    private static Path binary() {
        for (String name : NAMES) {
            Path path = Path.of("/usr/bin", name);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new AssertionError("libcoap's coap-server is not installed: apt-get install libcoap3-bin (.ci/run does)");
    }

    int port() {
        return port;
    }

    /** Everything coap-server printed so far. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
