package dev.selfreg.nvram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class NvramRoundTripProperties {

    @Property(tries = 300)
    void anyImageSurvivesWriteAndReopenExactly(
            @ForAll(supplier = NvramImages.class) NvramImage image) throws IOException {
        try (ScratchDirectory scratch = new ScratchDirectory()) {
            FileNvramStore.open(scratch.path(), NvramLayout.INITIAL).write(image);

            FileNvramStore reopened = FileNvramStore.open(scratch.path(), NvramLayout.INITIAL);

            assertThat(reopened.image()).isEqualTo(image);
            assertThat(reopened.openReport()).isEmpty();
        }
    }
}
