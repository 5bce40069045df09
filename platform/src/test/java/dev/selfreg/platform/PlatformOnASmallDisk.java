package dev.selfreg.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform ({@link PlatformProcess}) on its embedded store, its data directory on a small file system of its
 * own: a tmpfs mounted in a mount namespace of the platform's process ({@code unshare -rm}), so no root is needed and
 * nothing outlives the test. A test fills the file system up under the platform and frees it again; once the
 * platform has stopped it reads what the store holds when opened afresh.
 */
public final class PlatformOnASmallDisk implements AutoCloseable {

    /**
     * What the store held after the platform stopped, each with how many times it is stored.
     *
     * @param reports       ZZHC reports by IMEI
     * @param registrations CMDMP Registers stored as {@code register} events not {@code failed}, by endpoint name
     */
    public record Stored(Map<String, Integer> reports, Map<String, Integer> registrations) {
    }

    private final Process platform;
    private final BufferedReader out;
    private final Map<String, Integer> ports;
    private final Path filler;
    /** The platform's data directory as the platform sees it, through its mount namespace. */
    private final Path view;

    private PlatformOnASmallDisk(Process platform, Path data, Path log) throws IOException, InterruptedException {
        this.platform = platform;
        this.out = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
        this.ports = PlatformProcess.ports(platform, out, log);
        this.view = Path.of("/proc", Long.toString(platform.pid()), "root").resolve(data.toString().substring(1));
        this.filler = view.resolve("filler");
    }

    /**
     * Skips the test unless this machine lets an unprivileged process have user and mount namespaces of its own.
     */
    public static void assumeNamespaces() throws Exception {
        Process probe = new ProcessBuilder("unshare", "-rm", "true").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "unshare -rm (a user and mount namespace) is not allowed here");
    }

    /**
     * Starts the platform on {@code data}, a tmpfs of {@code size} ({@code 16m}) mounted there for it alone, knowing
     * the CMDMP {@code application} ({@code APPKEY=PASSWORD}); its log goes to {@code log}.
     */
    public static PlatformOnASmallDisk start(Path data, String size, String application, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(data);
        List<String> command = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=" + size + " selfreg-test \"$0\" && exec \"$@\"", data.toString()));
        command.addAll(PlatformProcess.command(data.toString(), application));
        Process platform = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try {
            return new PlatformOnASmallDisk(platform, data, log);
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            platform.destroyForcibly();
            throw e;
        }
    }

    /** The port of the listener {@code name} ({@code ct-coap}, {@code dm}, {@code web}, ...). */
    public int port(String name) {
        return ports.get(name);
    }

    /** Fills the file system up with a file of its own; returns the file's size. */
    public long fillUp() throws IOException {
        byte[] block = new byte[64 * 1024];
        long written = 0;
        try (OutputStream file = Files.newOutputStream(filler)) {
            while (true) {
                file.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("No space left on device");
        }
        return written;
    }

    /** Frees what {@link #fillUp} took. */
    public void free() throws IOException {
        Files.delete(filler);
    }

    /** The bytes of the platform's CMDMP journal segments as they are now, oldest first. */
    public byte[] journal() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(view.resolve("dm-journal"))) {
            for (Path segment : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                bytes.write(Files.readAllBytes(segment));
            }
        }
        return bytes.toByteArray();
    }

    /** Stops the platform and reads what its store holds when opened again, as a restart would find it. */
    public Stored stop() throws IOException {
        platform.getOutputStream().close();
        Map<String, Integer> reports = new HashMap<>();
        Map<String, Integer> registrations = new HashMap<>();
        for (String line = out.readLine(); !"end".equals(line); line = out.readLine()) {
            assertThat(line).as("the platform's store read after its stop").isNotNull();
            if (line.startsWith(PlatformProcess.STORED_REPORT)) {
                reports.merge(line.substring(PlatformProcess.STORED_REPORT.length()), 1, Integer::sum);
            } else if (line.startsWith(PlatformProcess.STORED_REGISTRATION)) {
                registrations.merge(line.substring(PlatformProcess.STORED_REGISTRATION.length()), 1, Integer::sum);
            }
        }
        return new Stored(reports, registrations);
    }

    /** Stops the platform if {@link #stop} did not, killing it after 20 s. */
    @Override
    public void close() throws Exception {
        platform.getOutputStream().close();
        if (!platform.waitFor(20, TimeUnit.SECONDS)) {
            platform.destroyForcibly();
        }
    }
}
