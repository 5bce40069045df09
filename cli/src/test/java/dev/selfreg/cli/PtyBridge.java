package dev.selfreg.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal made by {@code socat}, with a program behind it on the other side: the
 * serial device a host tool opens, as a real module's UART would be. Needs {@code socat}.
 */
final class PtyBridge implements AutoCloseable {

    final Path device;
    private final Process socat;

    private PtyBridge(Path device, Process socat) {
        this.device = device;
        this.socat = socat;
    }

    /** A pty at {@code device} whose other side is {@code command} (socat's EXEC, split on spaces). */
    static PtyBridge start(Path device, String command) throws IOException {
        return new PtyBridge(device, socat(List.of(device), pty(device), "EXEC:" + command));
    }

    /**
     * Two ptys joined back to back, a null-modem cable: what one end's program writes, the other
     * end's reads. {@link #device} is {@code device}; {@code other} is for the program on the far side.
     */
    static PtyBridge pair(Path device, Path other) throws IOException {
        return new PtyBridge(device, socat(List.of(device, other), pty(device), pty(other)));
    }

    private static String pty(Path link) {
        return "pty,raw,echo=0,link=" + link;
    }

    private static Process socat(List<Path> devices, String left, String right) throws IOException {
        Process socat = new ProcessBuilder("socat", left, right)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(10))
                .until(() -> devices.stream().allMatch(Files::exists) || !socat.isAlive());
        for (Path device : devices) {
            if (!Files.exists(device)) {
                socat.destroyForcibly();
                throw new IOException("socat made no pty at " + device + " (is socat installed?)");
            }
        }
        return socat;
    }

    /** {@code selfreg module --stdio} behind the pty: an emulated BC260Y-CN on a serial device. */
    static PtyBridge module(Path dir) throws IOException {
        List<String> java = ModuleProcess.command("module", "--stdio");
        return start(dir.resolve("bc260y"), String.join(" ", java));
    }

    /** A pty with a program behind it that never reads or answers: a module that is off. */
    static PtyBridge silent(Path dir) throws IOException {
        return start(dir.resolve("silent"), "sleep 600");
    }

    @Override
    public void close() throws InterruptedException {
        // socat ends the program behind the pty when it is terminated.
        socat.destroy();
        if (!socat.waitFor(10, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
        }
    }
}
