package dev.selfreg.lab.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.selfreg.platform.PlatformSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FleetTest {

    /** A platform with an H2 store of its own, in memory, on free ports. */
    static PlatformSettings inMemory() {
        return new PlatformSettings("127.0.0.1", 0, 0, 0, 0, Optional.of("jdbc:h2:mem:fleet-" + UUID.randomUUID()),
                Path.of("unused"), List.of(), false, Optional.empty());
    }

    @Test
    void everyModuleRegistersAndEveryChinaMobileModuleUpdatesOncePerPeriod() {
        List<Duration> progress = new ArrayList<>();
        FleetReport report = Fleet.run(inMemory(), new FleetPlan(4, 4, 2, Duration.ofHours(12)),
                (done, total) -> progress.add(done));

        assertThat(report.rows()).extracting(FleetReport.Row::outcome, FleetReport.Row::observed).containsExactly(
                tuple("China Telecom modules whose every boot registered or gave up as the seed says", 4L),
                tuple("China Telecom attempts that failed (expected: every datagram of theirs lost)", 0L),
                tuple("China Telecom registrations the modules had acknowledged, in the platform's records", 4L),
                tuple("China Telecom records beyond those acknowledged (a duplicate stored twice)", 0L),
                tuple("China Telecom reports the platform rejected", 0L),
                tuple("China Mobile modules whose every boot's Register ended (state 6, 7 or 8)", 4L),
                tuple("China Mobile Registers and Updates that timed out (expected: every datagram of theirs lost)", 0L),
                tuple("CMDMP Registers the modules had acknowledged (state 6), in the platform's records", 4L),
                tuple("CMDMP Updates the modules had acknowledged (state 11), in the platform's records", 16L),
                tuple("CMDMP records beyond those acknowledged (a duplicate stored twice)", 0L),
                tuple("object 666 reads decrypted and stored (one per acknowledged Register and Update)", 20L),
                tuple("CMDMP registrations the platform expired (expected: an Update failed, or a FOTA left it)", 0L),
                tuple("CMDMP events that failed or were flagged (expected: the refusals the modules got)", 0L));
        assertThat(report.explanations().get("China Telecom")).containsExactly(
                new FleetReport.Explained("registered on attempt 1", 4));
        assertThat(report.explanations().get("China Mobile")).containsExactly(
                new FleetReport.Explained("registered, state 11 at the end", 4));
        assertThat(report.passed()).isTrue();
        assertThat(report.table()).endsWith("fleet PASSED: every expected outcome happened\n");
        assertThat(progress).hasSize(49).last().isEqualTo(Duration.ofDays(2).plusMinutes(1));
    }

    @Test
    void aPlanOutsideItsBoundsIsRefused() {
        int most = FleetPlan.MAX_MODULES;
        assertThatThrownBy(() -> new FleetPlan(0, 0, 1, Duration.ofDays(1))).hasMessageContaining("1 to " + most + " modules");
        assertThatThrownBy(() -> new FleetPlan(most, 1, 1, Duration.ofDays(1)))
                .hasMessageContaining("1 to " + most + " modules, not " + most + " China Telecom and 1 China Mobile");
        assertThatThrownBy(() -> new FleetPlan(1, 0, 0, Duration.ofDays(1))).hasMessageContaining("1 to 366 days");
        assertThatThrownBy(() -> new FleetPlan(1, 1, 1, Duration.ofSeconds(299)))
                .hasMessageContaining("the CMDMP update period is 300 to 4294966 s (AT+QDMPCFG=1), not 299");
    }
}
