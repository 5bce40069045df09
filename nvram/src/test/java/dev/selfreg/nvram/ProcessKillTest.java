package dev.selfreg.nvram;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ProcessKillTest {

    private static final int ROUNDS = 20;
    private static final int MAX_KILL_DELAY_MICROS = 20_000;

    @TempDir
    Path work;

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void killedWriterLeavesTheLastCompletedGenerationOrTheNext() throws Exception {
        Path dir = work.resolve("nvram");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long stored = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            String context = "round " + round + " of seed " + seed;
            Path errors = work.resolve("writer-" + round + ".err");
            Path reports = work.resolve("writer-" + round + ".out");
            Process writer = startWriter(dir, errors, reports);
            boolean reported;
            try {
                reported = firstReportWithin(reports, writer);
                // The instant of the kill is the thing under test.
                TimeUnit.MICROSECONDS.sleep(random.nextInt(MAX_KILL_DELAY_MICROS));
            } finally {
                writer.destroyForcibly();
            }
            assertThat(writer.waitFor(10, SECONDS)).as(context).isTrue();
            // read once the writer is gone: a file keeps every line it wrote, where a pipe read
            // while the JDK drains it at exit may end early
            List<Long> completed = completeLines(reports);

            assertThat(Files.readString(errors)).as("%s: writer stderr", context).isEmpty();
            assertThat(reported).as("%s: writer reported a generation", context).isTrue();
            assertThat(completed.get(0)).as(context).isEqualTo(stored + 1);
            FileNvramStore store = FileNvramStore.open(dir, NvramLayout.INITIAL);
            assertThat(store.openReport()).as(context).isEmpty();
            stored = NvramWriterProcess.generationOf(store.image());
            long last = completed.get(completed.size() - 1);
            assertThat(stored).as(context).isBetween(last, last + 1);
        }
    }

    private static Process startWriter(Path dir, Path errors, Path reports) throws IOException {
        return ChildJvm.of(NvramWriterProcess.class, dir.toString()).redirectError(errors.toFile())
                .redirectOutput(reports.toFile()).start();
    }

    /** Whether the writer reports its first generation within 20 s (while it is alive). */
    private static boolean firstReportWithin(Path reports, Process writer) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SECONDS.toNanos(20);
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
