package dev.selfreg.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform replies only after commit: kill its process with SIGKILL while devices are reporting (ZZHC) and
 * registering (CMDMP), restart it on the same data, and every report and registration it acknowledged is there,
 * once. The crash campaign in bench/ runs the same kills a hundred times and more.
 */
class AcknowledgedRecordsSurviveKillTest {

    private static final int ROUNDS = 6;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedReportAndRegistrationIsStoredOnceAfterAKill() throws Exception {
        PlatformKills kills = new PlatformKills(data, 7);
        for (int round = 1; round <= ROUNDS; round++) {
            PlatformKills.Kill kill = kills.next();

            assertThat(kill.reports()).as("reports acknowledged in round %d", round).isPositive();
            assertThat(kill.registrations()).as("registrations acknowledged in round %d", round).isPositive();
            assertThat(kill.missing()).as("acknowledged but missing after round %d", round).isEmpty();
            assertThat(kill.duplicates()).as("stored twice after round %d", round).isEmpty();
        }
    }

    @Test
    void aPlatformThatEndsBeforeItIsReadySaysWhyFromItsLog() throws Exception {
        // its data directory is a file: the platform cannot open its store
        Path notADirectory = Files.writeString(data.resolve("not-a-directory"), "");

        assertThatThrownBy(() -> new PlatformKills(notADirectory, 7).next())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the platform ended before it was ready (exit status ")
                .hasMessageContaining("the last lines of its log")
                .hasMessageContaining("Exception");
    }
}
