package dev.selfreg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time one side's measured rounds took, all of it and by group of threads (a thread's name with its numbers
 * left out), so a ratio can be read as the CPU each request costs: on a machine whose cores are busy in both sides'
 * rounds, the throughput ratio is the inverse ratio of the CPU per request. The load's threads are counted on both
 * sides alike.
 */
final class CpuAccount {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** {@code utime}, field 14 of {@code /proc/self/stat}, counted from the field after the command's name. */
    private static final int UTIME_AFTER_NAME = 11;
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long processNanos;
    private long userNanos;
    private double units;
    private double wallSeconds;
    private final Map<String, Long> byGroup = new HashMap<>();

    /** Runs one round, adding its CPU to the account; returns its rate. */
    double measure(Rounds.Round round) throws Exception {
        Map<Long, Long> threadsBefore = threadNanos();
        long userBefore = userNanos();
        long processBefore = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        double rate = round.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        processNanos += PROCESS.getProcessCpuTime() - processBefore;
        userNanos += userNanos() - userBefore;
        wallSeconds += seconds;
        units += rate * seconds;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(thread.getThreadId());
            if (now < 0) {
                continue;
            }
            long spent = now - threadsBefore.getOrDefault(thread.getThreadId(), 0L);
            byGroup.merge(group(thread.getThreadName()), spent, Long::sum);
        }
        return rate;
    }

    /** A thread's group: its name with each run of digits as {@code #}. */
    static String group(String threadName) {
        return threadName.replaceAll("[0-9]+", "#");
    }

    /**
     * The process's user-mode CPU time, threads that ended included: {@code utime} of {@code /proc/self/stat}, in
     * clock ticks of 10 ms (Linux's {@code USER_HZ}); 0 where there is no such file.
     */
    private static long userNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the fields after the command's name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[UTIME_AFTER_NAME]) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Map<Long, Long> threadNanos() {
        Map<Long, Long> nanos = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                nanos.put(id, cpu);
            }
        }
        return nanos;
    }

    /** Prints the CPU per request (or pair) and the groups that took at least 2 % of it, largest first. */
    void print(String side, String unit) {
        double perUnit = processNanos / 1e3 / units;
        System.out.printf("  CPU of %s: %,.0f µs per %s; %.2f of %d cores busy, %.0f %% of it in the kernel; by"
                + " thread:", side, perUnit, unit, processNanos / 1e9 / wallSeconds / CORES, CORES,
                100.0 * (processNanos - userNanos) / processNanos);
        byGroup.entrySet().stream().filter(group -> group.getValue() >= processNanos / 50)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(group -> System.out.printf(" %s %,.0f;", group.getKey(), group.getValue() / 1e3 / units));
        System.out.println();
    }
}
