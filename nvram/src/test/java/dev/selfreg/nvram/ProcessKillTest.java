package dev.selfreg.nvram;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
        long seed = System.nanoTime();
        WriterKills kills = new WriterKills(work, seed, MAX_KILL_DELAY_MICROS);
        for (int round = 1; round <= ROUNDS; round++) {
            String context = "round " + round + " of seed " + seed;
            WriterKills.Kill kill = kills.next();

            assertThat(kill.errors()).as("%s: writer stderr", context).isEmpty();
            assertThat(kill.reported()).as("%s: writer reported a generation", context).isTrue();
            assertThat(kill.completed().get(0)).as(context).isEqualTo(kill.before() + 1);
            assertThat(kill.openReport()).as(context).isEmpty();
            assertThat(kill.damage()).as(context).isEmpty();
            long last = kill.lastCompleted();
            assertThat(kill.stored()).as(context).hasValueSatisfying(stored -> assertThat(stored).isBetween(last, last + 1));
        }
    }
}
