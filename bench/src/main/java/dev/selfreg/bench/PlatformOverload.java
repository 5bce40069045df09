package dev.selfreg.bench;

import dev.selfreg.platform.CoapBurst;
import dev.selfreg.platform.CoapBurst.Answer;
import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.ct.SlowInserts;
import dev.selfreg.platform.store.CtRegistration;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The lab platform offered more than it can take, then less: ZZHC reports over CoAP at a fixed rate whatever the
 * answers (open loop, each from a device of its own, never retransmitted within the run), first well above what its
 * store commits, then well below. Its store is an H2 file whose inserts are made slow on purpose (an H2 trigger
 * waiting a fixed time a row), so that overload is the store's and not the load generator's, which shares the CPU.
 * Each second (of the schedule: it takes longer when the load generator, on the same CPUs, falls behind) it prints
 * the answers that came in it, accepted (2.05 with result 0) and shed (5.03), the heap in use at
 * most, the p99 latency of what was accepted, and the platform's queues at their fullest so far; then per phase the
 * rates, the reports left unanswered (dropped unread), and whether every acknowledged report is stored exactly once.
 */
public final class PlatformOverload {

    private PlatformOverload() {
    }

    /**
     * Runs the two phases.
     *
     * @param args {@code [overload/s] [seconds] [after/s] [seconds] [micros a row]}: the rate offered during overload
     *     (default 2,000) and for how long (10), the rate after it (200) and for how long (5), and how much slower the
     *     store makes each insert (1,000 µs, some 1,000 reports a second at best)
     */
    public static void main(String[] args) throws Exception {
        int overload = arg(args, 0, 2_000);
        int overloadSeconds = arg(args, 1, 10);
        int after = arg(args, 2, 200);
        int afterSeconds = arg(args, 3, 5);
        int micros = arg(args, 4, 1_000);
        LoadClients.checkBudget((long) overload * overloadSeconds + (long) after * afterSeconds);
        Path data = Files.createTempDirectory("selfreg-overload");
        String url = "jdbc:h2:file:" + data.resolve("selfreg").toAbsolutePath() + ";WRITE_DELAY=0";
        try (LabPlatform platform = LabPlatform.start(new PlatformSettings("127.0.0.1", 0, 0, 0, 0, Optional.of(url),
                data, List.of(), false, Optional.empty()))) {
            try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
                sql.execute(SlowInserts.create("ct_registration", micros));
            }
            System.out.printf("overload: store slowed by %d us a row; %d reports/s for %d s, then %d/s for %d s%n",
                    micros, overload, overloadSeconds, after, afterSeconds);
            System.out.println("second  took-ms  offered  accepted  shed  heap-MB  p99-ms  store-peak  coap-peak");
            Load load = new Load(platform.ports().get("ct-coap"));
            List<Second> during = load.run(overload, overloadSeconds, platform, 1);
            List<Second> later = load.run(after, afterSeconds, platform, overloadSeconds + 1);
            // the last answers of the run, then the phases' sums
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
            load.close();
            summary("during overload", overload, during, load);
            summary("after overload", after, later, load);
            Map<String, Long> stored = platform.records().store().ctRegistrations(null, Integer.MAX_VALUE).stream()
                    .collect(Collectors.groupingBy(CtRegistration::imei, Collectors.counting()));
            List<String> acknowledged = load.answers().stream().filter(Answer::acknowledged).map(Answer::device).toList();
            long missing = acknowledged.stream().filter(imei -> !stored.containsKey(imei)).count();
            long twice = stored.values().stream().filter(count -> count > 1).count();
            System.out.printf("stored: %d reports; acknowledged %d, of them missing %d; stored twice %d%n",
                    stored.size(), acknowledged.size(), missing, twice);
            System.out.println(platform.metrics().prometheusText().lines()
                    .filter(line -> line.contains("outcome=\"shed\"") || line.startsWith("selfreg_queue"))
                    .collect(Collectors.joining("\n")));
        } finally {
            PlatformThroughput.deleteTree(data);
        }
    }

    private static int arg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }

    /** One second of the run, as the load saw it. */
    private record Second(long start, long end, int offered, long heapBytes) {
    }

    private static void summary(String phase, int rate, List<Second> seconds, Load load) {
        long from = seconds.get(0).start();
        long to = seconds.get(seconds.size() - 1).end();
        double span = (to - from) / 1e9;
        List<Answer> answered = load.answers().stream().filter(a -> a.sentNanos() - from >= 0 && a.sentNanos() - to < 0)
                .toList();
        long offered = seconds.stream().mapToLong(Second::offered).sum();
        long accepted = answered.stream().filter(Answer::acknowledged).count();
        long shed = answered.size() - accepted;
        System.out.printf("%s: %d reports offered in %.1f s (%.0f/s of the %d/s asked): accepted %.0f/s, shed %.0f/s,"
                        + " unanswered %d, heap at most %d MB, p99 latency of what was accepted %d ms%n", phase,
                offered, span, offered / span, rate, accepted / span, shed / span, offered - answered.size(),
                seconds.stream().mapToLong(Second::heapBytes).max().orElse(0) >> 20,
                p99(answered.stream().filter(Answer::acknowledged).toList()));
    }

    private static long p99(List<Answer> answers) {
        long[] millis = answers.stream().mapToLong(a -> (a.answeredNanos() - a.sentNanos()) / 1_000_000).sorted()
                .toArray();
        return millis.length == 0 ? 0 : millis[Math.min(millis.length - 1, (int) Math.ceil(millis.length * 0.99) - 1)];
    }

    /** The open-loop load: the platform tests' {@link CoapBurst} of ZZHC reports, sent on a fixed schedule. */
    private static final class Load implements AutoCloseable {
        private final CoapBurst burst;
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        Load(int port) {
            burst = new CoapBurst(port, CoapBurst.zzhcReports(), 100_000_000_000L);
        }

        /** Every answer so far; a report unanswered at the end is only counted as sent. */
        List<Answer> answers() {
            return burst.answers();
        }

        /** Offers {@code perSecond} for {@code seconds}, in steps of 10 ms, printing a line each second. */
        List<Second> run(int perSecond, int seconds, LabPlatform platform, int firstSecond) {
            List<Second> done = new ArrayList<>();
            for (int s = 0; s < seconds; s++) {
                long start = System.nanoTime();
                int before = answers().size();
                long heap = 0;
                int offered = 0;
                for (int step = 0; step < 100; step++) {
                    int due = (int) ((long) perSecond * (step + 1) / 100) - (int) ((long) perSecond * step / 100);
                    for (int i = 0; i < due; i++) {
                        burst.sendOne();
                    }
                    offered += due;
                    if (step % 10 == 0) {
                        heap = Math.max(heap, memory.getHeapMemoryUsage().getUsed());
                    }
                    LockSupport.parkNanos(start + (step + 1) * 10_000_000L - System.nanoTime());
                }
                long end = System.nanoTime();
                done.add(new Second(start, end, offered, heap));
                List<Answer> came = answers().stream().skip(before).toList();
                String metrics = platform.metrics().prometheusText();
                System.out.printf("%6d  %7d  %7d  %8d  %4d  %7d  %6d  %10s  %9s%n", firstSecond + s,
                        (end - start) / 1_000_000, offered,
                        came.stream().filter(Answer::acknowledged).count(),
                        came.stream().filter(a -> !a.acknowledged()).count(), heap >> 20,
                        p99(came.stream().filter(Answer::acknowledged).toList()), peak(metrics, "store"),
                        peak(metrics, "ct-coap"));
            }
            return done;
        }

        private static String peak(String metrics, String queue) {
            String prefix = "selfreg_queue_peak{queue=\"" + queue + "\"} ";
            return metrics.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                    .findFirst().orElse("?");
        }

        @Override
        public void close() {
            burst.close();
        }
    }
}
