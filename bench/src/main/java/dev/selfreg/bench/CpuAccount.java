package dev.selfreg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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

    /** The user-mode CPU time of the threads alive now. */
    private static long userNanos() {
        long nanos = 0;
        for (long id : THREADS.getAllThreadIds()) {
            nanos += Math.max(0, THREADS.getThreadUserTime(id));
        }
        return nanos;
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
        System.out.printf("  CPU of %s: %,.0f µs per %s; %.2f of 2 cores busy, %.0f %% of it in the kernel; by"
                + " thread:", side, perUnit, unit, processNanos / 1e9 / wallSeconds / 2,
                100.0 * (processNanos - userNanos) / processNanos);
        byGroup.entrySet().stream().filter(group -> group.getValue() >= processNanos / 50)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(group -> System.out.printf(" %s %,.0f;", group.getKey(), group.getValue() / 1e3 / units));
        System.out.println();
    }
}
