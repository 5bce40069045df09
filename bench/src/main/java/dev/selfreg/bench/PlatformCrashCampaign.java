package dev.selfreg.bench;

import dev.selfreg.platform.PlatformKills;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The platform half of {@link CrashCampaign}: the whole platform under load killed again and again. */
final class PlatformCrashCampaign {

    private PlatformCrashCampaign() {
    }

    /** Runs up to {@code kills} kills within {@code bound}; prints the counts; whether nothing was missing or doubled. */
    static boolean run(int kills, long seed, Duration bound) throws Exception {
        Path data = Files.createTempDirectory("selfreg-platform-campaign");
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        PlatformKills platform = new PlatformKills(data, seed);
        long reports = 0;
        long registrations = 0;
        long startMillis = 0;
        long slowestStart = 0;
        PlatformKills.Kill last = null;
        List<String> faults = new ArrayList<>();
        try {
            while (platform.kills() < kills && System.nanoTime() < deadline) {
                last = platform.next();
                reports += last.reports();
                registrations += last.registrations();
                startMillis += last.startMillis();
                slowestStart = Math.max(slowestStart, last.startMillis());
                int kill = platform.kills();
                last.missing().forEach(m -> faults.add("after kill " + kill + " missing: " + m));
                last.duplicates().forEach(d -> faults.add("after kill " + kill + " duplicate: " + d));
                System.err.printf("kill %d: %d reports and %d registrations acknowledged, %d found, %d missing, %d"
                        + " duplicates%n", kill, last.reports(), last.registrations(), last.found(),
                        last.missing().size(), last.duplicates().size());
            }
        } finally {
            PlatformThroughput.deleteTree(data);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        int done = platform.kills();
        System.out.printf("platform crash campaign (seed %d): %,d kills, %,d restarts (ready in %,d ms on average,"
                        + " %,d ms at most); acknowledged %,d ZZHC reports and %,d CMDMP registrations, found %,d;"
                        + " missing %d, duplicates %d; %d s%s%n",
                seed, done, done, done == 0 ? 0 : startMillis / done, slowestStart, reports, registrations,
                last == null ? 0 : last.found(), last == null ? 0 : last.missing().size(),
                last == null ? 0 : last.duplicates().size(), seconds, done < kills ? " (stopped at the time bound)" : "");
        faults.stream().limit(20).forEach(fault -> System.out.println("  " + fault));
        return faults.isEmpty();
    }
}
