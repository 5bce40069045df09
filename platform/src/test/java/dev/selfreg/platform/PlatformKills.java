package dev.selfreg.platform;

import dev.selfreg.platform.ct.ReportLoad;
import dev.selfreg.platform.dm.RegistrationLoad;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.JdbcPlatformStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole lab platform ({@link PlatformProcess}, a JVM of its own on an H2 file) killed with SIGKILL at random
 * instants while ZZHC reports ({@link ReportLoad}) and CMDMP Registers from Leshan clients ({@link RegistrationLoad})
 * come in, one kill after another on the same data: each {@link #next()} starts the platform, waits until both
 * services have acknowledged something, kills it at a random instant, and opens the store as the next start will,
 * checking that everything acknowledged so far is there exactly once. Shared by the kill test (a few kills) and the
 * crash campaign (a hundred and more).
 */
public final class PlatformKills {

    /** At most this many ZZHC reports in flight, one every millisecond at most. */
    private static final int REPORTS_IN_FLIGHT = 16;
    /** Leshan clients registering at once. */
    private static final int REGISTERING = 4;
    private static final int MAX_KILL_DELAY_MS = 500;

    /**
     * What the store held after one kill, for everything acknowledged up to it.
     *
     * @param reports       ZZHC reports acknowledged in this round
     * @param registrations CMDMP Registers acknowledged (2.01) in this round
     * @param found         acknowledged reports and registrations (all rounds) found in the store
     * @param missing       acknowledged ones not in the store
     * @param duplicates    reports or registrations stored more than once
     * @param startMillis   how long the platform took from start to {@code ready}
     */
    public record Kill(int reports, int registrations, int found, List<String> missing, List<String> duplicates,
                       long startMillis) {
    }

    private final Path data;
    /** The platform's stderr (its log), of the latest start only: its tail explains a start that failed. */
    private final Path log;
    private final Random random;
    private final Set<String> acknowledgedReports = new HashSet<>();
    private final Set<String> acknowledgedRegistrations = new HashSet<>();
    private int kills;

    /** Kills of a platform on {@code data}, at instants drawn from {@code seed}. */
    public PlatformKills(Path data, long seed) {
        this.data = data;
        this.log = Path.of("target", "platform-kills", data.getFileName() + ".log").toAbsolutePath();
        this.random = new Random(seed);
    }

    /** Starts the platform under load, kills it at a random instant, and checks what the next start will find. */
    public Kill next() throws Exception {
        kills++;
        long starting = System.nanoTime();
        Files.createDirectories(log.getParent());
        Process platform = PlatformProcess.start(data.toString(), RegistrationLoad.application(), log);
        List<String> reports;
        List<String> registrations;
        long startMillis;
        try {
            Map<String, Integer> ports = PlatformProcess.ports(platform, log);
            startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starting);
            // devices of each round numbered apart from every other round's
            try (ReportLoad load = ReportLoad.start(ports.get("ct-coap"), REPORTS_IN_FLIGHT, Integer.MAX_VALUE,
                    Duration.ofMillis(1), kills * 1_000_000L);
                 RegistrationLoad registering = RegistrationLoad.start(ports.get("dm"), REGISTERING,
                         kills * 1_000_000L)) {
                awaitAcknowledgements(load, registering, platform);
                // a random instant while devices go on reporting and registering
                TimeUnit.MILLISECONDS.sleep(random.nextInt(MAX_KILL_DELAY_MS));
                platform.destroyForcibly();
                if (!platform.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("kill " + kills + ": the platform outlived SIGKILL by 10 s");
                }
                reports = load.acknowledgedImeis();
                registrations = registering.acknowledgedEndpoints();
            }
        } finally {
            platform.destroyForcibly();
        }
        acknowledgedReports.addAll(reports);
        acknowledgedRegistrations.addAll(registrations);
        return checked(reports.size(), registrations.size(), startMillis);
    }

    /** The kills so far. */
    public int kills() {
        return kills;
    }

    /** The store as the next start opens it, against everything acknowledged so far. */
    private Kill checked(int reports, int registrations, long startMillis) {
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            Map<String, Long> storedReports = counted(store.ctRegistrations(null, Integer.MAX_VALUE),
                    CtRegistration::imei);
            Map<String, Long> storedRegistrations = counted(store.dmEvents(Integer.MAX_VALUE).stream()
                    .filter(event -> event.kind().equals("register") && !event.outcome().equals("failed")).toList(),
                    DmEvent::endpoint);
            Set<String> devices = store.dmDevices(null, Integer.MAX_VALUE).stream().map(DmDevice::endpoint)
                    .collect(Collectors.toSet());
            List<String> missing = new ArrayList<>();
            acknowledgedReports.stream().filter(imei -> !storedReports.containsKey(imei))
                    .forEach(imei -> missing.add("ZZHC report of " + imei));
            acknowledgedRegistrations.stream()
                    .filter(endpoint -> !storedRegistrations.containsKey(endpoint) || !devices.contains(endpoint))
                    .forEach(endpoint -> missing.add("CMDMP Register of " + endpoint));
            List<String> duplicates = new ArrayList<>();
            storedReports.forEach((imei, times) -> {
                if (times > 1) {
                    duplicates.add("ZZHC report of " + imei + " stored " + times + " times");
                }
            });
            storedRegistrations.forEach((endpoint, times) -> {
                if (times > 1) {
                    duplicates.add("CMDMP Register of " + endpoint + " stored " + times + " times");
                }
            });
            int found = acknowledgedReports.size() + acknowledgedRegistrations.size() - missing.size();
            return new Kill(reports, registrations, found, missing, duplicates, startMillis);
        }
    }

    private static <T> Map<String, Long> counted(List<T> records, Function<T, String> key) {
        return records.stream().collect(Collectors.groupingBy(key, HashMap::new, Collectors.counting()));
    }

    private static void awaitAcknowledgements(ReportLoad load, RegistrationLoad registering, Process platform)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (load.acknowledged() == 0 || registering.acknowledgedEndpoints().isEmpty()) {
            if (System.nanoTime() > deadline || !platform.isAlive()) {
                throw new IllegalStateException("no acknowledgement from both services within 30 s (ZZHC "
                        + load.acknowledged() + ", CMDMP " + registering.acknowledgedEndpoints().size() + ")");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
