package dev.selfreg.platform.dm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.PlatformOnASmallDisk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform on its embedded store, whose CMDMP records go to its journal first ({@code <data>/dm-journal}), the
 * data directory on a 16 MB tmpfs of its own ({@link PlatformOnASmallDisk}), Leshan clients registering, and the file
 * system filled up under it: while the journal cannot be written, Registers are answered 5.03 and none of them is
 * stored (nor left in the journal's files, which a killed platform would replay); once space is freed Registers are
 * acknowledged again without a restart, and every acknowledged one is stored exactly once, in the store opened again
 * after the platform stopped.
 */
class RegistrationsOnAFullDiskTest {

    private static final String SIZE = "16m";
    private static final int LANES = 4;
    private static final int BATCH = 20;
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void registersOnAFullDiskAreAnswered503AndOnceSpaceIsFreedAcknowledgedAgainWithNothingLost() throws Exception {
        PlatformOnASmallDisk.assumeNamespaces();
        try (PlatformOnASmallDisk platform = PlatformOnASmallDisk.start(dir.resolve("data"), SIZE,
                RegistrationLoad.application(), Path.of("target", "RegistrationsOnAFullDiskTest-platform.log"))) {
            RegistrationLoad load = RegistrationLoad.start(platform.port("dm"), LANES, 0);
            long freed;
            try {
                await().atMost(BOUND).until(() -> load.acknowledgedEndpoints().size() >= BATCH);

                platform.fillUp();
                await().atMost(BOUND).until(() -> load.answered("register 5.03") >= BATCH);

                platform.free();
                freed = System.nanoTime();
                await().atMost(BOUND).until(() -> load.acknowledgedAfter(freed) >= BATCH);
            } finally {
                load.close();
            }
            // nothing has been imported and deleted yet: every frame written since the start is in the segments
            String journal = new String(platform.journal(), StandardCharsets.ISO_8859_1);
            assertThat(load.refusedEndpoints()).as("no frame of a refused Register left in the journal")
                    .noneMatch(journal::contains);
            assertThat(load.acknowledgedEndpoints()).as("every acknowledged Register in the journal")
                    .allMatch(journal::contains);

            Map<String, Integer> stored = platform.stop().registrations();
            assertThat(stored.values()).as("no Register stored twice").allMatch(count -> count == 1);
            assertThat(stored.keySet()).as("every acknowledged Register stored")
                    .containsAll(load.acknowledgedEndpoints());
            assertThat(stored.keySet()).as("no Register answered 5.03 stored")
                    .doesNotContainAnyElementsOf(load.refusedEndpoints());
            System.out.printf("CMDMP journal on a full %s tmpfs: %d Registers begun, %d acknowledged (%d after space was"
                            + " freed), %d answered 5.03, %d refused in all, %d stored%n", SIZE, load.started(),
                    load.acknowledgedEndpoints().size(), load.acknowledgedAfter(freed), load.answered("register 5.03"),
                    load.refusedEndpoints().size(), stored.size());
        }
    }
}
