package dev.selfreg.nvram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * An NVRAM writer ({@link NvramWriterProcess}, a JVM of its own) killed with SIGKILL at random instants, one kill
 * after another on the same directory: each {@link #next()} starts the writer, waits for its first completed write,
 * kills it within {@code maxDelayMicros}, and reads the directory back as the next start would. Shared by the
 * kill test (a few kills) and the crash campaign (thousands).
 */
public final class WriterKills {

    /**
     * What one kill left behind.
     *
     * @param reported   whether the writer reported a completed generation before it was killed
     * @param errors     what the writer printed on stderr
     * @param before     the generation stored before this writer started
     * @param completed  the generations the writer reported complete, in order
     * @param openReport what opening the directory afterwards had to repair (empty: nothing)
     * @param stored     the generation stored afterwards, or empty when the image is none the writer writes
     * @param damage     why the image read afterwards is none the writer wrote, or empty
     */
    public record Kill(boolean reported, String errors, long before, List<Long> completed, Optional<String> openReport,
                       Optional<Long> stored, Optional<String> damage) {

        /** The last generation the writer reported complete, or the one stored before it when none. */
        public long lastCompleted() {
            return completed.isEmpty() ? before : completed.get(completed.size() - 1);
        }

        /** Whether NVRAM holds the last completed image or the one being written: nothing torn, nothing lost. */
        public boolean oldOrNew() {
            return openReport.isEmpty() && stored.isPresent()
                    && stored.get() >= lastCompleted() && stored.get() <= lastCompleted() + 1;
        }
    }

    private final Path work;
    private final Path dir;
    private final Random random;
    private final int maxDelayMicros;
    private long stored;
    private int kills;

    /** Kills of a writer on {@code work/nvram}, at instants drawn from {@code seed}. */
    public WriterKills(Path work, long seed, int maxDelayMicros) {
        this.work = work;
        this.dir = work.resolve("nvram");
        this.random = new Random(seed);
        this.maxDelayMicros = maxDelayMicros;
    }

    /** Starts the writer, kills it at a random instant once it has written, and reads back what it left. */
    public Kill next() throws IOException, InterruptedException {
        kills++;
        Path errors = work.resolve("writer.err");
        Path reports = work.resolve("writer.out");
        Process writer = ChildJvm.of(NvramWriterProcess.class, dir.toString()).redirectError(errors.toFile())
                .redirectOutput(reports.toFile()).start();
        boolean reported;
        try {
            reported = firstReportWithin(reports, writer);
            // The instant of the kill is the thing under test.
            TimeUnit.MICROSECONDS.sleep(random.nextInt(maxDelayMicros));
        } finally {
            writer.destroyForcibly();
        }
        if (!writer.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("kill " + kills + ": the writer outlived SIGKILL by 10 s");
        }
        // read once the writer is gone: a file keeps every line it wrote, where a pipe read
        // while the JDK drains it at exit may end early
        List<Long> completed = completeLines(reports);
        long before = stored;
        FileNvramStore store = FileNvramStore.open(dir, NvramLayout.INITIAL);
        Optional<Long> after;
        Optional<String> damage;
        try {
            after = Optional.of(NvramWriterProcess.generationOf(store.image()));
            damage = Optional.empty();
        } catch (IllegalStateException torn) {
            after = Optional.empty();
            damage = Optional.of(torn.getMessage());
        }
        after.ifPresent(generation -> stored = generation);
        return new Kill(reported, Files.readString(errors), before, completed, store.openReport(), after, damage);
    }

    /** The kills so far. */
    public int kills() {
        return kills;
    }

    /** Whether the writer reports its first generation within 20 s (while it is alive). */
    private static boolean firstReportWithin(Path reports, Process writer) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && writer.isAlive()) {
            if (Files.readString(reports).indexOf('\n') >= 0) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        return Files.readString(reports).indexOf('\n') >= 0;
    }

    /** The generations the writer reported, from complete lines only: a kill may cut the last. */
    private static List<Long> completeLines(Path reports) throws IOException {
        String text = Files.readString(reports);
        return text.substring(0, text.lastIndexOf('\n') + 1).lines().map(Long::parseLong).toList();
    }
}
