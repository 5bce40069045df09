package dev.selfreg.platform;

import dev.selfreg.platform.store.JdbcPlatformStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The whole lab platform on its embedded H2 store under {@code args[0]} (or on the database of the JDBC URL
 * {@code args[0]}), knowing the CMDMP applications given after it ({@code APPKEY=PASSWORD}), alone in its JVM (so a
 * test can give it a file system of its own, kill it, or run several on one database). Prints its {@code listening}
 * lines, then {@code ready}; when its stdin closes it stops, opens its store again and prints a {@code stored <IMEI>}
 * line for each report stored and a {@code registered <endpoint>} line for each CMDMP Register stored, then
 * {@code end}.
 */
public final class PlatformProcess {

    /** What begins the line of a stored ZZHC report, before its IMEI. */
    public static final String STORED_REPORT = "stored ";
    /** What begins the line of a stored CMDMP Register (a {@code register} event not failed), before its endpoint. */
    public static final String STORED_REGISTRATION = "registered ";

    /** The lines of its log a failed start quotes. */
    private static final int LOG_TAIL = 40;

    private PlatformProcess() {
    }

    public static void main(String[] args) throws IOException {
        boolean jdbc = args[0].startsWith("jdbc:");
        Optional<String> db = jdbc ? Optional.of(args[0]) : Optional.empty();
        Path data = jdbc ? Files.createTempDirectory("selfreg-platform") : Path.of(args[0]);
        try (LabPlatform platform = LabPlatform.start(new PlatformSettings("127.0.0.1", 0, 0, 0, 0, db,
                data, List.of(args).subList(1, args.length), false, Optional.empty()))) {
            platform.listeningLines().forEach(System.out::println);
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the test closes stdin
            }
        }
        // the store opened afresh once the platform is closed: what a restart would find
        try (JdbcPlatformStore store = jdbc ? JdbcPlatformStore.open(args[0], null, null)
                : JdbcPlatformStore.openEmbedded(data)) {
            store.ctRegistrations(null, Integer.MAX_VALUE)
                    .forEach(stored -> System.out.println(STORED_REPORT + stored.imei()));
            store.dmEvents(Integer.MAX_VALUE).stream()
                    .filter(event -> event.kind().equals("register") && !event.outcome().equals("failed"))
                    .forEach(event -> System.out.println(STORED_REGISTRATION + event.endpoint()));
        }
        System.out.println("end");
    }

    /**
     * Starts one in a JVM of its own, its stderr written to {@code log}.
     *
     * @param store a data directory or a JDBC URL, as {@code args[0]}
     */
    public static Process start(String store, String application, Path log) throws IOException {
        return new ProcessBuilder(command(store, application)).redirectError(log.toFile()).start();
    }

    /** The command that runs one in a JVM of its own, with this JVM's class path: {@code args} as {@link #main}'s. */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), PlatformProcess.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The listeners' ports from the {@code listening NAME HOST:PORT} lines, once it says {@code ready}; if it ends
     * before, why: its exit status, what it printed and the tail of its {@code log}.
     */
    public static Map<String, Integer> ports(Process platform, Path log) throws IOException, InterruptedException {
        return ports(platform, new BufferedReader(new InputStreamReader(platform.getInputStream(),
                StandardCharsets.UTF_8)), log);
    }

    /** The same, read from {@code out}, its stdout, which the caller goes on reading after {@code ready}. */
    public static Map<String, Integer> ports(Process platform, BufferedReader out, Path log)
            throws IOException, InterruptedException {
        Map<String, Integer> ports = new HashMap<>();
        List<String> printed = new ArrayList<>();
        for (String line = out.readLine(); !"ready".equals(line); line = out.readLine()) {
            if (line == null) {
                String status = platform.waitFor(10, TimeUnit.SECONDS) ? "exit status " + platform.exitValue()
                        : "still running";
                List<String> logged = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
                throw new IllegalStateException("the platform ended before it was ready (" + status + "); it printed "
                        + printed + "; the last lines of its log " + log + ":\n" + String.join("\n",
                        logged.subList(Math.max(0, logged.size() - LOG_TAIL), logged.size())));
            }
            printed.add(line);
            String[] words = line.split(" ");
            ports.put(words[1], Integer.parseInt(words[2].substring(words[2].lastIndexOf(':') + 1)));
        }
        return ports;
    }
}
