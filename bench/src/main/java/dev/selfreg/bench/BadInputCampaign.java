package dev.selfreg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Bad input campaigns, run by hand (CI runs the jqwik properties with small tries): each target fed random and
 * mutated input for a fixed time, one input at a time, each on a worker thread given a bound. Prints per target the
 * inputs tried, the answers, the rejections by the target's own counted reasons, the crashes (an unexpected
 * exception or a server error) and the hangs (no answer within the bound, or a good input no longer answered).
 * Exits 1 when anything crashed or hung.
 */
final class BadInputCampaign {

    private static final Map<String, Supplier<BadInputTarget>> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("at", AtTarget::new);
        TARGETS.put("zzhc-coap", () -> new PlatformTarget(PlatformTarget.Service.ZZHC_COAP));
        TARGETS.put("zzhc-http", () -> new PlatformTarget(PlatformTarget.Service.ZZHC_HTTP));
        TARGETS.put("dm-register", () -> new PlatformTarget(PlatformTarget.Service.DM_REGISTER));
        TARGETS.put("capture", CaptureTarget::new);
    }

    /** Bad inputs kept per target for the report. */
    private static final int SHOWN = 5;
    /** How often (inputs) a good input is tried in between. */
    private static final int PROBE_EVERY = 500;

    /** Where the inputs that crashed or hung a target are kept. */
    private static Path kept;
    private static int keptCount;

    private BadInputCampaign() {
    }

    /**
     * @param args {@code all|at|zzhc-coap|zzhc-http|dm-register|capture [--seconds=N] [--seed=S] [--hang-ms=M]};
     *             defaults 60 s per target, a seed from the clock, 5,000 ms
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("all") || TARGETS.containsKey(args[0]))) {
            System.err.println("usage: BadInputCampaign all|" + String.join("|", TARGETS.keySet())
                    + " [--seconds=N] [--seed=S] [--hang-ms=M]");
            System.exit(2);
        }
        CampaignOptions options = new CampaignOptions(args, 1);
        Duration each = options.bound("seconds", Duration.ofSeconds(60));
        long seed = options.seed();
        Duration hangBound = Duration.ofMillis(options.count("hang-ms", 5_000));
        List<String> names = args[0].equals("all") ? List.copyOf(TARGETS.keySet()) : List.of(args[0]);
        System.out.printf("bad input campaign (seed %d): %d s per target, hang bound %d ms%n", seed, each.toSeconds(),
                hangBound.toMillis());
        boolean clean = true;
        JqwikSession.start();
        try {
            for (String name : names) {
                try (BadInputTarget target = TARGETS.get(name).get()) {
                    clean &= run(target, each, hangBound, new Random(seed));
                }
            }
        } finally {
            JqwikSession.finish();
        }
        System.exit(clean ? 0 : 1);
    }

    private static boolean run(BadInputTarget target, Duration each, Duration hangBound, Random random)
            throws Exception {
        RandomGenerator<byte[]> inputs = target.inputs().generator(1000, true);
        Map<String, Long> rejectedBefore = target.rejections();
        Map<String, Long> answers = new TreeMap<>();
        List<String> faults = new ArrayList<>();
        long tried = 0;
        long crashes = 0;
        long hangs = 0;
        long slowestNanos = 0;
        boolean serving = true;
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        long start = System.nanoTime();
        long deadline = start + each.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                byte[] input = inputs.next(random).value();
                tried++;
                long fed = System.nanoTime();
                Future<String> answer = worker.submit(() -> target.feed(input));
                try {
                    answers.merge(answer.get(hangBound.toMillis(), TimeUnit.MILLISECONDS), 1L, Long::sum);
                } catch (TimeoutException e) {
                    hangs++;
                    faults.add("hang (no answer in " + hangBound.toMillis() + " ms): " + shown(input));
                    // the stuck thread is left behind; this target's run ends with it
                    break;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof BadInputTarget.NoAnswer) {
                        hangs++;
                        faults.add("hang (" + e.getCause().getMessage() + "): " + shown(input));
                    } else {
                        crashes++;
                        faults.add("crash (" + e.getCause() + "): " + shown(input));
                    }
                }
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - fed);
                if (tried % PROBE_EVERY == 0 && !target.serving()) {
                    serving = false;
                    break;
                }
            }
            serving &= target.serving();
        } finally {
            worker.shutdownNow();
        }
        if (!serving) {
            hangs++;
            faults.add("a good input is no longer answered as before");
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        System.out.printf("%s (%s): %,d inputs in %d s, slowest %,d ms; crashes %d, hangs %d%n", target.name(),
                target.seeds(), tried, seconds, TimeUnit.NANOSECONDS.toMillis(slowestNanos), crashes, hangs);
        System.out.println("  answers: " + counts(answers));
        Map<String, Long> rejected = difference(target.rejections(), rejectedBefore);
        if (!rejected.isEmpty()) {
            System.out.println("  rejections counted: " + counts(rejected));
        }
        faults.stream().limit(SHOWN).forEach(fault -> System.out.println("  " + fault));
        return crashes == 0 && hangs == 0;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> grown = new TreeMap<>();
        after.forEach((reason, count) -> {
            long more = count - before.getOrDefault(reason, 0L);
            if (more > 0) {
                grown.put(reason, more);
            }
        });
        return grown;
    }

    private static String counts(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(entry ->
                text.append(text.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ')
                        .append(String.format("%,d", entry.getValue())));
        return text.toString();
    }

    /** The input's first bytes in hex, for the report, and the file it is kept in whole. */
    private static String shown(byte[] input) throws IOException {
        if (kept == null) {
            kept = Files.createTempDirectory("selfreg-bad-inputs");
        }
        Path file = kept.resolve("input-" + (++keptCount) + ".bin");
        Files.write(file, input);
        int shown = Math.min(input.length, 48);
        return input.length + " bytes " + HexFormat.of().formatHex(input, 0, shown) + (shown < input.length ? "..." : "")
                + " (" + file + ")";
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "bad-input");
            thread.setDaemon(true);
            return thread;
        };
    }
}
