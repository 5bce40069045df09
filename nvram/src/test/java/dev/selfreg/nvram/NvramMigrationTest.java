package dev.selfreg.nvram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvramMigrationTest {

    /** Layout 2 of this test moves the APN into the first PDP context. */
    private static final NvramLayout LAYOUT_2 =
            NvramLayout.INITIAL.then(rename("apn", "pdp.1.apn"));

    private static final NvramImage LAYOUT_1_IMAGE =
            NvramImage.empty().with("apn", "cmnbiot").with("band", "8");

    private static final NvramImage LAYOUT_2_IMAGE =
            NvramImage.empty().with("pdp.1.apn", "cmnbiot").with("band", "8");

    @TempDir
    Path dir;

    private static UnaryOperator<NvramImage> rename(String from, String to) {
        return image -> image.get(from)
                .map(value -> image.without(from).with(to, value))
                .orElse(image);
    }

    @Test
    void eachLayoutIsOneVersionAfterThePrevious() {
        assertThat(NvramLayout.INITIAL.version()).isEqualTo(1);
        assertThat(LAYOUT_2.version()).isEqualTo(2);
        assertThat(LAYOUT_2.then(UnaryOperator.identity()).version()).isEqualTo(3);
    }

    @Test
    void olderImageIsMigratedAndWrittenBack() throws IOException {
        FileNvramStore.open(dir, NvramLayout.INITIAL).write(LAYOUT_1_IMAGE);

        FileNvramStore migrated = FileNvramStore.open(dir, LAYOUT_2);

        assertThat(migrated.image()).isEqualTo(LAYOUT_2_IMAGE);
        assertThat(migrated.openReport())
                .contains("NVRAM image migrated from layout 1 to layout 2");
        assertThat(Files.readString(dir.resolve("nvram"))).startsWith("SELFREG-NVRAM layout=2 ");
        FileNvramStore reopened = FileNvramStore.open(dir, LAYOUT_2);
        assertThat(reopened.image()).isEqualTo(LAYOUT_2_IMAGE);
        assertThat(reopened.openReport()).isEmpty();
    }

    @Test
    void migrationsRunInOrderFromTheStoredLayout() {
        NvramLayout layout3 = LAYOUT_2.then(rename("pdp.1.apn", "pdp.1.name"));
        FileNvramStore.open(dir, NvramLayout.INITIAL).write(LAYOUT_1_IMAGE);

        assertThat(FileNvramStore.open(dir, layout3).image())
                .isEqualTo(NvramImage.empty().with("pdp.1.name", "cmnbiot").with("band", "8"));
    }

    @Test
    void newerImageIsRefusedAndLeftUntouched() throws IOException {
        NvramLayout layout3 = LAYOUT_2.then(UnaryOperator.identity());
        FileNvramStore.open(dir, layout3).write(LAYOUT_2_IMAGE);
        byte[] written = Files.readAllBytes(dir.resolve("nvram"));

        assertThatThrownBy(() -> FileNvramStore.open(dir, LAYOUT_2))
                .isInstanceOf(NvramException.class)
                .hasMessageContaining("has layout 3, newer than layout 2");
        assertThat(dir.resolve("nvram")).hasBinaryContent(written);
    }

    @Test
    void migrationInterruptedByPowerCutRunsAgainAtNextOpen() {
        FileNvramStore.open(dir, NvramLayout.INITIAL).write(LAYOUT_1_IMAGE);

        assertThatThrownBy(() -> FileNvramStore.open(dir, LAYOUT_2, PowerCut.after(
                FileNvramStore.WriteStep.TEMP_FORCED, 100)))
                .isInstanceOf(PowerCut.class);
        assertThat(FileNvramStore.open(dir, NvramLayout.INITIAL).image()).isEqualTo(LAYOUT_1_IMAGE);

        assertThat(FileNvramStore.open(dir, LAYOUT_2).image()).isEqualTo(LAYOUT_2_IMAGE);
    }
}
