package dev.selfreg.nvram;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
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
            Process writer = startWriter(dir, errors);
            CompletedGenerations completed = CompletedGenerations.follow(writer.getInputStream());
            boolean reported;
            try {
                reported = completed.first.await(20, SECONDS);
                // The instant of the kill is the thing under test.
                TimeUnit.MICROSECONDS.sleep(random.nextInt(MAX_KILL_DELAY_MICROS));
            } finally {
                writer.destroyForcibly();
            }
            assertThat(writer.waitFor(10, SECONDS)).as(context).isTrue();
            completed.reader.join(SECONDS.toMillis(10));

            assertThat(Files.readString(errors)).as("%s: writer stderr", context).isEmpty();
            assertThat(reported).as("%s: writer reported a generation", context).isTrue();
            assertThat(completed.firstGeneration).as(context).isEqualTo(stored + 1);
            FileNvramStore store = FileNvramStore.open(dir, NvramLayout.INITIAL);
            assertThat(store.openReport()).as(context).isEmpty();
            stored = NvramWriterProcess.generationOf(store.image());
            assertThat(stored).as(context).isBetween(completed.last, completed.last + 1);
        }
    }

    private static Process startWriter(Path dir, Path errors) throws IOException {
        return ChildJvm.of(NvramWriterProcess.class, dir.toString()).redirectError(errors.toFile()).start();
    }

    /** The generations a writer reports, from complete lines only: a kill may cut the last. */
    private static final class CompletedGenerations {
        final CountDownLatch first = new CountDownLatch(1);
        volatile long firstGeneration;
        volatile long last;
        Thread reader;

        static CompletedGenerations follow(InputStream out) {
            CompletedGenerations completed = new CompletedGenerations();
            completed.reader = new Thread(() -> completed.read(out), "writer-stdout");
            completed.reader.setDaemon(true);
            completed.reader.start();
            return completed;
        }

        private void read(InputStream out) {
            StringBuilder line = new StringBuilder();
            try {
                for (int c = out.read(); c >= 0; c = out.read()) {
                    if (c != '\n') {
                        line.append((char) c);
                        continue;
                    }
                    last = Long.parseLong(line.toString());
                    line.setLength(0);
                    if (first.getCount() > 0) {
                        firstGeneration = last;
                        first.countDown();
                    }
                }
            } catch (IOException e) {
                // The stream closes when the writer is killed; what was read is all there is.
            }
        }
    }
}
