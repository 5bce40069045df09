package dev.selfreg.bench;

import dev.selfreg.nvram.WriterKills;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Crash campaigns, run by hand (CI runs the same kills a few times as tests): the NVRAM writer or the whole
 * platform under load, each a real child JVM, killed with SIGKILL at random instants many times over, and what a
 * restart finds checked after every kill. Prints the counts; exits 1 when anything was torn, missing or doubled.
 */
final class CrashCampaign {

    private CrashCampaign() {
    }

    /**
     * @param args {@code nvram|platform [--kills=N] [--seed=S] [--max-minutes=M]}; defaults 1,000 NVRAM kills or 100
     *             platform kills, a seed from the clock, 60 minutes
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("nvram", "platform").contains(args[0])) {
            System.err.println("usage: CrashCampaign nvram|platform [--kills=N] [--seed=S] [--max-minutes=M]");
            System.exit(2);
        }
        CampaignOptions options = new CampaignOptions(args, 1);
        Duration bound = options.bound("max-minutes", Duration.ofMinutes(60));
        boolean clean = args[0].equals("nvram")
                ? nvram(options.count("kills", 1_000), options.seed(), bound)
                : PlatformCrashCampaign.run(options.count("kills", 100), options.seed(), bound);
        System.exit(clean ? 0 : 1);
    }

    private static boolean nvram(int kills, long seed, Duration bound) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("selfreg-nvram-campaign");
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        WriterKills writer = new WriterKills(work, seed, 20_000);
        int oldImage = 0;
        int newImage = 0;
        int torn = 0;
        int unreported = 0;
        int errors = 0;
        long generations = 0;
        List<String> faults = new ArrayList<>();
        try {
            while (writer.kills() < kills && System.nanoTime() < deadline) {
                WriterKills.Kill kill = writer.next();
                if (writer.kills() % 100 == 0) {
                    System.err.printf("kill %d: generation %d stored, torn so far %d%n", writer.kills(),
                            kill.stored().orElse(-1L), torn);
                }
                generations += kill.completed().size();
                if (!kill.reported()) {
                    unreported++;
                }
                if (!kill.errors().isEmpty()) {
                    errors++;
                    faults.add("kill " + writer.kills() + ": writer stderr " + kill.errors().strip());
                }
                if (!kill.oldOrNew()) {
                    torn++;
                    faults.add("kill " + writer.kills() + ": after generation " + kill.lastCompleted() + " found "
                            + kill.stored().map(String::valueOf).orElse("no writer image") + kill.openReport()
                            .map(report -> ", repaired: " + report).orElse("") + kill.damage().map(d -> ", " + d)
                            .orElse(""));
                } else if (kill.stored().get() == kill.lastCompleted()) {
                    oldImage++;
                } else {
                    newImage++;
                }
            }
        } finally {
            PlatformThroughput.deleteTree(work);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        System.out.printf("nvram crash campaign (seed %d): %,d kills, %,d restarts, %,d generations written and"
                        + " reported; after each kill: last completed image %,d, the one being written %,d, torn %d;"
                        + " writer stderr %d, killed before its first report %d; %d s%s%n",
                seed, writer.kills(), writer.kills(), generations, oldImage, newImage, torn, errors, unreported,
                seconds, writer.kills() < kills ? " (stopped at the time bound)" : "");
        faults.stream().limit(20).forEach(fault -> System.out.println("  " + fault));
        return torn == 0 && errors == 0 && unreported == 0;
    }
}
