package dev.selfreg.nvram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Positive;

class CorruptionProperties {

    @Property(tries = 300)
    void anyFlippedBitIsReportedAsCorrupt(
            @ForAll(supplier = NvramImages.class) NvramImage image,
            @ForAll @Positive int position,
            @ForAll @IntRange(max = 7) int bit) throws IOException {
        try (ScratchDirectory scratch = new ScratchDirectory()) {
            byte[] damaged = writtenFile(scratch.path(), image);
            damaged[position % damaged.length] ^= (byte) (1 << bit);

            assertReportedAsCorruptAndUsable(scratch.path(), damaged);
        }
    }

    @Property(tries = 300)
    void anyTruncationIsReportedAsCorrupt(
            @ForAll(supplier = NvramImages.class) NvramImage image,
            @ForAll @Positive int length) throws IOException {
        try (ScratchDirectory scratch = new ScratchDirectory()) {
            byte[] whole = writtenFile(scratch.path(), image);

            assertReportedAsCorruptAndUsable(
                    scratch.path(), Arrays.copyOf(whole, length % whole.length));
        }
    }

    private static byte[] writtenFile(Path dir, NvramImage image) throws IOException {
        FileNvramStore.open(dir, NvramLayout.INITIAL).write(image);
        return Files.readAllBytes(dir.resolve("nvram"));
    }

    private static void assertReportedAsCorruptAndUsable(Path dir, byte[] damaged)
            throws IOException {
        Files.write(dir.resolve("nvram"), damaged);

        FileNvramStore store = FileNvramStore.open(dir, NvramLayout.INITIAL);

        assertThat(store.openReport()).hasValueSatisfying(
                report -> assertThat(report).startsWith("NVRAM image corrupt ("));
        assertThat(store.image()).isEqualTo(NvramImage.empty());
        assertThat(dir.resolve("nvram.corrupt-1")).hasBinaryContent(damaged);

        NvramImage next = NvramImage.empty().with("written", "after corruption");
        store.write(next);
        assertThat(FileNvramStore.open(dir, NvramLayout.INITIAL).image()).isEqualTo(next);
    }
}
