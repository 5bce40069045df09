package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every socket {@code selfreg platform} and {@code selfreg module} listen on, started without {@code --bind}, is bound
 * to 127.0.0.1: read from the kernel's own tables ({@code /proc/PID/net/tcp, tcp6, udp, udp6}) for the sockets the
 * process holds ({@code /proc/PID/fd}), not from what the process says. Every TCP socket listening and every UDP
 * socket, the module's CoAP clients among them, counts.
 */
class ListenersOnLoopbackIT {

    /** 127.0.0.1 as the kernel writes a local IPv4 address: little-endian hex. */
    private static final String LOOPBACK_V4 = "0100007F";
    private static final String TCP_LISTEN = "0A";

    @TempDir
    Path data;

    /** One socket of the process as the kernel lists it. */
    record Bound(String table, String address, int port) {
        boolean loopback() {
            return address.equals(LOOPBACK_V4)
                    // ::ffff:127.0.0.1 and ::1 in /proc/net/*6
                    || address.equals("0000000000000000FFFF00000100007F")
                    || address.equals("00000000000000000000000001000000");
        }
    }

    @Test
    void everyListenerOfThePlatformStartedWithDefaultsIsOnLoopback() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/net")), "needs Linux /proc");
        Process platform = new ProcessBuilder(ModuleProcess.command("platform", "--ct-coap-port", "0",
                "--ct-http-port", "0", "--dm-port", "0", "--web-port", "0", "--data-dir", data.toString()))
                .redirectError(data.resolve("platform.log").toFile()).start();
        try {
            awaitLine(platform, "dashboard ");
            List<Bound> sockets = bound(platform.pid());
            assertThat(sockets).as("the platform's sockets: ct-coap, ct-http, dm, web").hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(socket -> assertThat(socket.loopback()).as(socket.toString()).isTrue());
        } finally {
            platform.destroyForcibly();
            platform.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyListenerOfTheModuleStartedWithDefaultsIsOnLoopback() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/net")), "needs Linux /proc");
        try (ModuleProcess module = ModuleProcess.start("--nvram", data.toString())) {
            List<Bound> sockets = bound(module.process.pid());
            assertThat(sockets).as("the module's sockets: at, control").hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(socket -> assertThat(socket.loopback()).as(socket.toString()).isTrue());
        }
    }

    private static void awaitLine(Process process, String start) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(start)) {
                return;
            }
        }
        throw new IOException("the process ended before printing " + start);
    }

    /** The TCP sockets listening and the UDP sockets the process {@code pid} holds. */
    private static List<Bound> bound(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing is no listener
                }
            }
        }
        List<Bound> sockets = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                boolean listening = table.startsWith("udp") || fields[3].equals(TCP_LISTEN);
                if (listening && inodes.contains(fields[9])) {
                    sockets.add(new Bound(table, local[0], Integer.parseInt(local[1], 16)));
                }
            }
        }
        return sockets;
    }
}
