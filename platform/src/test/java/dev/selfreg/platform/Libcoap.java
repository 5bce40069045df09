package dev.selfreg.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libcoap's {@code coap-client} (Debian {@code libcoap3-bin}), an independent CoAP peer. Debian
 * installs it as {@code coap-client-notls} (and -openssl, -gnutls); any of them will do.
 */
public final class Libcoap {

    private static final List<String> NAMES = List.of("coap-client", "coap-client-notls", "coap-client-openssl", "coap-client-gnutls");

    private Libcoap() {
    }

    /** The coap-client binary; fails the test with the package to install when there is none. */
    public static Path client() {
        for (String name : NAMES) {
            Path path = Path.of("/usr/bin", name);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new AssertionError("libcoap's coap-client is not installed: apt-get install libcoap3-bin (.ci/run does)");
    }

    /** The result of one coap-client run. */
    public record Run(int exitCode, String output) {
    }

    /** Runs coap-client with {@code args} (at most 20 s) and returns what it printed. */
    public static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(client().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("coap-client did not finish: " + command);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
