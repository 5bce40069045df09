package dev.selfreg.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a baseline and the platform against the same load in alternating rounds, after warm-up rounds that are not
 * counted (the JIT compiles the servers' hot paths, H2's among them, during the first tens of thousands of requests),
 * and reports the median of each with their ratio. Alternating keeps a slow patch of the shared machine from
 * landing on one side only.
 */
final class Rounds {

    /**
     * Rounds per side run before measuring. With 6, both sides were still speeding up through the measured rounds
     * (stock Leshan by a third, the platform's CMDMP by a quarter); after 14 the measured rounds agree within a few
     * percent.
     */
    static final int WARM_UP = 14;
    /**
     * Rounds per side measured; the median is reported. With 5, a CMDMP round of one side ranged over half its median
     * within a run and the medians of runs of one build over a third; 11 narrow the median's part of that.
     */
    static final int MEASURED = 11;
    /** Rounds per side in all. */
    static final int PER_SIDE = WARM_UP + MEASURED;

    /** One side's rate for one round, in requests (or pairs) per second. */
    @FunctionalInterface
    interface Round {
        double run() throws Exception;
    }

    /** The medians of both sides, every measured round, and the CPU each side's measured rounds took. */
    record Result(double baseline, double platform, List<Double> baselineRounds, List<Double> platformRounds,
                  CpuAccount baselineCpu, CpuAccount platformCpu) {
        double ratio() {
            return platform / baseline;
        }

        /**
         * Prints what was measured, both medians with every measured round, and the ratio.
         *
         * @param service {@code ZZHC} or {@code DM}
         * @param perRound what one round sends, e.g. {@code 36000 reports}
         * @param baselineName the baseline as the ratio line names it, e.g. {@code bare}
         */
        void print(String service, String perRound, int inFlight, String baselineLabel, String platformLabel,
                String unit, String baselineName) {
            System.out.printf("%s: %s per round, %d in flight, %d warm-up rounds, median of %d%n", service, perRound,
                    inFlight, WARM_UP, MEASURED);
            System.out.printf("%s %-45s %,10.0f %s  (%s)%n", service, baselineLabel + ":", baseline, unit,
                    list(baselineRounds));
            System.out.printf("%s %-45s %,10.0f %s  (%s)%n", service, platformLabel + ":", platform, unit,
                    list(platformRounds));
            // "reports/s" counts reports: the CPU is per report
            String each = unit.replaceAll("s?/s$", "");
            baselineCpu.print(baselineName, each);
            platformCpu.print("the platform", each);
            System.out.printf("ratio platform / %s: %.2f%n", baselineName, ratio());
        }
    }

    private Rounds() {
    }

    static Result measure(Round baseline, Round platform) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            baseline.run();
            platform.run();
        }
        List<Double> baselineRounds = new ArrayList<>();
        List<Double> platformRounds = new ArrayList<>();
        CpuAccount baselineCpu = new CpuAccount();
        CpuAccount platformCpu = new CpuAccount();
        for (int i = 0; i < MEASURED; i++) {
            baselineRounds.add(baselineCpu.measure(baseline));
            platformRounds.add(platformCpu.measure(platform));
        }
        return new Result(median(baselineRounds), median(platformRounds), baselineRounds, platformRounds,
                baselineCpu, platformCpu);
    }

    /** The rounds as {@code a, b, c} with no decimals, for the report. */
    private static String list(List<Double> rounds) {
        return String.join(", ", rounds.stream().map(rate -> String.format("%,.0f", rate)).toList());
    }

    private static double median(List<Double> rounds) {
        List<Double> sorted = rounds.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
