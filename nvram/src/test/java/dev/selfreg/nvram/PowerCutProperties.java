package dev.selfreg.nvram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.nvram.FileNvramStore.WriteStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PowerCutProperties {

    @Property(tries = 300)
    void powerCutDuringWriteLeavesTheWholeOldOrTheWholeNewImage(
            @ForAll(supplier = NvramImages.class) NvramImage oldImage,
            @ForAll(supplier = NvramImages.class) NvramImage newImage,
            @ForAll WriteStep cut,
            @ForAll @IntRange(max = 100) int percentThatMadeIt) throws IOException {
        try (ScratchDirectory scratch = new ScratchDirectory()) {
            Path dir = scratch.path();
            FileNvramStore.open(dir, NvramLayout.INITIAL).write(oldImage);
            FileNvramStore doomed = FileNvramStore.open(
                    dir, NvramLayout.INITIAL, PowerCut.after(cut, percentThatMadeIt));
            assertThatThrownBy(() -> doomed.write(newImage)).isInstanceOf(PowerCut.class);

            FileNvramStore afterReboot = FileNvramStore.open(dir, NvramLayout.INITIAL);

            // The rename is the instant of commit.
            NvramImage expected = cut.compareTo(WriteStep.RENAMED) < 0 ? oldImage : newImage;
            assertThat(afterReboot.image()).isEqualTo(expected);
            assertThat(afterReboot.openReport()).isEmpty();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).extracting(file -> file.getFileName().toString())
                        .containsExactly("nvram");
            }
        }
    }
}
