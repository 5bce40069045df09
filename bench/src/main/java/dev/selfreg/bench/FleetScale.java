package dev.selfreg.bench;

import dev.selfreg.lab.fleet.Fleet;
import dev.selfreg.lab.fleet.FleetPlan;
import dev.selfreg.lab.fleet.FleetReport;
import dev.selfreg.platform.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Module-days per second of wall time for fleets of growing size, in one run, so that the cost's growth with size
 * shows: each fleet half China Telecom, half China Mobile (daily CMDMP updates), every record in an H2 file of its
 * own, and every expected outcome checked. A run that is linear in size keeps the same module-days per second; the
 * last column is each size's rate against the first's.
 *
 * <p>{@code java -Xmx16g -XX:+UseParallelGC -cp bench/target/benchmarks.jar dev.selfreg.bench.FleetScale
 * [days] [size...]} (defaults 30 days, 1000 10000 100000). A fleet needs a file descriptor per module awake at once,
 * not per module: a module in PSM has parked its channel.
 */
public final class FleetScale {

    private FleetScale() {
    }

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000, 10_000, 100_000);
        }
        System.out.printf("%10s %6s %12s %16s %8s  %s%n", "modules", "days", "wall s", "module-days/s", "vs first",
                "outcomes");
        double first = 0;
        for (int size : sizes) {
            Path dir = Files.createTempDirectory("fleet-scale");
            PlatformSettings settings = new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                    Optional.of("jdbc:h2:file:" + dir.resolve("fleet")), dir, List.of(), false, Optional.empty());
            long start = System.nanoTime();
            FleetReport report = Fleet.run(settings, new FleetPlan(size / 2, size - size / 2, days, Duration.ofDays(1)),
                    (done, total) -> {
                        if (done.toHours() % 24 == 0) {
                            System.err.printf("%,d modules: day %d of %d after %.0f s%n", size, done.toDays(), days,
                                    (System.nanoTime() - start) / 1e9);
                        }
                    });
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = (double) size * days / seconds;
            first = first == 0 ? rate : first;
            System.out.printf("%,10d %6d %12.1f %,16.0f %8.2f  %s%n", size, days, seconds, rate, rate / first,
                    report.passed() ? "all met" : "NOT all met");
            if (!report.passed()) {
                System.out.print(report.table());
            }
        }
    }
}
